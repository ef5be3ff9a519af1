import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@cartera/platform';
import type { Pool } from 'pg';
import { isoText } from '../projections/sql';
import type {
  AccountsQuery,
  BucketMovementsQuery,
  CollectionsQuery,
  PortfolioSummaryQuery,
} from './reporting.dto';

/** A list answer: rows plus, for paged lists, the cursor of the next page. */
export type Page<T> = { items: T[]; nextCursor?: string | null };

/** Creditors the caller may see; undefined = every creditor. */
export type Scope = readonly string[] | undefined;

/** Builds a WHERE clause from optional conditions, numbering parameters as it goes. */
class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];
  add(sql: (p: string) => string, value: unknown): this {
    if (value === undefined) return this;
    this.params.push(value);
    this.parts.push(sql(`$${this.params.length}`));
    return this;
  }
  scope(column: string, creditors: Scope): this {
    return creditors ? this.add((p) => `${column} = ANY(${p}::text[])`, [...creditors]) : this;
  }
  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

const ACCOUNT_SELECT = `account_id AS "accountId", creditor_id AS "creditorId", debtor_id AS "debtorId", creditor_account_ref AS "creditorAccountRef",
  product, currency, principal::text AS "principalMinor", interest::text AS "interestMinor", fees::text AS "feesMinor",
  balance::text AS "balanceMinor", credit_balance::text AS "creditBalanceMinor", total_paid::text AS "totalPaidMinor", status,
  days_past_due AS "daysPastDue", dpd_as_of::text AS "dpdAsOf", bucket, first_unpaid_due_date::text AS "firstUnpaidDueDate",
  ${isoText('placed_at')} AS "placedAt", ${isoText('last_payment_at')} AS "lastPaymentAt", closed_on::text AS "closedOn"`;

/** Reads of the read models: plain SQL on the service pool (search_path = the reporting schema). */
@Injectable()
export class ReportingQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async portfolioSummary(q: PortfolioSummaryQuery, creditors: Scope): Promise<Page<Record<string, unknown>>> {
    const w = new Where()
      .add((p) => `creditor_id = ${p}`, q.creditorId)
      .add((p) => `currency = ${p}`, q.currency)
      .add((p) => `day <= ${p}::date`, q.asOf)
      .scope('creditor_id', creditors);
    const { rows } = await this.pool.query(
      `SELECT "creditorId", currency, bucket, status, "accountCount", "balanceMinor" FROM (
         SELECT DISTINCT ON (creditor_id, currency, bucket, status) creditor_id AS "creditorId", currency, bucket, status,
           account_count AS "accountCount", balance::text AS "balanceMinor"
         FROM portfolio_daily ${w} ORDER BY creditor_id, currency, bucket, status, day DESC) latest
       WHERE "accountCount" <> 0 OR "balanceMinor" <> '0' ORDER BY "creditorId", currency, bucket, status`,
      w.params,
    );
    return { items: rows };
  }

  async collections(q: CollectionsQuery, creditors: Scope): Promise<Page<Record<string, unknown>>> {
    const by = { day: `day::text AS day`, creditor: `creditor_id AS "creditorId"`, channel: 'channel' }[
      q.groupBy ?? 'day'
    ];
    const groupColumn = { day: 'day', creditor: 'creditor_id', channel: 'channel' }[q.groupBy ?? 'day'];
    const w = new Where()
      .add((p) => `day >= ${p}::date`, q.from)
      .add((p) => `day <= ${p}::date`, q.to)
      .add((p) => `creditor_id = ${p}`, q.creditorId)
      .add((p) => `currency = ${p}`, q.currency)
      .scope('creditor_id', creditors);
    const { rows } = await this.pool.query(
      `SELECT ${by}, currency, sum(payment_count)::int AS "paymentCount", sum(gross)::text AS "grossMinor",
         sum(reversal_count)::int AS "reversalCount", sum(reversed)::text AS "reversedMinor", sum(net)::text AS "netMinor"
       FROM collections_daily ${w} GROUP BY ${groupColumn}, currency ORDER BY ${groupColumn}, currency`,
      w.params,
    );
    return { items: rows };
  }

  async bucketMovements(q: BucketMovementsQuery, creditors: Scope): Promise<Page<Record<string, unknown>>> {
    const w = new Where()
      .add((p) => `day >= ${p}::date`, q.from)
      .add((p) => `day <= ${p}::date`, q.to)
      .add((p) => `creditor_id = ${p}`, q.creditorId)
      .scope('creditor_id', creditors);
    const { rows } = await this.pool.query(
      `SELECT day::text AS day, creditor_id AS "creditorId", currency, from_bucket AS "fromBucket", to_bucket AS "toBucket",
         account_count AS "accountCount", balance::text AS "balanceMinor"
       FROM bucket_movements ${w} ORDER BY day, creditor_id, currency, from_bucket, to_bucket`,
      w.params,
    );
    return { items: rows };
  }

  async accounts(q: AccountsQuery, creditors: Scope): Promise<Page<Record<string, unknown>>> {
    const limit = q.limit ?? 100;
    const after = q.cursor ? Buffer.from(q.cursor, 'base64url').toString() : undefined;
    const w = new Where()
      .add((p) => `creditor_id = ${p}`, q.creditorId)
      .add((p) => `debtor_id = ${p}::uuid`, q.debtorId)
      .add((p) => `currency = ${p}`, q.currency)
      .add((p) => `status = ${p}`, q.status)
      .add((p) => `bucket = ${p}`, q.bucket)
      .add((p) => `days_past_due >= ${p}`, q.minDaysPastDue)
      .add((p) => `account_id > ${p}::uuid`, after)
      .scope('creditor_id', creditors);
    const { rows } = await this.pool.query<{ accountId: string }>(
      `SELECT ${ACCOUNT_SELECT} FROM accounts ${w} ORDER BY account_id LIMIT ${limit + 1}`,
      w.params,
    );
    const items = rows.slice(0, limit);
    const nextCursor =
      rows.length > limit ? Buffer.from(items[items.length - 1].accountId).toString('base64url') : null;
    return { items, nextCursor };
  }

  async account(id: string, creditors: Scope): Promise<Record<string, unknown> | undefined> {
    const w = new Where().add((p) => `account_id = ${p}::uuid`, id).scope('creditor_id', creditors);
    return (await this.pool.query(`SELECT ${ACCOUNT_SELECT} FROM accounts ${w}`, w.params)).rows[0];
  }

  async timeline(debtorId: string, creditors: Scope): Promise<Page<Record<string, unknown>>> {
    const w = new Where().add((p) => `debtor_id = ${p}`, debtorId).scope('creditor_id', creditors);
    const { rows } = await this.pool.query(
      `SELECT message_id AS "messageId", ${isoText('occurred_at')} AS "occurredAt", source, topic, type, schema_version AS "schemaVersion",
         creditor_id AS "creditorId", account_id AS "accountId", payload
       FROM debtor_timeline ${w} ORDER BY occurred_at, topic, partition, "offset"`,
      w.params,
    );
    return { items: rows };
  }
}
