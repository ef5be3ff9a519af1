import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '@cartera/pg';

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
export const ensureInbox = (pool: Pool, schema: string): Promise<void> =>
  withTransaction(pool, async (client) => void (await client.query(inboxDdl(schema))), {
    advisoryLock: `cartera-inbox:${schema}`,
  });

/** What the messages of one inbox transaction share: values to merge and hooks run right before COMMIT. */
export class TransactionScope<M = unknown> {
  /** The messages whose work runs in this transaction, in order (repeats already applied left out). */
  constructor(readonly messages: readonly M[]) {}

  private readonly values = new Map<string, unknown>();
  private readonly hooks: (() => Promise<void>)[] = [];

  /** The value under `key` in this transaction, created by the first handler asking for it. */
  shared<T>(key: string, create: () => T): T {
    if (!this.values.has(key)) this.values.set(key, create());
    return this.values.get(key) as T;
  }

  /** Runs once after every handler, just before COMMIT; a failure rolls the transaction back. */
  beforeCommit(hook: () => Promise<void>): void {
    this.hooks.push(hook);
  }

  /** Runs the hooks in registration order (the adapter calls it). */
  async settle(): Promise<void> {
    for (const hook of this.hooks.splice(0)) await hook();
  }
}

/**
 * Runs `work` once per (group, message id): the inbox row is inserted first in the transaction and an
 * existing row skips `work`; then `commit` (the bus's offset), the hooks, COMMIT. Returns whether it ran.
 */
export const applyOnce = async <M extends { messageId: string }>(
  pool: Pool,
  schema: string,
  group: string,
  message: M,
  work: (client: PoolClient, scope: TransactionScope<M>) => Promise<void>,
  commit?: (client: PoolClient) => Promise<void>,
  begin?: string,
): Promise<boolean> =>
  (await applyBatchOnce(
    pool,
    schema,
    group,
    [message],
    (client, _m, scope) => work(client, scope),
    commit,
    begin,
  )) === 1;

/** `applyOnce` for several messages: one INSERT claims every id, `work` runs per claimed message in order. */
export const applyBatchOnce = <M extends { messageId: string }>(
  pool: Pool,
  schema: string,
  group: string,
  messages: readonly M[],
  work: (client: PoolClient, message: M, scope: TransactionScope<M>) => Promise<void>,
  commit?: (client: PoolClient) => Promise<void>,
  begin = 'BEGIN',
): Promise<number> =>
  withTransaction(
    pool,
    async (client) => {
      const claimed = await client.query<{ message_id: string }>(
        `INSERT INTO ${quoteSchema(schema)}.processed_messages ("group", message_id)
       SELECT $1, id FROM unnest($2::text[]) AS u(id) ON CONFLICT DO NOTHING RETURNING message_id`,
        [group, messages.map((m) => m.messageId)],
      );
      const fresh = new Set(claimed.rows.map((r) => r.message_id));
      // Applied before, or an earlier copy in this batch: skipped.
      const scope = new TransactionScope(messages.filter((m) => fresh.delete(m.messageId)));
      for (const m of scope.messages) await work(client, m, scope);
      if (commit) await commit(client);
      await scope.settle();
      return scope.messages.length;
    },
    { begin },
  );

/** Forgets inbox rows older than `olderThanMs` (redeliveries older than that are no longer expected). */
export const pruneInbox = async (pool: Pool, schema: string, olderThanMs: number): Promise<number> => {
  const r = await pool.query(
    `DELETE FROM ${quoteSchema(schema)}.processed_messages WHERE processed_at < now() - $1::bigint * interval '1 millisecond'`,
    [olderThanMs],
  );
  return r.rowCount ?? 0;
};
