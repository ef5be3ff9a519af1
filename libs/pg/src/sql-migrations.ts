import type { Pool } from 'pg';
import { withTransaction } from './transaction';

/** A numbered migration: applied once, in order, recorded in the schema's migrations table. Never edit one that shipped. */
export type SqlMigration<Tables> = Readonly<{ id: number; name: string; sql: (t: Tables) => string }>;

export type SqlMigrationTarget = Readonly<{ schema: string; migrations: string }>;

/**
 * Applies the migrations not yet recorded in `t.migrations`, in one transaction; an advisory lock
 * keeps replicas starting together from racing.
 */
export const runSqlMigrations = <Tables extends SqlMigrationTarget>(
  pool: Pool,
  t: Tables,
  migrations: readonly SqlMigration<Tables>[],
  service: string,
): Promise<void> =>
  withTransaction(
    pool,
    async (client) => {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${t.schema}"`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${t.migrations} (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ id: number }>(`SELECT id FROM ${t.migrations}`);
      const applied = new Set(rows.map((r) => r.id));
      for (const m of [...migrations].sort((a, b) => a.id - b.id).filter((m) => !applied.has(m.id))) {
        await client.query(m.sql(t));
        await client.query(`INSERT INTO ${t.migrations} (id, name) VALUES ($1, $2)`, [m.id, m.name]);
      }
    },
    { advisoryLock: `cartera.${service}.schema:${t.schema}` },
  );
