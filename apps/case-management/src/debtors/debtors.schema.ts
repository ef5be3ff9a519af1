import type { Pool } from 'pg';
import { withTransaction } from '@cartera/pg';

/** Qualified names of the registry's read-model tables in the service schema. */
export type DebtorTables = Readonly<{
  schema: string;
  debtors: string;
  accounts: string;
  matchKeys: string;
  reviews: string;
  ledgerAccounts: string;
  holds: string;
}>;

export const debtorTables = (schema: string): DebtorTables => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  const q = `"${schema}"`;
  return {
    schema,
    debtors: `${q}.debtors`,
    accounts: `${q}.debtor_accounts`,
    matchKeys: `${q}.debtor_match_keys`,
    reviews: `${q}.debtor_match_reviews`,
    ledgerAccounts: `${q}.debtor_ledger_accounts`,
    holds: `${q}.debtor_account_holds`,
  };
};

const ddl = (t: DebtorTables): string => `
CREATE SCHEMA IF NOT EXISTS "${t.schema}";

-- One row per debtor record; personal fields are ciphertext (pii1.…) or the erased marker, never plaintext.
CREATE TABLE IF NOT EXISTS ${t.debtors} (
  debtor_id uuid PRIMARY KEY,
  status text NOT NULL,
  merged_into uuid,
  name text NOT NULL,
  national_id_type text,
  national_id_country text,
  national_id text,
  date_of_birth text,
  contact_points jsonb NOT NULL DEFAULT '[]',
  time_zones text[] NOT NULL,
  jurisdiction_country char(2) NOT NULL,
  jurisdiction_region text,
  preferred_language text,
  split_from uuid,
  registered_at timestamptz NOT NULL,
  erased_at timestamptz
);
CREATE INDEX IF NOT EXISTS debtors_merged_into ON ${t.debtors} (merged_into) WHERE merged_into IS NOT NULL;

-- Which debtor holds which account, and by which rule.
CREATE TABLE IF NOT EXISTS ${t.accounts} (
  account_id uuid PRIMARY KEY,
  debtor_id uuid NOT NULL,
  creditor_id text NOT NULL,
  rule_id text NOT NULL,
  rule_version integer NOT NULL,
  linked_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS debtor_accounts_debtor ON ${t.accounts} (debtor_id);

-- Blind indexes (HMAC-SHA256 of normalised keys) per placed account; plaintext keys are never stored.
CREATE TABLE IF NOT EXISTS ${t.matchKeys} (
  kind text NOT NULL,
  blind_index text NOT NULL,
  account_id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  PRIMARY KEY (kind, blind_index, account_id)
);
CREATE INDEX IF NOT EXISTS debtor_match_keys_account ON ${t.matchKeys} (account_id);
CREATE INDEX IF NOT EXISTS debtor_match_keys_debtor ON ${t.matchKeys} (debtor_id);

CREATE TABLE IF NOT EXISTS ${t.reviews} (
  review_id uuid PRIMARY KEY,
  debtor_id uuid NOT NULL,
  account_id uuid NOT NULL,
  creditor_id text NOT NULL,
  candidate_debtor_ids uuid[] NOT NULL,
  rule_id text NOT NULL,
  rule_version integer NOT NULL,
  status text NOT NULL,
  decision text,
  resolved_by text,
  requested_at timestamptz NOT NULL,
  resolved_at timestamptz
);
CREATE INDEX IF NOT EXISTS debtor_match_reviews_open ON ${t.reviews} (requested_at) WHERE status = 'open';

-- What the ledger last said about each account: the open balance and last collection activity erasure checks.
CREATE TABLE IF NOT EXISTS ${t.ledgerAccounts} (
  account_id uuid PRIMARY KEY,
  creditor_id text NOT NULL,
  currency char(3) NOT NULL,
  balance_minor bigint NOT NULL,
  status text NOT NULL,
  last_activity_on date NOT NULL
);

-- Disputes and legal holds case management placed on accounts, while they stand.
CREATE TABLE IF NOT EXISTS ${t.holds} (
  hold_id text PRIMARY KEY,
  reason text NOT NULL,
  account_ids uuid[] NOT NULL,
  ends_on date
);
`;

/** Creates the registry's tables if missing; an advisory lock keeps replicas starting together from racing. */
export const migrateDebtorTables = (pool: Pool, t: DebtorTables): Promise<void> =>
  withTransaction(pool, async (client) => void (await client.query(ddl(t))), {
    advisoryLock: `cartera.debtors.schema:${t.schema}`,
  });
