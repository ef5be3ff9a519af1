import { IsArray, IsUUID } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsInstant } from '../ledger/ledger-common';
import { CaseMessageBase } from './case-common';

/** Every account of the case is paid, settled, written off or recalled: no more work on it. */
export class CaseClosedV1 extends CaseMessageBase {
  @IsArray() @IsUUID('all', { each: true }) accountIds!: string[];
  @IsInstant() closedAt!: string;
}

export const CaseClosedV1Contract = defineContract('CaseClosed', 1, CaseClosedV1);
