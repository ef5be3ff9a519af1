import type { ClientBase } from 'pg';
import { lookupsOf, projectPortfolio, type ProjectedMessage } from './portfolio.projection';
import {
  collectionsKey,
  movementKey,
  paymentKey,
  portfolioGroupKey,
  type AccountRow,
  type CollectionsDelta,
  type MovementDelta,
  type PaymentRow,
  type PortfolioGroup,
} from './portfolio.rows';
import { accountValues, paymentValues } from './portfolio.sql-sink';
import {
  ACCOUNT_COLUMNS,
  COLLECTIONS_COLUMNS,
  MOVEMENT_COLUMNS,
  PAYMENT_COLUMNS,
  PORTFOLIO_COLUMNS,
  type PortfolioTables,
} from './portfolio.tables';
import { copyRows } from './sql';

/**
 * The rebuild's fast path: the same `projectPortfolio` as the live consumer, with state in memory
 * and one bulk write at the end, so replaying history costs no round trip per event.
 */
export class PortfolioMemorySink {
  private readonly accounts = new Map<string, AccountRow>();
  private readonly payments = new Map<string, PaymentRow>();
  private readonly portfolio = new Map<
    string,
    { group: PortfolioGroup; days: Map<string, { count: number; balance: bigint }> }
  >();
  private readonly collections = new Map<string, CollectionsDelta>();
  private readonly movements = new Map<string, MovementDelta>();

  apply(m: ProjectedMessage): void {
    const look = lookupsOf(m);
    if (!look) return;
    const payment = look.paymentId
      ? this.payments.get(paymentKey(look.accountId, look.paymentId))
      : undefined;
    const c = projectPortfolio(m, this.accounts.get(look.accountId), payment);
    if (c.account) this.accounts.set(c.account.accountId, c.account);
    if (c.payment) this.payments.set(paymentKey(c.payment.accountId, c.payment.paymentId), c.payment);
    // Sums in place (the sink owns these objects; no per-event copies).
    for (const d of c.portfolio) {
      const k = portfolioGroupKey(d);
      let entry = this.portfolio.get(k);
      if (!entry)
        this.portfolio.set(
          k,
          (entry = {
            group: { creditorId: d.creditorId, currency: d.currency, bucket: d.bucket, status: d.status },
            days: new Map(),
          }),
        );
      const day = entry.days.get(d.day);
      if (day) {
        day.count += d.count;
        day.balance += d.balance;
      } else entry.days.set(d.day, { count: d.count, balance: d.balance });
    }
    for (const d of c.collections) {
      const k = collectionsKey(d);
      const s = this.collections.get(k);
      if (!s) this.collections.set(k, { ...d });
      else {
        s.paymentCount += d.paymentCount;
        s.gross += d.gross;
        s.reversalCount += d.reversalCount;
        s.reversed += d.reversed;
      }
    }
    for (const d of c.movements) {
      const k = movementKey(d);
      const s = this.movements.get(k);
      if (!s) this.movements.set(k, { ...d });
      else {
        s.count += d.count;
        s.balance += d.balance;
      }
    }
  }

  /** Writes everything into (empty, index-less) tables, one COPY each: the daily series as running totals per group. */
  async flush(client: ClientBase, t: PortfolioTables): Promise<void> {
    await copyRows(client, t.accounts, ACCOUNT_COLUMNS, [...this.accounts.values()].map(accountValues));
    await copyRows(client, t.payments, PAYMENT_COLUMNS, [...this.payments.values()].map(paymentValues));
    const series: unknown[][] = [];
    for (const { group, days } of this.portfolio.values()) {
      let count = 0;
      let balance = 0n;
      for (const [day, d] of [...days].sort(([x], [y]) => (x < y ? -1 : 1))) {
        count += d.count;
        balance += d.balance;
        series.push([group.creditorId, group.currency, group.bucket, group.status, day, count, balance]);
      }
    }
    await copyRows(client, t.portfolioDaily, PORTFOLIO_COLUMNS, series);
    await copyRows(
      client,
      t.collectionsDaily,
      COLLECTIONS_COLUMNS,
      [...this.collections.values()].map((d) => [
        d.day,
        d.creditorId,
        d.currency,
        d.channel,
        d.paymentCount,
        d.gross,
        d.reversalCount,
        d.reversed,
        d.gross - d.reversed,
      ]),
    );
    await copyRows(
      client,
      t.bucketMovements,
      MOVEMENT_COLUMNS,
      [...this.movements.values()].map((d) => [
        d.day,
        d.creditorId,
        d.currency,
        d.fromBucket,
        d.toBucket,
        d.count,
        d.balance,
      ]),
    );
  }
}
