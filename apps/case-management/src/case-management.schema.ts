import type { Pool } from 'pg';
import { withTransaction } from '@cartera/pg';

/** Qualified names of the cases' read-model tables in the service's schema. */
export type CaseTables = Readonly<{ schema: string; cases: string; holds: string; locks: string }>;

export const caseTables = (schema: string): CaseTables => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  const q = `"${schema}"`;
  return { schema, cases: `${q}.cases`, holds: `${q}.case_holds`, locks: `${q}.case_locks` };
};

const ddl = (t: CaseTables): string => `
CREATE SCHEMA IF NOT EXISTS "${t.schema}";

-- One row per case, written only by the case_summary projection: lists, worklists, supervisor views.
CREATE TABLE IF NOT EXISTS ${t.cases} (
  case_id uuid PRIMARY KEY,
  debtor_id uuid NOT NULL,
  creditor_id text NOT NULL,
  currency char(3) NOT NULL,
  status text NOT NULL,
  agent_id text,
  team_id text,
  balance bigint NOT NULL,
  bucket text,
  dpd integer NOT NULL,
  promise_due_on date,
  next_action text,
  next_action_on date,
  priority_score bigint NOT NULL,
  priority_terms jsonb NOT NULL,
  priority_policy text NOT NULL,
  tags text[] NOT NULL,
  accounts jsonb NOT NULL,
  open_alerts text[] NOT NULL,
  opened_at timestamptz NOT NULL,
  last_activity_at timestamptz NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_debtor ON ${t.cases} (debtor_id);
CREATE INDEX IF NOT EXISTS cases_agent_worklist ON ${t.cases} (agent_id, priority_score DESC, case_id)
  WHERE status <> 'closed';
CREATE INDEX IF NOT EXISTS cases_team_worklist ON ${t.cases} (team_id, priority_score DESC, case_id)
  WHERE status <> 'closed';

-- The published hold check: every hold ever placed, lifted_at set once it is lifted.
CREATE TABLE IF NOT EXISTS ${t.holds} (
  case_id uuid NOT NULL,
  hold_id text NOT NULL,
  debtor_id uuid NOT NULL,
  creditor_id text NOT NULL,
  reason text NOT NULL,
  ends_on date,
  account_ids uuid[] NOT NULL,
  placed_at timestamptz NOT NULL,
  lifted_at timestamptz,
  PRIMARY KEY (case_id, hold_id)
);
-- Work locks: one agent works a case at a time; a lock lapses at expires_at (an operational lease, not a fact).
CREATE TABLE IF NOT EXISTS ${t.locks} (
  case_id uuid PRIMARY KEY,
  agent_id text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_unassigned ON ${t.cases} (priority_score DESC, case_id)
  WHERE agent_id IS NULL AND status <> 'closed';

CREATE INDEX IF NOT EXISTS case_holds_debtor ON ${t.holds} (debtor_id) WHERE lifted_at IS NULL;
`;

/** Creates the read-model tables if missing; an advisory lock keeps replicas starting together from racing. */
export const migrateCaseSchema = (pool: Pool, t: CaseTables): Promise<void> =>
  withTransaction(pool, async (client) => void (await client.query(ddl(t))), {
    advisoryLock: `cartera.case-management.cases.schema:${t.schema}`,
  });
