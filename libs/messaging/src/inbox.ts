import type { Pool, PoolClient } from 'pg';

/** A schema name we can safely put in SQL. */
export const quoteSchema = (schema: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  return `"${schema}"`;
};

export const inboxDdl = (schema: string): string => `
  CREATE SCHEMA IF NOT EXISTS ${quoteSchema(schema)};
  CREATE TABLE IF NOT EXISTS ${quoteSchema(schema)}.processed_messages (
    "group" text NOT NULL,
    message_id text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("group", message_id)
  );`;

/** Creates `processed_messages` if missing (serialised: concurrent CREATE IF NOT EXISTS can race). */
export const ensureInbox = async (pool: Pool, schema: string): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cartera-inbox:${schema}`]);
    await client.query(inboxDdl(schema));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/**
 * Runs `work` once per (group, message id): inside one transaction, the inbox row is inserted
 * first; if it already existed the message was applied before and `work` is skipped. `commit`
 * runs last in the same transaction (the PostgreSQL bus moves the group offset there).
 * Returns whether `work` ran.
 */
export const applyOnce = async (
  pool: Pool,
  schema: string,
  group: string,
  messageId: string,
  work: (client: PoolClient) => Promise<void>,
  commit?: (client: PoolClient) => Promise<void>,
  setup?: (client: PoolClient) => Promise<void>,
): Promise<boolean> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (setup) await setup(client);
    const claimed = await client.query(
      `INSERT INTO ${quoteSchema(schema)}.processed_messages ("group", message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [group, messageId],
    );
    const fresh = claimed.rowCount === 1;
    if (fresh) await work(client);
    if (commit) await commit(client);
    await client.query('COMMIT');
    return fresh;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/** Forgets inbox rows older than `olderThanMs` (redeliveries older than that are no longer expected). */
export const pruneInbox = async (pool: Pool, schema: string, olderThanMs: number): Promise<number> => {
  const r = await pool.query(
    `DELETE FROM ${quoteSchema(schema)}.processed_messages WHERE processed_at < now() - $1::bigint * interval '1 millisecond'`,
    [olderThanMs],
  );
  return r.rowCount ?? 0;
};
