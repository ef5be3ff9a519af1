import type { Pool } from 'pg';
import { withTransaction } from '@cartera/pg';

/** A debtor's data key as stored: wrapped, or null once erased (the row stays as the proof of erasure). */
export type StoredKey = Readonly<{ wrappedKey: string | null; keyId: string | null }>;

export type KeyStoreTable = Readonly<{ schema: string; table: string }>;

export const keyStoreTable = (schema: string): KeyStoreTable => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  return { schema, table: `"${schema}".pii_data_keys` };
};

const ddl = (t: KeyStoreTable): string => `
CREATE SCHEMA IF NOT EXISTS "${t.schema}";
-- One data key per subject (debtor), wrapped by the master key; erasure nulls it for good.
CREATE TABLE IF NOT EXISTS ${t.table} (
  subject_id text PRIMARY KEY,
  wrapped_key text,
  key_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  erased_at timestamptz,
  CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);`;

/** The data keys on PostgreSQL, in the service's schema. */
export class PostgresKeyStore {
  constructor(
    private readonly pool: Pool,
    private readonly t: KeyStoreTable,
  ) {}

  migrate(): Promise<void> {
    return withTransaction(this.pool, async (client) => void (await client.query(ddl(this.t))), {
      advisoryLock: `cartera.pii.schema:${this.t.schema}`,
    });
  }

  async find(subjectId: string): Promise<StoredKey | undefined> {
    const { rows } = await this.pool.query<{ wrapped_key: string | null; key_id: string | null }>(
      `SELECT wrapped_key, key_id FROM ${this.t.table} WHERE subject_id = $1`,
      [subjectId],
    );
    return rows[0] && { wrappedKey: rows[0].wrapped_key, keyId: rows[0].key_id };
  }

  /** Stores the key unless the subject has one (or was erased); answers what is stored now. */
  async insertIfAbsent(subjectId: string, wrappedKey: string, keyId: string): Promise<StoredKey> {
    await this.pool.query(
      `INSERT INTO ${this.t.table} (subject_id, wrapped_key, key_id) VALUES ($1, $2, $3)
       ON CONFLICT (subject_id) DO NOTHING`,
      [subjectId, wrappedKey, keyId],
    );
    return (await this.find(subjectId)) as StoredKey;
  }

  /** Destroys the key; a subject never seen gets a tombstone too, so no key is ever made for it later. */
  async erase(subjectId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.t.table} (subject_id, wrapped_key, key_id, erased_at) VALUES ($1, NULL, NULL, now())
       ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL, key_id = NULL,
         erased_at = COALESCE(${this.t.table}.erased_at, now())`,
      [subjectId],
    );
  }
}
