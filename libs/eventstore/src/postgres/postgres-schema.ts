import type { Pool } from 'pg';
import { checkpointTableSql } from '../checkpoints/pg-checkpoints';

/**
 * DDL of the PostgreSQL event store, one schema per service. Idempotent; run under an advisory
 * lock so replicas starting together do not race on CREATE … IF NOT EXISTS.
 *
 * HOW GLOBAL ORDER STAYS GAP-FREE (the transaction-id gate)
 * A sequence alone cannot order a log that readers consume by "position > checkpoint": sequence
 * values are handed out at insert time but become visible at commit time, so T1 can take 5, T2
 * take 6 and commit first, a reader checkpoints 6, and 5 (committed later) is never read.
 * Instead every row is stamped with its transaction id (`pg_current_xact_id()`, 64-bit xid8) and
 * a sequence number, and the global position is the pair (transaction_id, seq), prefixed by a
 * generation. Readers only return rows whose transaction_id is below the xmin of their own
 * snapshot (`pg_snapshot_xmin(pg_current_snapshot())`): every transaction below xmin has ended,
 * and every transaction that has not yet taken an id will take one ≥ xmin, so no row can ever
 * appear later below a position already read. Reading `(position) > checkpoint AND below xmin
 * ORDER BY (transaction_id, seq)` therefore never skips and never repeats, live or on replay, and
 * a position means the same thing every time. The price: one long transaction anywhere in the
 * cluster holds every subscriber back (hence idle_in_transaction_session_timeout and the
 * oldest-open-transaction metric).
 * Within one stream the global order is also the version order. A transaction takes its id at its
 * first write, and a row lock is a write taken when the lock is *requested*: with three writers
 * queued on one head row, the later-queued one can win the row and still carry the smaller id.
 * So the append function first takes a transaction-scoped advisory lock on the stream (which needs
 * no transaction id) and only then locks the head row: writers of one stream take their ids in
 * the order they own the stream. The function checks the invariant and refuses (SQLSTATE 40001,
 * retry the transaction) in the one case it cannot hold: an outer transaction that already wrote
 * something, and so took its id, before waiting for the stream.
 * Generations: transaction ids restart when the data is restored into another cluster. At start-up
 * the store compares the cluster's next transaction id with the largest one stored in the current
 * generation; if it is not larger, it opens a new generation, so later events still sort after
 * earlier ones (position = generation, transaction_id, seq).
 */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** First key of the per-stream advisory locks: one constant per schema (the second key is the stream's hash). */
const lockClass = (schema: string): number => {
  let h = 0x45530000; // 'ES'
  for (const c of Buffer.from(schema)) h = (Math.imul(h, 31) + c) | 0;
  return h;
};

export const schemaSql = (schema: string): string => {
  const s = quoteIdent(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};

CREATE TABLE IF NOT EXISTS ${s}.es_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation integer NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.es_generations (
  generation integer PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS ${s}.es_event_seq AS bigint CACHE 32;

-- The head row of each stream: the compare-and-set target, so only writers of one stream wait on each other.
CREATE TABLE IF NOT EXISTS ${s}.es_streams (
  stream_id text PRIMARY KEY,
  version bigint NOT NULL,
  last_hash bytea NOT NULL,
  last_generation integer NOT NULL,
  last_transaction_id xid8 NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS ${s}.es_events (
  stream_id text NOT NULL,
  stream_version bigint NOT NULL,
  generation integer NOT NULL,
  schema_version integer NOT NULL,
  transaction_id xid8 NOT NULL,
  seq bigint NOT NULL,
  id uuid NOT NULL,
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  hash bytea NOT NULL,
  -- json (not jsonb) keeps the exact canonical text the hash chain was computed over.
  data json NOT NULL,
  metadata json NOT NULL,
  PRIMARY KEY (stream_id, stream_version)
);
-- readAll and the subscription poll: a range scan on the global position, LIMIT n.
CREATE UNIQUE INDEX IF NOT EXISTS es_events_position ON ${s}.es_events (generation, transaction_id, seq);
-- Idempotent append (is this event id already stored?) and lookup by id; v7 ids keep it append-mostly.
CREATE UNIQUE INDEX IF NOT EXISTS es_events_id ON ${s}.es_events (id);

${checkpointTableSql(schema)}

INSERT INTO ${s}.es_meta (singleton, generation) VALUES (true, 1) ON CONFLICT DO NOTHING;
INSERT INTO ${s}.es_generations (generation, reason) VALUES (1, 'created') ON CONFLICT DO NOTHING;

-- One round trip per append: lock/compare-and-set the head row, idempotency check, hash chain, multi-row insert.
CREATE OR REPLACE FUNCTION ${s}.es_append(
  p_stream_id text, p_expected_kind text, p_expected bigint,
  p_ids uuid[], p_types text[], p_schema_versions integer[], p_data text[], p_metadata text[],
  p_occurred_at timestamptz[], p_digests bytea[]
) RETURNS TABLE (status text, version bigint, generation integer, transaction_id text, seq bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  n integer := cardinality(p_ids);
  h record;
  g integer;
  my_xid xid8;
  v0 bigint;
  prev bytea;
  hashes bytea[] := '{}';
  seqs bigint[];
  dup record;
BEGIN
  -- Own the stream before taking a transaction id (see the ordering comment in postgres-schema.ts).
  PERFORM pg_advisory_xact_lock(${lockClass(schema)}, hashtext(p_stream_id));
  LOOP
    SELECT s.version, s.last_hash, s.last_generation, s.last_transaction_id INTO h
      FROM ${s}.es_streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
    EXIT WHEN FOUND;
    IF p_expected_kind IN ('number', 'stream_exists') THEN
      RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'CA001', DETAIL = '-1';
    END IF;
    INSERT INTO ${s}.es_streams (stream_id, version, last_hash, last_generation, last_transaction_id)
      VALUES (p_stream_id, -1, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea, 0, '0'::xid8)
      ON CONFLICT DO NOTHING;
  END LOOP;

  SELECT count(*) AS found,
         count(*) FILTER (WHERE e.stream_id = p_stream_id) AS here,
         count(DISTINCT e.stream_version - u.ord) FILTER (WHERE e.stream_id = p_stream_id) AS runs,
         max(e.stream_version) AS last_version
    INTO dup
    FROM unnest(p_ids) WITH ORDINALITY AS u(id, ord) JOIN ${s}.es_events e ON e.id = u.id;
  IF dup.found > 0 THEN
    IF dup.found = n AND dup.here = n AND dup.runs = 1 THEN
      -- Every event is already stored, in this order: an idempotent repeat, same result.
      RETURN QUERY SELECT 'duplicate'::text, e.stream_version, e.generation, e.transaction_id::text, e.seq
        FROM ${s}.es_events e WHERE e.stream_id = p_stream_id AND e.stream_version = dup.last_version;
      RETURN;
    END IF;
    RAISE EXCEPTION 'event ids already stored: % of % (in this stream: %)', dup.found, n, dup.here USING ERRCODE = 'CA002';
  END IF;

  IF (p_expected_kind = 'number' AND h.version <> p_expected)
     OR (p_expected_kind = 'no_stream' AND h.version <> -1)
     OR (p_expected_kind = 'stream_exists' AND h.version = -1) THEN
    RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'CA001', DETAIL = h.version::text;
  END IF;

  SELECT m.generation INTO g FROM ${s}.es_meta m;
  my_xid := pg_current_xact_id();
  IF (g, my_xid) < (h.last_generation, h.last_transaction_id) THEN
    RAISE EXCEPTION 'append to % would sort before an earlier append: this transaction took its id before the stream''s last writer committed; retry the transaction', p_stream_id
      USING ERRCODE = '40001';
  END IF;

  v0 := h.version + 1;
  seqs := ARRAY(SELECT x FROM (SELECT nextval('${s.replace(/'/g, "''")}.es_event_seq') AS x FROM generate_series(1, n)) q ORDER BY x);
  prev := h.last_hash;
  FOR i IN 1..n LOOP
    prev := sha256(prev || int8send(v0 + i - 1) || p_digests[i]);
    hashes := hashes || prev;
  END LOOP;

  INSERT INTO ${s}.es_events (stream_id, stream_version, generation, schema_version, transaction_id, seq, id, type,
                              occurred_at, recorded_at, hash, data, metadata)
  SELECT p_stream_id, v0 + u.ord - 1, g, u.sv, my_xid, u.sq, u.id, u.ty,
         u.oa, date_trunc('milliseconds', now()), u.hs, u.da::json, u.md::json
    FROM unnest(p_ids, p_types, p_schema_versions, p_data, p_metadata, p_occurred_at, hashes, seqs)
         WITH ORDINALITY AS u(id, ty, sv, da, md, oa, hs, sq, ord);

  UPDATE ${s}.es_streams s SET version = v0 + n - 1, last_hash = prev, last_generation = g, last_transaction_id = my_xid
    WHERE s.stream_id = p_stream_id;

  RETURN QUERY SELECT 'appended'::text, v0 + n - 1, g, my_xid::text, seqs[n];
END
$fn$;
`;
};

/**
 * Start-up check of the generation: if this cluster's transaction ids do not run past the largest
 * one stored in the current generation (the data was restored elsewhere), open a new generation.
 */
export const checkGenerationSql = (schema: string): string => {
  const s = quoteIdent(schema);
  return `
DO $gen$
DECLARE g integer; max_xid xid8;
BEGIN
  SELECT generation INTO g FROM ${s}.es_meta FOR UPDATE;
  SELECT e.transaction_id INTO max_xid FROM ${s}.es_events e WHERE e.generation = g
    ORDER BY e.generation DESC, e.transaction_id DESC, e.seq DESC LIMIT 1;
  IF max_xid IS NOT NULL AND pg_current_xact_id() <= max_xid THEN
    UPDATE ${s}.es_meta SET generation = g + 1;
    INSERT INTO ${s}.es_generations (generation, reason)
      VALUES (g + 1, format('transaction ids restarted: next %s <= stored %s', pg_current_xact_id(), max_xid));
  END IF;
END
$gen$;`;
};

export const setupSchema = async (pool: Pool, schema: string): Promise<number> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`cartera.eventstore.setup:${schema}`]);
    await client.query(schemaSql(schema));
    await client.query(checkGenerationSql(schema));
    const { rows } = await client.query<{ generation: number }>(`SELECT generation FROM ${quoteIdent(schema)}.es_meta`);
    await client.query('COMMIT');
    return rows[0].generation;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
