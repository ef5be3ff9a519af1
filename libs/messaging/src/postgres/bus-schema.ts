import type { Pool } from 'pg';
import { inboxDdl, quoteSchema } from '../inbox';
import { withTransaction } from '@cartera/pg';

// The bus's tables: offsets are handed out under the partition row's lock, so within a partition
// commit order is offset order and a reader never skips a late commit.
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
  -- No planner statistics for the opaque bodies: no query filters on them, and sampling jsonb is costly.
  ALTER TABLE ${s}.messages ALTER COLUMN headers SET STATISTICS 0, ALTER COLUMN payload SET STATISTICS 0;
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
  ${inboxDdl(schema)}

  -- One round trip per publish: lock the partition rows in order (no deadlock), hand out offsets,
  -- insert, move the next offsets and NOTIFY (delivered at commit).
  CREATE OR REPLACE FUNCTION ${s}.bus_append(p_topic text, p_parts int[], p_ids text[], p_keys text[], p_headers text[], p_payloads text[])
  RETURNS void LANGUAGE plpgsql AS $fn$
  DECLARE
    inserted int;
    missing int;
  BEGIN
    PERFORM 1 FROM ${s}.topic_partitions
      WHERE topic = p_topic AND partition IN (SELECT DISTINCT unnest(p_parts)) ORDER BY partition FOR UPDATE;
    INSERT INTO ${s}.messages (topic, partition, "offset", message_id, key, headers, payload)
    SELECT p_topic, u.p, t.next_offset + row_number() OVER (PARTITION BY u.p ORDER BY u.i) - 1, u.id, u.k, u.h::jsonb, u.d::jsonb
      FROM unnest(p_parts, p_ids, p_keys, p_headers, p_payloads) WITH ORDINALITY AS u(p, id, k, h, d, i)
      JOIN ${s}.topic_partitions t ON t.topic = p_topic AND t.partition = u.p;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    IF inserted <> cardinality(p_ids) THEN
      -- A message for a partition the topic lacks found no row to join: refuse the whole publish.
      SELECT min(u.p) INTO missing FROM unnest(p_parts) AS u(p)
        WHERE NOT EXISTS (SELECT 1 FROM ${s}.topic_partitions t WHERE t.topic = p_topic AND t.partition = u.p);
      RAISE EXCEPTION 'Topic % has no partition %', p_topic, missing USING ERRCODE = '22023';
    END IF;
    UPDATE ${s}.topic_partitions t SET next_offset = t.next_offset + c.n
      FROM (SELECT u.p, count(*) AS n FROM unnest(p_parts) AS u(p) GROUP BY u.p) c
     WHERE t.topic = p_topic AND t.partition = c.p;
    PERFORM pg_notify('${channelOf(schema).replace(/'/g, "''")}', p_topic);
  END
  $fn$;`;
};

/** Creates the bus schema if missing; serialised across processes by an advisory lock. */
export const migrateBusSchema = (pool: Pool, schema: string): Promise<void> =>
  withTransaction(pool, async (client) => void (await client.query(ddl(schema))), {
    advisoryLock: `cartera-bus-schema:${schema}`,
  });

/** LISTEN/NOTIFY channel of a bus schema (payload: the topic). */
export const channelOf = (schema: string): string => `cartera_bus_${schema}`;
