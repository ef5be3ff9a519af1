import { IsOptional, IsString } from 'class-validator';
import { defineContract } from '../contract-registry';
import { ComponentsV1, IsInstant, IsIsoDate, LedgerMessageBase, nested } from './ledger-common';

/** The creditor took the account back: every service stops working it. */
export class AccountRecalledV1 extends LedgerMessageBase {
  @nested(ComponentsV1) balance!: ComponentsV1;
  @IsOptional() @IsString() reason!: string | null;
  @IsInstant() recalledAt!: string;
  @IsIsoDate() recalledOn!: string;
}

export const AccountRecalledV1Contract = defineContract('AccountRecalled', 1, AccountRecalledV1);
