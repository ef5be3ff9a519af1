import type { EventStore, RecordedEvent, Subscription } from '@cartera/eventstore';
import type { PromiseEvent } from '@cartera/negotiation-domain';
import type { PoolClient } from 'pg';
import type { NegotiationTables } from '../negotiation.schema';
import { PROMISE_CATEGORY, promiseIdOfStream } from './promise-ids';
import { evolvePromiseRow, PROMISES_PROJECTION, PromiseRow } from './promises.projection';

export const PROMISE_COLUMNS = `promise_id, account_id, debtor_id, creditor_id, currency, amount, paid, due_on::text AS due_on,
  deadline::text AS deadline, status, rule_version, decided_on::text AS decided_on, made_at, version`;

export const promiseRowFromDb = (r: Record<string, unknown>): PromiseRow => ({
  promiseId: r['promise_id'] as string,
  accountId: r['account_id'] as string,
  debtorId: r['debtor_id'] as string,
  creditorId: r['creditor_id'] as string,
  currency: r['currency'] as string,
  amount: BigInt(r['amount'] as string),
  paid: BigInt(r['paid'] as string),
  dueOn: r['due_on'] as string,
  deadline: r['deadline'] as string,
  status: r['status'] as PromiseRow['status'],
  ruleVersion: r['rule_version'] as string,
  decidedOn: (r['decided_on'] as string | null) ?? null,
  madeAt: (r['made_at'] as Date).toISOString(),
  version: Number(r['version']),
});

const upsert = (client: PoolClient, t: NegotiationTables, r: PromiseRow) =>
  client.query(
    `INSERT INTO ${t.promises} (promise_id, account_id, debtor_id, creditor_id, currency, amount, paid, due_on, deadline,
       status, rule_version, decided_on, made_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (promise_id) DO UPDATE SET paid = excluded.paid, status = excluded.status,
       decided_on = excluded.decided_on, version = excluded.version, updated_at = now()`,
    [
      r.promiseId,
      r.accountId,
      r.debtorId,
      r.creditorId,
      r.currency,
      r.amount.toString(),
      r.paid.toString(),
      r.dueOn,
      r.deadline,
      r.status,
      r.ruleVersion,
      r.decidedOn,
      r.madeAt,
      r.version,
    ],
  );

/** Applies one batch: the touched rows are loaded, evolved in order and written back. */
export const applyToPromises = async (
  client: PoolClient,
  t: NegotiationTables,
  events: readonly RecordedEvent[],
): Promise<void> => {
  const ids = [...new Set(events.map((e) => promiseIdOfStream(e.streamId)))];
  const { rows } = await client.query(
    `SELECT ${PROMISE_COLUMNS} FROM ${t.promises} WHERE promise_id = ANY($1::uuid[])`,
    [ids],
  );
  const current = new Map<string, PromiseRow | null>(
    rows.map((r) => [r['promise_id'] as string, promiseRowFromDb(r)]),
  );
  const changed = new Set<string>();
  for (const e of events) {
    const id = promiseIdOfStream(e.streamId);
    const before = current.get(id) ?? null;
    // A replayed batch (crash between handler and checkpoint) is recognised by its version.
    if (before && e.streamVersion <= before.version) continue;
    current.set(id, evolvePromiseRow(before, e as unknown as PromiseEvent, e.streamVersion));
    changed.add(id);
  }
  for (const id of changed) {
    const row = current.get(id);
    if (row) await upsert(client, t, row);
  }
};

/** One active instance (subscription lock); rows commit with the checkpoint. */
export const startPromisesProjection = (
  store: Pick<EventStore, 'subscribe'>,
  t: NegotiationTables,
): Subscription =>
  store.subscribe({
    checkpointName: `projection:${PROMISES_PROJECTION.name}`,
    filter: { categories: [PROMISE_CATEGORY], types: PROMISES_PROJECTION.canHandle },
    handler: (events, { client }) => applyToPromises(client, t, events),
    onError: (error) => console.error(error.message),
  });
