import type {
  AccountClosedV1,
  AccountPlacedV1,
  BalanceChangedV1,
  DelinquencyBucketChangedV1,
  PaymentPostedV1,
  PaymentReversedV1,
} from '@cartera/contracts';
import {
  portfolioGroupKey,
  UNAGED,
  type AccountRow,
  type PaymentRow,
  type PortfolioChange,
  type PortfolioDelta,
} from './portfolio.rows';

/** The part of a bus message the projection reads. */
export type ProjectedMessage = Readonly<{ type: string; payload: unknown; occurredAt: string }>;

/** Ledger contract types the portfolio projection applies; the others change none of its tables. */
export const PORTFOLIO_TYPES = new Set([
  'AccountPlaced',
  'PaymentPosted',
  'PaymentReversed',
  'BalanceChanged',
  'DelinquencyBucketChanged',
  'AccountClosed',
]);

/** The account a message is about, and the payment it needs to look up (a reversal's). */
export const lookupsOf = (m: ProjectedMessage): { accountId: string; paymentId?: string } | undefined => {
  if (!PORTFOLIO_TYPES.has(m.type)) return undefined;
  const p = m.payload as { accountId: string; paymentId?: string };
  return m.type === 'PaymentReversed'
    ? { accountId: p.accountId, paymentId: p.paymentId }
    : { accountId: p.accountId };
};

const later = (a: string | null, b: string): string => {
  const at = new Date(b);
  return a === null || at > new Date(a) ? at.toISOString() : a;
};
const none = (): PortfolioChange => ({ portfolio: [], collections: [], movements: [] });

// Object literals, no `{ ...x, newKey }`: V8 (Node 20) builds those on a slow path, microseconds per
// object, and a rebuild makes several per event (measured: the rebuild's main Node cost).
const deltaOf = (a: AccountRow, day: string, count: number, balance: bigint): PortfolioDelta => ({
  creditorId: a.creditorId,
  currency: a.currency,
  bucket: a.bucket,
  status: a.status,
  day,
  count,
  balance,
});

/** Moves an account's contribution from its old group to its new one (merged when the same group). */
export const portfolioDeltas = (
  day: string,
  before: AccountRow | undefined,
  after: AccountRow,
): PortfolioDelta[] => {
  if (!before) return [deltaOf(after, day, 1, after.balance)];
  if (portfolioGroupKey(before) !== portfolioGroupKey(after))
    return [deltaOf(before, day, -1, -before.balance), deltaOf(after, day, 1, after.balance)];
  const balance = after.balance - before.balance;
  return balance === 0n ? [] : [deltaOf(before, day, 0, balance)];
};

const withAccount = (
  m: ProjectedMessage,
  before: AccountRow | undefined,
  after: AccountRow,
  extra: Partial<PortfolioChange> = {},
): PortfolioChange => {
  const at = new Date(m.occurredAt).toISOString();
  const account: AccountRow = { ...after, lastEventAt: at };
  const change: PortfolioChange = {
    account,
    portfolio: portfolioDeltas(at.slice(0, 10), before, account),
    collections: extra.collections ?? [],
    movements: extra.movements ?? [],
  };
  if (extra.payment) change.payment = extra.payment;
  return change;
};

const placed = (m: ProjectedMessage, p: AccountPlacedV1): AccountRow => {
  const [principal, interest, fees] = [
    BigInt(p.balance.principal),
    BigInt(p.balance.interest),
    BigInt(p.balance.fees),
  ];
  return {
    accountId: p.accountId,
    creditorId: p.creditorId,
    debtorId: p.debtorId,
    creditorAccountRef: p.creditorAccountRef,
    product: p.product,
    currency: p.currency,
    principal,
    interest,
    fees,
    balance: principal + interest + fees,
    creditBalance: 0n,
    totalPaid: 0n,
    status: 'active',
    daysPastDue: null,
    dpdAsOf: null,
    bucket: UNAGED,
    firstUnpaidDueDate: p.firstUnpaidDueDate,
    placedAt: new Date(p.placedAt).toISOString(),
    lastPaymentAt: null,
    closedOn: null,
    lastEventAt: new Date(m.occurredAt).toISOString(),
  };
};

/**
 * What one ledger contract message does to the portfolio read models, given the account's row
 * (and, for a reversal, the payment's). Total: a message about an unknown account changes nothing.
 */
export const projectPortfolio = (
  m: ProjectedMessage,
  a: AccountRow | undefined,
  payment?: PaymentRow,
): PortfolioChange => {
  if (m.type === 'AccountPlaced')
    return a ? none() : withAccount(m, undefined, placed(m, m.payload as AccountPlacedV1));
  if (!a) return none();
  switch (m.type) {
    case 'PaymentPosted': {
      const p = m.payload as PaymentPostedV1;
      const amount = BigInt(p.amountMinor);
      const row: PaymentRow = {
        accountId: p.accountId,
        paymentId: p.paymentId,
        creditorId: a.creditorId,
        currency: a.currency,
        channel: p.channel,
        amount,
        paidOn: p.paidOn,
        reversedOn: null,
      };
      return withAccount(
        m,
        a,
        { ...a, totalPaid: a.totalPaid + amount, lastPaymentAt: later(a.lastPaymentAt, p.paidAt) },
        {
          payment: row,
          collections: [
            {
              day: p.paidOn,
              creditorId: a.creditorId,
              currency: a.currency,
              channel: p.channel,
              paymentCount: 1,
              gross: amount,
              reversalCount: 0,
              reversed: 0n,
            },
          ],
        },
      );
    }
    case 'PaymentReversed': {
      const p = m.payload as PaymentReversedV1;
      const amount = BigInt(p.amountMinor);
      const channel = payment?.channel ?? 'unknown';
      // The ledger reopens an account paid in full when the reversal makes something owed again (AccountReopened is private).
      const owedAgain =
        a.status === 'paid_in_full' &&
        BigInt(p.allocation.principal) + BigInt(p.allocation.interest) + BigInt(p.allocation.fees) > 0n;
      const totalPaid = a.totalPaid - amount;
      return withAccount(
        m,
        a,
        owedAgain ? { ...a, status: 'active', closedOn: null, totalPaid } : { ...a, totalPaid },
        {
          payment: payment ? { ...payment, reversedOn: p.reversedOn } : undefined,
          collections: [
            {
              day: p.reversedOn,
              creditorId: a.creditorId,
              currency: a.currency,
              channel,
              paymentCount: 0,
              gross: 0n,
              reversalCount: 1,
              reversed: amount,
            },
          ],
        },
      );
    }
    case 'BalanceChanged': {
      const p = m.payload as BalanceChangedV1;
      const [principal, interest, fees] = [
        BigInt(p.balance.principal),
        BigInt(p.balance.interest),
        BigInt(p.balance.fees),
      ];
      return withAccount(m, a, {
        ...a,
        principal,
        interest,
        fees,
        balance: principal + interest + fees,
        creditBalance: BigInt(p.creditBalanceMinor),
      });
    }
    case 'DelinquencyBucketChanged': {
      const p = m.payload as DelinquencyBucketChangedV1;
      const after = { ...a, bucket: p.to, daysPastDue: p.dpd, dpdAsOf: p.asOf };
      const fromBucket = p.from ?? UNAGED;
      return withAccount(m, a, after, {
        movements:
          fromBucket === p.to
            ? []
            : [
                {
                  day: p.asOf,
                  creditorId: a.creditorId,
                  currency: a.currency,
                  fromBucket,
                  toBucket: p.to,
                  count: 1,
                  balance: a.balance,
                },
              ],
      });
    }
    case 'AccountClosed': {
      const p = m.payload as AccountClosedV1;
      const [principal, interest, fees] = [
        BigInt(p.balance.principal),
        BigInt(p.balance.interest),
        BigInt(p.balance.fees),
      ];
      return withAccount(m, a, {
        ...a,
        status: p.reason,
        closedOn: p.closedOn,
        principal,
        interest,
        fees,
        balance: principal + interest + fees,
      });
    }
    default:
      return none();
  }
};
