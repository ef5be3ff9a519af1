import { daysPastDue, localDateIn, totalOf } from '@cartera/ledger-domain';
import type { Account, Components } from '@cartera/ledger-domain';
import { debtorIdOf } from './account-ids';
import type { AccountRow } from './account-summary.projection';

/** Balance by component in minor units, as strings (JSON never carries money as a number). */
export type ComponentsView = { principal: string; interest: string; fees: string };

/** What the API answers for an account: balance by component, status, DPD and bucket. */
export type AccountView = {
  accountId: string;
  creditorId: string;
  creditorAccountRef: string;
  debtorId: string;
  currency: string;
  balance: ComponentsView;
  totalMinor: string;
  creditMinor: string;
  status: 'active' | 'closed';
  closureReason: string | null;
  firstUnpaidDueDate: string;
  /** Days past due today in the debtor's zone. */
  dpd: number;
  /** The bucket of the last aging (null before the first). */
  bucket: string | null;
  timeZone: string;
  interestRateBps: number | null;
  /** Stream version the view reflects. */
  version: number;
};

const componentsView = (c: Components): ComponentsView => ({
  principal: c.principal.toString(),
  interest: c.interest.toString(),
  fees: c.fees.toString(),
});

const dpdToday = (firstUnpaidDueDate: string, timeZone: string, now: Date): number =>
  daysPastDue(firstUnpaidDueDate, localDateIn(timeZone, now));

export const viewFromState = (
  s: Exclude<Account, { status: 'unplaced' }>,
  version: number,
  now: Date,
): AccountView => ({
  accountId: s.accountId,
  creditorId: s.creditorId,
  creditorAccountRef: s.placement.creditorAccountRef,
  debtorId: debtorIdOf(s.creditorId, s.placement.debtor.reference),
  currency: s.currency,
  balance: componentsView(s.balance),
  totalMinor: totalOf(s.balance).toString(),
  creditMinor: s.credit.toString(),
  status: s.status,
  closureReason: s.status === 'closed' ? s.reason : null,
  firstUnpaidDueDate: s.firstUnpaidDueDate,
  dpd: dpdToday(s.firstUnpaidDueDate, s.timeZone, now),
  bucket: s.bucket,
  timeZone: s.timeZone,
  interestRateBps: s.interestTerms?.annualRateBps ?? null,
  version,
});

export const viewFromRow = (r: AccountRow, now: Date): AccountView => {
  const balance = { principal: r.principal, interest: r.interest, fees: r.fees };
  return {
    accountId: r.accountId,
    creditorId: r.creditorId,
    creditorAccountRef: r.creditorAccountRef,
    debtorId: r.debtorId,
    currency: r.currency,
    balance: componentsView(balance),
    totalMinor: totalOf(balance).toString(),
    creditMinor: r.credit.toString(),
    status: r.status,
    closureReason: r.closureReason,
    firstUnpaidDueDate: r.firstUnpaidDueDate,
    dpd: dpdToday(r.firstUnpaidDueDate, r.timeZone, now),
    bucket: r.bucket,
    timeZone: r.timeZone,
    interestRateBps: r.interestRateBps,
    version: r.version,
  };
};
