import type { Pool, PoolClient } from 'pg';

export type TransactionOptions = Readonly<{
  /** Opens the transaction, one simple query (e.g. `BEGIN; SET LOCAL synchronous_commit = off`). */
  begin?: string;
  /** Taken first, inside the transaction: serialises this work across processes (e.g. schema migrations). */
  advisoryLock?: string;
}>;

/**
 * Runs `work` on one pooled connection inside BEGIN … COMMIT: any error rolls back (a failed
 * ROLLBACK, e.g. on a dead connection, does not hide the original error) and the connection
 * always goes back to the pool.
 */
export const withTransaction = async <T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  { begin = 'BEGIN', advisoryLock }: TransactionOptions = {},
): Promise<T> => {
  const client = await pool.connect();
  try {
    await client.query(begin);
    if (advisoryLock !== undefined)
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [advisoryLock]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
