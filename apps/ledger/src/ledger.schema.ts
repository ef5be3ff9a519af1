import type { Pool } from 'pg';
import { withTransaction } from '@cartera/pg';

/** Qualified names of the ledger's own tables (read model, creditor policies, placements) in its schema. */
export type LedgerTables = Readonly<{
  schema: string;
  accounts: string;
  creditorPolicies: string;
  placements: string;
  placementErrors: string;
}>;

export const ledgerTables = (schema: string): LedgerTables => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  const q = `"${schema}"`;
  return {
    schema,
    accounts: `${q}.accounts`,
    creditorPolicies: `${q}.creditor_policies`,
    placements: `${q}.placements`,
    placementErrors: `${q}.placement_errors`,
  };
};

/**
 * Session options of the connections the ledger's event store uses. None any more: the event
 * store pins custom plans on its append function itself (a cached generic plan of its id joins
 * degraded into sequential scans), so reads and the read model keep cheap cached plans.
 */
export const STORE_CONNECTION_OPTIONS = '';

const ddl = (t: LedgerTables): string => `
CREATE SCHEMA IF NOT EXISTS "${t.schema}";

-- The ledger's read model: one row per account, written only by the account_summary projection.
CREATE TABLE IF NOT EXISTS ${t.accounts} (
  account_id uuid PRIMARY KEY,
  creditor_id text NOT NULL,
  creditor_account_ref text NOT NULL,
  debtor_id uuid NOT NULL,
  debtor_ref text NOT NULL,
  currency char(3) NOT NULL,
  principal bigint NOT NULL,
  interest bigint NOT NULL,
  fees bigint NOT NULL,
  credit bigint NOT NULL,
  status text NOT NULL,
  closure_reason text,
  first_unpaid_due_date date NOT NULL,
  time_zone text NOT NULL,
  bucket text,
  dpd integer,
  last_aged_on date,
  accrued_through date NOT NULL,
  interest_rate_bps integer,
  product text NOT NULL,
  placed_at timestamptz NOT NULL,
  last_payment_at timestamptz,
  version bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS accounts_creditor ON ${t.accounts} (creditor_id, account_id);
CREATE INDEX IF NOT EXISTS accounts_debtor ON ${t.accounts} (debtor_id);
CREATE INDEX IF NOT EXISTS accounts_interest_due ON ${t.accounts} (accrued_through)
  WHERE status = 'active' AND interest_rate_bps > 0;

-- Per-creditor configuration the commands need: payment waterfall and bucket scheme (null = default).
CREATE TABLE IF NOT EXISTS ${t.creditorPolicies} (
  creditor_id text PRIMARY KEY,
  waterfall text[],
  bucket_ids text[],
  bucket_from_dpd integer[],
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((bucket_ids IS NULL) = (bucket_from_dpd IS NULL))
);
-- The most a payment may exceed what is owed, in minor units; null = no limit.
ALTER TABLE ${t.creditorPolicies} ADD COLUMN IF NOT EXISTS overpayment_tolerance_minor bigint
  CHECK (overpayment_tolerance_minor >= 0);

CREATE TABLE IF NOT EXISTS ${t.placements} (
  placement_id uuid PRIMARY KEY,
  status text NOT NULL,
  format text NOT NULL,
  source text,
  created_by text NOT NULL,
  rows_read bigint NOT NULL DEFAULT 0,
  rows_placed bigint NOT NULL DEFAULT 0,
  rows_duplicate bigint NOT NULL DEFAULT 0,
  rows_rejected bigint NOT NULL DEFAULT 0,
  failure text,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- The creditors whose rows the placement holds: who may see it and its error report.
ALTER TABLE ${t.placements} ADD COLUMN IF NOT EXISTS creditor_ids text[] NOT NULL DEFAULT '{}';

CREATE TABLE IF NOT EXISTS ${t.placementErrors} (
  placement_id uuid NOT NULL,
  row_number bigint NOT NULL,
  field text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (placement_id, row_number, field)
);
`;

/** Creates the ledger's tables if missing; an advisory lock keeps replicas starting together from racing. */
export const migrateLedgerSchema = (pool: Pool, t: LedgerTables): Promise<void> =>
  withTransaction(pool, async (client) => void (await client.query(ddl(t))), {
    advisoryLock: `cartera.ledger.schema:${t.schema}`,
  });
