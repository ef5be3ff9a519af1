import { Temporal } from 'temporal-polyfill';
import { CaseRuleViolated } from './case.errors';
import { Case, LinkedAccount, OpenedCase } from './case.state';
import { Instant, IsoDate } from './case.time';

// The checks deciding functions start with, in one place so their order is the same everywhere.

export const openedOnly = (s: Case): OpenedCase => {
  if (s.status === 'unopened') throw new CaseRuleViolated('case_not_open');
  return s;
};

export const notClosed = (s: OpenedCase): OpenedCase => {
  if (s.status === 'closed') throw new CaseRuleViolated('case_closed', 'current status closed');
  return s;
};

export const linked = (s: OpenedCase, accountId: string): LinkedAccount => {
  const account = s.accounts.get(accountId);
  if (!account) throw new CaseRuleViolated('unknown_account', `account ${accountId} is not on this case`);
  return account;
};

export const validDate = (field: string, date: IsoDate): IsoDate => {
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date))
      return Temporal.PlainDate.from(date, { overflow: 'reject' }).toString();
  } catch {
    // refused below
  }
  throw new CaseRuleViolated('invalid_command', `${field} must be a date YYYY-MM-DD`);
};

export const validInstant = (field: string, at: Instant): Instant => {
  try {
    Temporal.Instant.from(at);
    return at;
  } catch {
    throw new CaseRuleViolated('invalid_command', `${field} must be an ISO 8601 instant with offset`);
  }
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;

/** Instants are compared as instants, whatever offsets they were written with. */
export const isAfter = (a: Instant, b: Instant): boolean =>
  Temporal.Instant.compare(Temporal.Instant.from(a), Temporal.Instant.from(b)) > 0;
