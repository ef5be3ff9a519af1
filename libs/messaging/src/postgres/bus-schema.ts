import type { Pool } from 'pg';
import { inboxDdl, quoteSchema } from '../inbox';

// The bus's own tables. `messages` is the topic log, partitioned logically by (topic, partition)
// with per-partition offsets handed out under the partition row's lock, so that within a
// partition commit order equals offset order and a reader never skips a late commit.
const ddl = (schema: string): string => {
  const s = quoteSchema(schema);
  return `
  CREATE SCHEMA IF NOT EXISTS ${s};
  CREATE TABLE IF NOT EXISTS ${s}.topics (
    topic text PRIMARY KEY,
    partitions int NOT NULL CHECK (partitions > 0),
    retention_ms bigint,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS ${s}.topic_partitions (
    topic text NOT NULL REFERENCES ${s}.topics (topic),
    partition int NOT NULL,
    next_offset bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (topic, partition)
  );
  CREATE TABLE IF NOT EXISTS ${s}.messages (
    topic text NOT NULL,
    partition int NOT NULL,
    "offset" bigint NOT NULL,
    message_id text NOT NULL,
    key text NOT NULL,
    headers jsonb NOT NULL,
    payload jsonb NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition, "offset")
  );
  CREATE INDEX IF NOT EXISTS messages_published_at ON ${s}.messages (published_at);
  CREATE TABLE IF NOT EXISTS ${s}.group_offsets (
    "group" text NOT NULL,
    topic text NOT NULL,
    partition int NOT NULL,
    next_offset bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("group", topic, partition)
  );
  CREATE TABLE IF NOT EXISTS ${s}.group_members (
    "group" text NOT NULL,
    member_id text NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY ("group", member_id)
  );
  CREATE TABLE IF NOT EXISTS ${s}.partition_leases (
    "group" text NOT NULL,
    topic text NOT NULL,
    partition int NOT NULL,
    owner text NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY ("group", topic, partition)
  );
  ${inboxDdl(schema)}`;
};

/** Creates the bus schema if missing; serialised across processes by an advisory lock. */
export const migrateBusSchema = async (pool: Pool, schema: string): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cartera-bus-schema:${schema}`]);
    await client.query(ddl(schema));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/** LISTEN/NOTIFY channel of a bus schema (payload: the topic). */
export const channelOf = (schema: string): string => `cartera_bus_${schema}`;
