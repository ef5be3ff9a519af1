/**
 * Why the ledger refused a command. Each code is a business rule a caller can act on (the
 * platform maps every AccountRuleViolated to 409/422 problem+json with this code).
 * - `account_not_placed` — the account does not exist yet (no AccountPlaced).
 * - `already_placed` — a placement for this id exists with different data (an identical re-import is a no-op).
 * - `invalid_placement` — the placement itself is unusable (unknown currency or zone, negative or zero balance…).
 * - `invalid_command` — a field of the command is malformed (a date, an instant, a bucket scheme, a waterfall).
 * - `account_closed` — the account is closed (paid in full, settled, written off): nothing more is posted.
 * - `account_recalled` — the creditor took the account back: work and payments stop here.
 * - `currency_mismatch` — the amount is not in the account's currency.
 * - `non_positive_amount` — payments and charges are strictly positive; an adjustment must change something.
 * - `unknown_payment` — reversal of a payment this account never posted.
 * - `payment_already_reversed` — the payment was reversed before.
 * - `adjustment_below_zero` — the adjustment would leave a balance component negative.
 * - `overpayment_beyond_tolerance` — the payment exceeds what is owed by more than the creditor's tolerance.
 */
export type AccountRuleCode =
  | 'account_not_placed'
  | 'already_placed'
  | 'invalid_placement'
  | 'invalid_command'
  | 'account_closed'
  | 'account_recalled'
  | 'currency_mismatch'
  | 'non_positive_amount'
  | 'unknown_payment'
  | 'payment_already_reversed'
  | 'adjustment_below_zero'
  | 'overpayment_beyond_tolerance';

export class AccountRuleViolated extends Error {
  constructor(
    readonly code: AccountRuleCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AccountRuleViolated';
  }
}

/** For `thenThrows`: matches an AccountRuleViolated with this code. */
export const violates =
  (code: AccountRuleCode) =>
  (error: Error): boolean =>
    error instanceof AccountRuleViolated && error.code === code;

/**
 * A field of the command lies outside what the ledger accepts at all (a business time before the
 * account's origination, an amount beyond MAX_MINOR_UNITS): bad input naming the field, not a
 * business conflict (the platform maps every `*InputRejected` with a `field` to 400).
 */
export class AccountInputRejected extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'AccountInputRejected';
  }
}

/** For `thenThrows`: matches an AccountInputRejected naming this field. */
export const rejectsField =
  (field: string) =>
  (error: Error): boolean =>
    error instanceof AccountInputRejected && error.field === field;
