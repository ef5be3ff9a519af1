import type { CaseEvent } from '@cartera/case-management-domain';
import type { EventStore, RecordedEvent, Subscription } from '@cartera/eventstore';
import type { PoolClient } from 'pg';
import type { CaseTables } from '../case-management.schema';
import { caseIdOfStream } from './case-ids';
import { CASE_SUMMARY, CaseRow, CaseSummary, evolveCaseRow, summarise } from './case-summary.projection';

type DbRow = Record<string, unknown>;

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export const CASE_COLUMNS = `case_id, debtor_id, creditor_id, currency, status, agent_id, team_id, balance, bucket, dpd,
  promise_due_on::text AS promise_due_on, next_action, next_action_on::text AS next_action_on, priority_score,
  priority_terms, priority_policy, tags, accounts, open_alerts, opened_at, last_activity_at, version`;

export const rowFromDb = (r: DbRow): CaseRow => ({
  caseId: r['case_id'] as string,
  debtorId: r['debtor_id'] as string,
  creditorId: r['creditor_id'] as string,
  currency: r['currency'] as string,
  status: r['status'] as string,
  agentId: r['agent_id'] as string | null,
  teamId: r['team_id'] as string | null,
  accounts: r['accounts'] as CaseRow['accounts'],
  promiseDueOn: r['promise_due_on'] as string | null,
  nextAction: r['next_action'] as string | null,
  nextActionOn: r['next_action_on'] as string | null,
  tags: r['tags'] as string[],
  openAlerts: r['open_alerts'] as string[],
  openedAt: iso(r['opened_at']),
  lastActivityAt: iso(r['last_activity_at']),
  version: Number(r['version']),
});

const toDb = (s: CaseSummary) => ({
  case_id: s.caseId,
  debtor_id: s.debtorId,
  creditor_id: s.creditorId,
  currency: s.currency,
  status: s.status,
  agent_id: s.agentId,
  team_id: s.teamId,
  balance: s.balance.toString(),
  bucket: s.bucket,
  dpd: s.dpd,
  promise_due_on: s.promiseDueOn,
  next_action: s.nextAction,
  next_action_on: s.nextActionOn,
  priority_score: s.priorityScore.toString(),
  priority_terms: s.priorityTerms,
  priority_policy: s.priorityPolicy,
  tags: s.tags,
  accounts: s.accounts,
  open_alerts: s.openAlerts,
  opened_at: s.openedAt,
  last_activity_at: s.lastActivityAt,
  version: s.version,
});

/** Applies one batch: load the touched rows, evolve them in memory, upsert them in one statement; then the holds. */
export const applyToCases = async (
  client: PoolClient,
  t: CaseTables,
  events: readonly RecordedEvent[],
): Promise<void> => {
  const ids = [...new Set(events.map((e) => caseIdOfStream(e.streamId)))];
  const { rows } = await client.query(
    `SELECT ${CASE_COLUMNS} FROM ${t.cases} WHERE case_id = ANY($1::uuid[])`,
    [ids],
  );
  const current = new Map<string, CaseRow | null>(
    rows.map((r: DbRow) => [r['case_id'] as string, rowFromDb(r)]),
  );
  const changed = new Map<string, string>();
  const holds: { row: CaseRow; event: CaseEvent }[] = [];
  for (const e of events) {
    const id = caseIdOfStream(e.streamId);
    const before = current.get(id) ?? null;
    // The version check makes a replayed batch (after a crash between handler and checkpoint) harmless.
    if (before && e.streamVersion <= before.version) continue;
    const event = e as unknown as CaseEvent;
    const after = evolveCaseRow(before, event, e.streamVersion, e.occurredAt.toISOString());
    if (!after) continue;
    current.set(id, after);
    changed.set(id, e.occurredAt.toISOString().slice(0, 10));
    if (event.type === 'HoldPlaced' || event.type === 'HoldLifted') holds.push({ row: after, event });
  }
  const out = [...changed].map(([id, asOf]) => toDb(summarise(current.get(id) as CaseRow, asOf)));
  if (out.length > 0) await upsertCases(client, t, out);
  for (const h of holds) await applyHold(client, t, h.row, h.event);
};

const upsertCases = (client: PoolClient, t: CaseTables, rows: readonly object[]) =>
  client.query(
    `INSERT INTO ${t.cases} SELECT * FROM jsonb_populate_recordset(null::${t.cases}, $1::jsonb)
     ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, agent_id = excluded.agent_id, team_id = excluded.team_id,
       balance = excluded.balance, bucket = excluded.bucket, dpd = excluded.dpd, promise_due_on = excluded.promise_due_on,
       next_action = excluded.next_action, next_action_on = excluded.next_action_on, priority_score = excluded.priority_score,
       priority_terms = excluded.priority_terms, priority_policy = excluded.priority_policy, tags = excluded.tags,
       accounts = excluded.accounts, open_alerts = excluded.open_alerts, last_activity_at = excluded.last_activity_at,
       version = excluded.version`,
    [JSON.stringify(rows)],
  );

const applyHold = async (client: PoolClient, t: CaseTables, row: CaseRow, e: CaseEvent): Promise<void> => {
  if (e.type === 'HoldPlaced') {
    const { holdId, reason, endsOn, accountIds, placedAt } = e.data;
    await client.query(
      `INSERT INTO ${t.holds} (case_id, hold_id, debtor_id, creditor_id, reason, ends_on, account_ids, placed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (case_id, hold_id) DO NOTHING`,
      [row.caseId, holdId, row.debtorId, row.creditorId, reason, endsOn, accountIds, placedAt],
    );
  } else if (e.type === 'HoldLifted') {
    await client.query(`UPDATE ${t.holds} SET lifted_at = $3 WHERE case_id = $1 AND hold_id = $2`, [
      row.caseId,
      e.data.holdId,
      e.data.liftedAt,
    ]);
  }
};

/** The cases' own projection: one active instance (subscription lock), rows committed with the checkpoint. */
export const startCaseSummary = (
  store: Pick<EventStore, 'subscribe'>,
  t: CaseTables,
  batchSize = 1_000,
): Subscription =>
  store.subscribe({
    checkpointName: `projection:${CASE_SUMMARY.name}`,
    filter: { categories: ['case'] },
    batchSize,
    handler: (events, { client }) => applyToCases(client, t, events),
    onError: (error) => console.error(error.message),
  });
