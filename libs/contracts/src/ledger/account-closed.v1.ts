import { IsIn } from 'class-validator';
import { defineContract } from '../contract-registry';
import { ComponentsV1, IsInstant, IsIsoDate, LedgerMessageBase, nested } from './ledger-common';

export class AccountClosedV1 extends LedgerMessageBase {
  @IsIn(['paid_in_full', 'settled', 'recalled', 'written_off']) reason!: string;
  /** What remained when it closed (zero when paid in full). */
  @nested(ComponentsV1) balance!: ComponentsV1;
  @IsInstant() closedAt!: string;
  @IsIsoDate() closedOn!: string;
}

export const AccountClosedV1Contract = defineContract('AccountClosed', 1, AccountClosedV1);
