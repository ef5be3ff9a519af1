import type { Pool } from 'pg';
import { withTransaction } from '@cartera/pg';
import type { NegotiationTables } from '../negotiation.schema';

/** A numbered migration: applied once, in order, recorded in `schema_migrations`. Never edit one that shipped. */
export type Migration = Readonly<{ id: number; name: string; sql: (t: NegotiationTables) => string }>;

export const MIGRATIONS: readonly Migration[] = [
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

/** Applies the migrations not yet recorded; an advisory lock keeps replicas starting together from racing. */
export const migrate = (pool: Pool, t: NegotiationTables): Promise<void> =>
  withTransaction(
    pool,
    async (client) => {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${t.schema}"`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${t.migrations} (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ id: number }>(`SELECT id FROM ${t.migrations}`);
      const applied = new Set(rows.map((r) => r.id));
      for (const m of MIGRATIONS.filter((m) => !applied.has(m.id))) {
        await client.query(m.sql(t));
        await client.query(`INSERT INTO ${t.migrations} (id, name) VALUES ($1, $2)`, [m.id, m.name]);
      }
    },
    { advisoryLock: `cartera.negotiation.schema:${t.schema}` },
  );
