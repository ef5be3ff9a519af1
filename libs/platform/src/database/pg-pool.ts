import { Pool } from 'pg';

export const PG_POOL = Symbol('PG_POOL');

export type ServicePoolOptions = {
  url: string;
  /** The service's schema: first on the search_path, so unqualified tables live there. */
  schema: string;
  max?: number;
  applicationName?: string;
};

/** Quotes a schema name for SQL; the config already restricts it to a plain identifier. */
export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * A pg Pool on DATABASE_URL whose every connection has `search_path = <schema>, public`; the
 * schema is created if missing before the pool is handed out.
 */
export const createServicePool = async ({
  url,
  schema,
  max = 10,
  applicationName,
}: ServicePoolOptions): Promise<Pool> => {
  const pool = new Pool({
    connectionString: url,
    max,
    options: `-c search_path=${quoteIdentifier(schema)},public`,
    ...(applicationName ? { application_name: applicationName } : {}),
    connectionTimeoutMillis: 5_000,
  });
  // A connection lost to a server restart, failover or pg_terminate_backend must not crash the
  // process: an idle client is dropped by the pool; a checked-out one (pg gives it no listener)
  // fails its current or next query, and release() discards it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`Cannot prepare schema "${schema}" on DATABASE_URL: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return pool;
};
