import type { AccountEvent, ClosureReason } from '@cartera/ledger-domain';
import { debtorIdOf } from './account-ids';

/** A row of the ledger's read model (`accounts`): what lists, views and the daily jobs query. */
export type AccountRow = {
  accountId: string;
  creditorId: string;
  creditorAccountRef: string;
  debtorId: string;
  debtorRef: string;
  currency: string;
  principal: bigint;
  interest: bigint;
  fees: bigint;
  credit: bigint;
  status: 'active' | 'closed';
  closureReason: ClosureReason | null;
  firstUnpaidDueDate: string;
  timeZone: string;
  bucket: string | null;
  dpd: number | null;
  lastAgedOn: string | null;
  /** Last day covered by an assessed interest charge (the placement day before the first one). */
  accruedThrough: string;
  interestRateBps: number | null;
  product: string;
  placedAt: string;
  lastPaymentAt: string | null;
  /** Stream version of the last event applied. */
  version: number;
};

export const ACCOUNT_SUMMARY = {
  name: 'account_summary',
  canHandle: [
    'AccountPlaced',
    'ChargeAssessed',
    'PaymentPosted',
    'PaymentReversed',
    'AdjustmentApplied',
    'DueDateUpdated',
    'DelinquencyBucketChanged',
    'AccountClosed',
    'AccountReopened',
  ] as readonly string[],
} as const;

/**
 * Total: an event the row cannot take (anything before the placement, a type it does not track)
 * leaves it unchanged. Events arrive as stored (bigints already revived by the store's codec).
 */
export const evolveAccountRow = (
  row: AccountRow | null,
  event: AccountEvent,
  version: number,
): AccountRow | null => {
  if (event.type === 'AccountPlaced') {
    const p = event.data;
    return {
      accountId: p.accountId,
      creditorId: p.creditorId,
      creditorAccountRef: p.creditorAccountRef,
      debtorId: debtorIdOf(p.creditorId, p.debtor.reference),
      debtorRef: p.debtor.reference,
      currency: p.currency,
      principal: p.balance.principal,
      interest: p.balance.interest,
      fees: p.balance.fees,
      credit: 0n,
      status: 'active',
      closureReason: null,
      firstUnpaidDueDate: p.firstUnpaidDueDate,
      timeZone: p.timeZone,
      bucket: null,
      dpd: null,
      lastAgedOn: null,
      accruedThrough: p.placedOn,
      interestRateBps: p.interestTerms?.annualRateBps ?? null,
      product: p.product,
      placedAt: p.placedAt,
      lastPaymentAt: null,
      version,
    };
  }
  if (!row) return row;
  const next = { ...row, version };
  switch (event.type) {
    case 'ChargeAssessed':
      if (event.data.kind === 'interest') next.interest += event.data.amount;
      else next.fees += event.data.amount;
      if (event.data.accrual) next.accruedThrough = event.data.accrual.through;
      return next;
    case 'PaymentPosted':
      return {
        ...subtract(next, event.data.allocation),
        credit: row.credit + event.data.toCredit,
        lastPaymentAt: event.data.paidAt,
      };
    case 'PaymentReversed':
      return { ...add(next, event.data.allocation), credit: row.credit - event.data.fromCredit };
    case 'AdjustmentApplied':
      return add(next, event.data.delta);
    case 'DueDateUpdated':
      return { ...next, firstUnpaidDueDate: event.data.to };
    case 'DelinquencyBucketChanged':
      return { ...next, bucket: event.data.to, dpd: event.data.dpd, lastAgedOn: event.data.asOf };
    case 'AccountClosed':
      return { ...next, status: 'closed', closureReason: event.data.reason };
    case 'AccountReopened':
      return { ...next, status: 'active', closureReason: null };
    default:
      return next;
  }
};

type Parts = Readonly<{ principal: bigint; interest: bigint; fees: bigint }>;
const add = (row: AccountRow, d: Parts): AccountRow => ({
  ...row,
  principal: row.principal + d.principal,
  interest: row.interest + d.interest,
  fees: row.fees + d.fees,
});
const subtract = (row: AccountRow, d: Parts): AccountRow => ({
  ...row,
  principal: row.principal - d.principal,
  interest: row.interest - d.interest,
  fees: row.fees - d.fees,
});
