import { IsCurrency } from '../money.validators';
import { defineContract } from '../contract-registry';
import { IsInstant } from '../ledger/ledger-common';
import { CaseMessageBase } from './case-common';

/** A case was opened for a debtor at a creditor, from the placement of its first account. */
export class CaseOpenedV1 extends CaseMessageBase {
  @IsCurrency() currency!: string;
  @IsInstant() openedAt!: string;
}

export const CaseOpenedV1Contract = defineContract('CaseOpened', 1, CaseOpenedV1);
