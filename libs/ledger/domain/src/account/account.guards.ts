import { Currency } from '@cartera/money';
import { Instant, isInstant, IsoDate, isIsoDate, localDateIn } from './calendar';
import { MAX_MINOR_UNITS, withinMoneyLimit } from './balance';
import { AccountInputRejected, AccountRuleViolated } from './account.errors';
import { Account, ActiveAccount, ClosedAccount } from './account.state';

// The checks every deciding function starts with, in one place so their order is the same everywhere.

export const placedOnly = (s: Account): ActiveAccount | ClosedAccount => {
  if (s.status === 'unplaced') throw new AccountRuleViolated('account_not_placed');
  return s;
};

/** Refuses work on a closed account; a recalled one says so, as its creditor took it back. */
export const activeOnly = (s: ActiveAccount | ClosedAccount): ActiveAccount => {
  if (s.status === 'active') return s;
  throw new AccountRuleViolated(
    s.reason === 'recalled' ? 'account_recalled' : 'account_closed',
    `closed as ${s.reason}`,
  );
};

export const sameCurrency = (s: ActiveAccount, currency: string): Currency => {
  if (currency !== s.currency)
    throw new AccountRuleViolated('currency_mismatch', `${currency} on a ${s.currency} account`);
  return s.currency;
};

export const positive = (amount: bigint): bigint => {
  if (amount <= 0n) throw new AccountRuleViolated('non_positive_amount', `got ${amount}`);
  return amount;
};

/** The date of an instant in the debtor's zone: the business day an event belongs to. */
export const localDate = (s: ActiveAccount | ClosedAccount, field: string, instant: Instant): IsoDate => {
  if (!isInstant(instant))
    throw new AccountRuleViolated('invalid_command', `${field} must be an ISO 8601 instant with offset`);
  return localDateIn(s.timeZone, instant);
};

export const validDate = (field: string, date: IsoDate): IsoDate => {
  if (!isIsoDate(date))
    throw new AccountRuleViolated('invalid_command', `${field} must be a date YYYY-MM-DD`);
  return date;
};

/** An amount no store or read model could hold is bad input, whatever the account. */
export const bounded = (field: string, amount: bigint): bigint => {
  if (!withinMoneyLimit(amount))
    throw new AccountInputRejected(field, `must be at most ${MAX_MINOR_UNITS} minor units`);
  return amount;
};

/** Nothing happens to an account before the debt existed: such a business date is bad input. */
export const notBeforeOrigination = (
  s: ActiveAccount | ClosedAccount,
  field: string,
  on: IsoDate,
): IsoDate => {
  if (on < s.placement.originatedOn)
    throw new AccountInputRejected(
      field,
      `is before the account's origination (${s.placement.originatedOn})`,
    );
  return on;
};

/** The business day of an instant, refused when it lies before the account's origination. */
export const businessDate = (s: ActiveAccount | ClosedAccount, field: string, instant: Instant): IsoDate =>
  notBeforeOrigination(s, field, localDate(s, field, instant));
