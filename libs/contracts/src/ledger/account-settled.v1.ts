import { defineContract } from '../contract-registry';
import { EXAMPLE_ACCOUNT } from './example-base';
import { ComponentsV1, IsInstant, IsIsoDate, LedgerMessageBase, nested } from './ledger-common';

/** The account closed because its settlement was honoured; `forgiven` is the balance left unpaid by agreement. */
export class AccountSettledV1 extends LedgerMessageBase {
  @nested(ComponentsV1) forgiven!: ComponentsV1;
  @IsInstant() settledAt!: string;
  @IsIsoDate() settledOn!: string;
}

export const AccountSettledV1Contract = defineContract('AccountSettled', 1, AccountSettledV1);

export const accountSettledV1Example: AccountSettledV1 = {
  ...EXAMPLE_ACCOUNT,
  forgiven: { principal: '40000', interest: '0', fees: '0' },
  settledAt: '2026-11-20T15:04:05.000Z',
  settledOn: '2026-11-20',
};
