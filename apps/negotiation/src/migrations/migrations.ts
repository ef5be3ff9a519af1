import type { Pool } from 'pg';
import { runSqlMigrations, type SqlMigration } from '@cartera/pg';
import type { NegotiationTables } from '../negotiation.schema';

export const MIGRATIONS: readonly SqlMigration<NegotiationTables>[] = [
  {
    id: 1,
    name: 'promises read model',
    sql: (t) => `
      -- One row per promise, written only by the promises projection.
      CREATE TABLE ${t.promises} (
        promise_id uuid PRIMARY KEY,
        account_id uuid NOT NULL,
        debtor_id uuid NOT NULL,
        creditor_id text NOT NULL,
        currency char(3) NOT NULL,
        amount bigint NOT NULL,
        paid bigint NOT NULL,
        due_on date NOT NULL,
        deadline date NOT NULL,
        status text NOT NULL,
        rule_version text NOT NULL,
        decided_on date,
        made_at timestamptz NOT NULL,
        version bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX promises_account ON ${t.promises} (account_id) WHERE status <> 'cancelled';
      CREATE INDEX promises_due ON ${t.promises} (deadline) WHERE status = 'open';`,
  },
  {
    id: 2,
    name: 'creditor rules',
    sql: (t) => `
      -- Versioned business rules per creditor (kind: promise, missed_instalment, renegotiation, approval);
      -- creditor '*' holds the defaults. Rows are added, never updated: decisions name the version they used.
      CREATE TABLE ${t.creditorRules} (
        creditor_id text NOT NULL,
        kind text NOT NULL,
        version text NOT NULL,
        effective_from date NOT NULL,
        body jsonb NOT NULL,
        PRIMARY KEY (creditor_id, kind, version)
      );`,
  },
];

export const migrate = (pool: Pool, t: NegotiationTables): Promise<void> =>
  runSqlMigrations(pool, t, MIGRATIONS, 'negotiation');
