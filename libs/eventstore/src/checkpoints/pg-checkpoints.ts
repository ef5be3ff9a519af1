import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '@cartera/pg';

/** Checkpoints for every adapter: one row per subscription, written in the handler's own transaction. */
const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const checkpointTableSql = (schema: string): string => `
CREATE TABLE IF NOT EXISTS ${q(schema)}.es_checkpoints (
  name text PRIMARY KEY,
  position text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);`;

const lockKey = (schema: string, name: string): string => `cartera.eventstore.subscription:${schema}:${name}`;

export const tryLock = async (client: PoolClient, schema: string, name: string): Promise<boolean> => {
  const { rows } = await client.query<{ ok: boolean }>(
    'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
    [lockKey(schema, name)],
  );
  return rows[0].ok;
};

export const unlock = async (client: PoolClient, schema: string, name: string): Promise<void> => {
  await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey(schema, name)]);
};

export const loadCheckpoint = async (
  client: PoolClient,
  schema: string,
  name: string,
): Promise<string | undefined> => {
  const { rows } = await client.query<{ position: string }>(
    `SELECT position FROM ${q(schema)}.es_checkpoints WHERE name = $1`,
    [name],
  );
  return rows[0]?.position;
};

/** Compare-and-set: fails loudly if the stored checkpoint is not the one this instance last saw. */
export const storeCheckpoint = async (
  client: PoolClient,
  schema: string,
  name: string,
  previous: string | undefined,
  next: string,
): Promise<void> => {
  if (previous !== undefined && !(next > previous))
    throw new Error(`Checkpoint ${name} would move backwards: ${previous} → ${next}`);
  const result = await client.query(
    `INSERT INTO ${q(schema)}.es_checkpoints (name, position) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()
     WHERE ${q(schema)}.es_checkpoints.position IS NOT DISTINCT FROM $3`,
    [name, next, previous ?? null],
  );
  if (result.rowCount !== 1)
    throw new Error(`Checkpoint ${name} was moved by another instance (expected ${previous ?? 'none'})`);
};

/** For adapters whose events live elsewhere (KurrentDB): the checkpoint table alone. */
export const ensureCheckpointTable = (pool: Pool, schema: string): Promise<void> =>
  withTransaction(
    pool,
    async (client) =>
      void (await client.query(`CREATE SCHEMA IF NOT EXISTS ${q(schema)}; ${checkpointTableSql(schema)}`)),
    {
      advisoryLock: `cartera.eventstore.setup:${schema}`,
    },
  );
