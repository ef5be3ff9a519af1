import type { EventStore, RecordedEvent, Subscription } from '@cartera/eventstore';
import type { AccountEvent } from '@cartera/ledger-domain';
import type { PoolClient } from 'pg';
import type { LedgerTables } from '../ledger.schema';
import { accountIdOfStream } from './account-ids';
import { ACCOUNT_SUMMARY, AccountRow, evolveAccountRow } from './account-summary.projection';

const COLUMNS = `account_id, creditor_id, creditor_account_ref, debtor_id, debtor_ref, currency, principal, interest, fees, credit,
  status, closure_reason, first_unpaid_due_date::text AS first_unpaid_due_date, time_zone, bucket, dpd,
  last_aged_on::text AS last_aged_on, accrued_through::text AS accrued_through, interest_rate_bps, product, placed_at, last_payment_at, version`;

type DbRow = Record<string, unknown>;

export const rowFromDb = (r: DbRow): AccountRow => ({
  accountId: r['account_id'] as string,
  creditorId: r['creditor_id'] as string,
  creditorAccountRef: r['creditor_account_ref'] as string,
  debtorId: r['debtor_id'] as string,
  debtorRef: r['debtor_ref'] as string,
  currency: r['currency'] as string,
  principal: BigInt(r['principal'] as string),
  interest: BigInt(r['interest'] as string),
  fees: BigInt(r['fees'] as string),
  credit: BigInt(r['credit'] as string),
  status: r['status'] as AccountRow['status'],
  closureReason: r['closure_reason'] as AccountRow['closureReason'],
  firstUnpaidDueDate: r['first_unpaid_due_date'] as string,
  timeZone: r['time_zone'] as string,
  bucket: r['bucket'] as string | null,
  dpd: r['dpd'] as number | null,
  lastAgedOn: r['last_aged_on'] as string | null,
  accruedThrough: r['accrued_through'] as string,
  interestRateBps: r['interest_rate_bps'] as number | null,
  product: r['product'] as string,
  placedAt: (r['placed_at'] as Date).toISOString(),
  lastPaymentAt: r['last_payment_at'] ? (r['last_payment_at'] as Date).toISOString() : null,
  version: Number(r['version']),
});

export const selectAccountColumns = COLUMNS;

/** Applies one batch: load the touched rows, evolve them in memory, upsert them in one statement. */
export const applyToAccountSummary = async (
  client: PoolClient,
  t: LedgerTables,
  events: readonly RecordedEvent[],
): Promise<void> => {
  const ids = [...new Set(events.map((e) => accountIdOfStream(e.streamId)))];
  const { rows } = await client.query(
    `SELECT ${COLUMNS} FROM ${t.accounts} WHERE account_id = ANY($1::uuid[])`,
    [ids],
  );
  const current = new Map<string, AccountRow | null>(
    rows.map((r: DbRow) => [r['account_id'] as string, rowFromDb(r)]),
  );
  const changed = new Set<string>();
  for (const e of events) {
    const id = accountIdOfStream(e.streamId);
    const before = current.get(id) ?? null;
    // The version check makes a replayed batch (after a crash between handler and checkpoint) harmless.
    if (before && e.streamVersion <= before.version) continue;
    const after = evolveAccountRow(before, e as unknown as AccountEvent, e.streamVersion);
    if (after !== before) {
      current.set(id, after);
      changed.add(id);
    }
  }
  const out = [...changed].map((id) => current.get(id)).filter((r): r is AccountRow => !!r);
  if (out.length > 0) await upsert(client, t, out);
};

const col = <K extends keyof AccountRow>(rows: readonly AccountRow[], k: K) =>
  rows.map((r) => (typeof r[k] === 'bigint' ? (r[k] as bigint).toString() : r[k]));

const upsert = (client: PoolClient, t: LedgerTables, rows: readonly AccountRow[]) =>
  client.query(
    `INSERT INTO ${t.accounts} (account_id, creditor_id, creditor_account_ref, debtor_id, debtor_ref, currency, principal, interest,
       fees, credit, status, closure_reason, first_unpaid_due_date, time_zone, bucket, dpd, last_aged_on, accrued_through,
       interest_rate_bps, product, placed_at, last_payment_at, version, updated_at)
     SELECT *, now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::bigint[], $8::bigint[],
       $9::bigint[], $10::bigint[], $11::text[], $12::text[], $13::date[], $14::text[], $15::text[], $16::int[], $17::date[], $18::date[],
       $19::int[], $20::text[], $21::timestamptz[], $22::timestamptz[], $23::bigint[])
     ON CONFLICT (account_id) DO UPDATE SET principal = excluded.principal, interest = excluded.interest, fees = excluded.fees,
       credit = excluded.credit, status = excluded.status, closure_reason = excluded.closure_reason,
       first_unpaid_due_date = excluded.first_unpaid_due_date, bucket = excluded.bucket, dpd = excluded.dpd,
       last_aged_on = excluded.last_aged_on, accrued_through = excluded.accrued_through, last_payment_at = excluded.last_payment_at,
       version = excluded.version, updated_at = now()`,
    [
      col(rows, 'accountId'),
      col(rows, 'creditorId'),
      col(rows, 'creditorAccountRef'),
      col(rows, 'debtorId'),
      col(rows, 'debtorRef'),
      col(rows, 'currency'),
      col(rows, 'principal'),
      col(rows, 'interest'),
      col(rows, 'fees'),
      col(rows, 'credit'),
      col(rows, 'status'),
      col(rows, 'closureReason'),
      col(rows, 'firstUnpaidDueDate'),
      col(rows, 'timeZone'),
      col(rows, 'bucket'),
      col(rows, 'dpd'),
      col(rows, 'lastAgedOn'),
      col(rows, 'accruedThrough'),
      col(rows, 'interestRateBps'),
      col(rows, 'product'),
      col(rows, 'placedAt'),
      col(rows, 'lastPaymentAt'),
      col(rows, 'version'),
    ],
  );

/** The ledger's own projection: one active instance (subscription lock), rows committed with the checkpoint. */
export const startAccountSummary = (
  store: Pick<EventStore, 'subscribe'>,
  t: LedgerTables,
  batchSize = 1_000,
): Subscription =>
  store.subscribe({
    checkpointName: `projection:${ACCOUNT_SUMMARY.name}`,
    filter: { categories: ['account'], types: ACCOUNT_SUMMARY.canHandle },
    batchSize,
    handler: (events, { client }) => applyToAccountSummary(client, t, events),
    onError: (error) => console.error(error.message),
  });
