import { IsIn, IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { EXAMPLE_ACCOUNT } from './example-base';
import { IsInstant, IsIsoDate, LedgerMessageBase } from './ledger-common';

/** An account closed as paid in full is owed again (its closing payment was reversed): work resumes. */
export class AccountReopenedV1 extends LedgerMessageBase {
  @IsIn(['payment_reversed']) reason!: string;
  /** The reversed payment that put the balance back. */
  @IsString() @Length(1, 200) paymentId!: string;
  @IsInstant() reopenedAt!: string;
  @IsIsoDate() reopenedOn!: string;
}

export const AccountReopenedV1Contract = defineContract('AccountReopened', 1, AccountReopenedV1);

export const accountReopenedV1Example: AccountReopenedV1 = {
  ...EXAMPLE_ACCOUNT,
  reason: 'payment_reversed',
  paymentId: 'psp-991',
  reopenedAt: '2026-11-21T09:30:00.000Z',
  reopenedOn: '2026-11-21',
};
