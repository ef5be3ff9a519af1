import type { Pool } from 'pg';
import { withTransaction } from '@cartera/pg';
import { checkpointTableSql } from '../checkpoints/pg-checkpoints';
import { EVENT_COLUMNS } from './postgres-rows';

/**
 * DDL of the PostgreSQL event store, one schema per service; idempotent, run under an advisory lock.
 * Gap-free order: sequence values become visible at commit, not in order, so "position > checkpoint"
 * could skip. A position is (generation, transaction id, seq) and readers see only rows below their
 * snapshot's xmin: those transactions have ended and no later one takes a smaller id. A stream's
 * advisory lock is taken before any write so its writers take their ids in version order; a restore
 * into another cluster (ids restart) opens a new generation.
 */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** First key of the per-stream advisory locks, one per schema (the second key is the stream's hash). */
const lockClass = (schema: string): number => {
  let h = 0x45530000; // 'ES'
  for (const c of Buffer.from(schema)) h = (Math.imul(h, 31) + c) | 0;
  return h;
};

const schemaSql = (schema: string): string => {
  const s = quoteIdent(schema);
  const GENESIS = `'\\x${'00'.repeat(32)}'::bytea`;
  // Errors raised on the one-stream path and on the many-stream path alike (SQLSTATE 40001: retry).
  const SORTS_BEFORE =
    `'append to % would sort before an earlier append: this transaction took its id ` +
    `before the stream''s last writer committed; retry the transaction'`;
  const HEAD_MOVED = `'a stream head moved while this append owned the stream; retry the transaction'`;
  // Does head version v break the expectation (kind, expected number)? The same test everywhere.
  const mismatch = (v: string, kind: string, expected: string) =>
    `((${kind} = 'number' AND ${v} <> ${expected}) OR (${kind} = 'no_stream' AND ${v} <> -1) OR (${kind} = 'stream_exists' AND ${v} = -1))`;
  // New head rows (a head at version -1 is taken over).
  const insertHeads = (
    rows: string,
  ) => `INSERT INTO ${s}.es_streams AS h (stream_id, version, last_hash, last_generation, last_transaction_id)
    ${rows}
    ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, last_hash = EXCLUDED.last_hash,
      last_generation = EXCLUDED.last_generation, last_transaction_id = EXCLUDED.last_transaction_id
      WHERE h.version = -1`;
  // Events per item: needed only on the rare paths (a version mismatch, ids already stored).
  const countItems = `IF counts IS NULL THEN
      counts := array_fill(0, ARRAY[n_items]);
      FOR i IN 1..n LOOP
        counts[p_items[i]] := counts[p_items[i]] + 1;
      END LOOP;
    END IF;`;
  // Used twice by the append: plain, then (only when an id was already stored) with ON CONFLICT.
  const insertEvents = `INSERT INTO ${s}.es_events (stream_id, stream_version, generation, schema_version, transaction_id, seq, id, type,
                                occurred_at, recorded_at, hash, data, metadata)
    SELECT p_streams[p_items[k]], offsets[p_items[k]] + k, g, p_schema_versions[k], my_xid, first_seq + k - 1, p_ids[k], p_types[k],
           p_occurred_at[k], recorded, hashes[k], p_data[k], p_metadata[p_metadata_of[k]]
      FROM generate_series(1, n) AS k
     WHERE NOT repeats[p_items[k]]`;
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

-- Stream ids are keys compared byte by byte (COLLATE "C"), not text sorted through a locale.

-- The head row of each stream: the compare-and-set target, so only writers of one stream wait on each other.
CREATE TABLE IF NOT EXISTS ${s}.es_streams (
  stream_id text COLLATE "C" PRIMARY KEY,
  version bigint NOT NULL,
  last_hash bytea NOT NULL,
  last_generation integer NOT NULL,
  last_transaction_id xid8 NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 70); -- room for HOT updates: the head row changes on every append

CREATE TABLE IF NOT EXISTS ${s}.es_events (
  stream_id text COLLATE "C" NOT NULL,
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
-- No planner statistics for the opaque bodies: no query filters on them.
ALTER TABLE ${s}.es_events ALTER COLUMN data SET STATISTICS 0, ALTER COLUMN metadata SET STATISTICS 0;

${checkpointTableSql(schema)}

INSERT INTO ${s}.es_meta (singleton, generation) VALUES (true, 1) ON CONFLICT DO NOTHING;
INSERT INTO ${s}.es_generations (generation, reason) VALUES (1, 'created') ON CONFLICT DO NOTHING;

-- One round trip per append, one stream or many: own the streams, check expected versions, insert
-- every event in one statement, chain the hashes, compare-and-set the heads; one row per item.
DROP FUNCTION IF EXISTS ${s}.es_append_streams(text[], text[], bigint[], integer[], uuid[], text[], integer[],
  json, json, timestamptz[], bytea[]);
DROP FUNCTION IF EXISTS ${s}.es_append_streams(text[], text[], bigint[], integer[], uuid[], text[], integer[],
  json, json, integer[], timestamptz[], bytea);
CREATE OR REPLACE FUNCTION ${s}.es_append_streams(
  p_streams text[], p_kinds text[], p_expected bigint[],
  p_items integer[], p_ids uuid[], p_types text[], p_schema_versions integer[], p_data json[], p_metadata json[], p_metadata_of integer[],
  p_occurred_at timestamptz[], p_digests bytea
) RETURNS TABLE (item integer, status text, version bigint, generation integer, transaction_id text, seq bigint)
-- Every statement looks rows up by key, so plans are pinned to index nested loops and cached once
-- per session: a plan made while a table was small would otherwise stay a sequential scan.
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $fn$
DECLARE
  n_items integer := cardinality(p_streams);
  n integer := cardinality(p_ids);
  g integer;
  my_xid xid8;
  recorded timestamptz := date_trunc('milliseconds', now());
  head_versions bigint[];
  head_hashes bytea[];
  head_gens integer[];
  head_xids xid8[];
  mismatches integer;
  repeats boolean[] := array_fill(false, ARRAY[n_items]);
  rep_versions bigint[] := array_fill(NULL::bigint, ARRAY[n_items]);
  rep_gens integer[] := array_fill(NULL::integer, ARRAY[n_items]);
  rep_xids text[] := array_fill(NULL::text, ARRAY[n_items]);
  rep_seqs bigint[] := array_fill(NULL::bigint, ARRAY[n_items]);
  last_versions bigint[] := array_fill(NULL::bigint, ARRAY[n_items]);
  last_hashes bytea[] := array_fill(NULL::bytea, ARRAY[n_items]);
  last_seqs bigint[] := array_fill(NULL::bigint, ARRAY[n_items]);
  counts integer[];
  offsets bigint[] := array_fill(NULL::bigint, ARRAY[n_items]);
  hashes bytea[] := array_fill(NULL::bytea, ARRAY[n]);
  sq bigint;
  first_seq bigint;
  expected_rows integer := n;
  written integer;
  heads integer := 0;
  it integer := 0;
  prev bytea;
  bad record;
  rep record;
  constraint_name text;
BEGIN
  -- (A metadata index out of range reads NULL metadata: the insert then fails on NOT NULL.)
  IF cardinality(p_items) <> n OR cardinality(p_data) <> n OR cardinality(p_metadata_of) <> n OR length(p_digests) <> 32 * n THEN
    RAISE EXCEPTION 'es_append_streams: % ids, % items, % data, % metadata indexes, % digest bytes',
      n, cardinality(p_items), cardinality(p_data), cardinality(p_metadata_of), length(p_digests)
      USING ERRCODE = '22023';
  END IF;
  -- Own every stream before any write takes this transaction's id, in lock-key order (no deadlock
  -- between two multi-stream appends); then read the heads and the generation.
  IF n_items = 1 THEN
    PERFORM pg_advisory_xact_lock(${lockClass(schema)}, hashtext(p_streams[1]));
    SELECT ARRAY[coalesce(h.version, -1)], ARRAY[coalesce(h.last_hash, ${GENESIS})], ARRAY[h.last_generation],
           ARRAY[h.last_transaction_id],
           CASE WHEN ${mismatch('coalesce(h.version, -1)', 'p_kinds[1]', 'p_expected[1]')} THEN 1 ELSE 0 END,
           (SELECT m.generation FROM ${s}.es_meta m)
      INTO head_versions, head_hashes, head_gens, head_xids, mismatches, g
      FROM (SELECT 1) one LEFT JOIN ${s}.es_streams h ON h.stream_id = p_streams[1];
  ELSE
    PERFORM count(pg_advisory_xact_lock(${lockClass(schema)}, q.k))
      FROM (SELECT DISTINCT hashtext(x) AS k FROM unnest(p_streams) x ORDER BY 1) q;
    SELECT array_agg(coalesce(h.version, -1) ORDER BY u.i), array_agg(coalesce(h.last_hash, ${GENESIS}) ORDER BY u.i),
           array_agg(h.last_generation ORDER BY u.i), array_agg(h.last_transaction_id ORDER BY u.i),
           count(*) FILTER (WHERE ${mismatch('coalesce(h.version, -1)', 'u.k', 'u.e')}), (SELECT m.generation FROM ${s}.es_meta m)
      INTO head_versions, head_hashes, head_gens, head_xids, mismatches, g
      FROM unnest(p_streams, p_kinds, p_expected) WITH ORDINALITY AS u(s, k, e, i) LEFT JOIN ${s}.es_streams h ON h.stream_id = u.s;
  END IF;

  IF mismatches > 0 THEN
    ${countItems}
    FOR bad IN SELECT u.i, u.s, u.v FROM unnest(p_streams, p_kinds, p_expected, head_versions) WITH ORDINALITY AS u(s, k, e, v, i)
               WHERE ${mismatch('u.v', 'u.k', 'u.e')} LOOP
      -- A version mismatch may still be an idempotent repeat of an earlier append.
      SELECT * INTO rep FROM ${s}.es_repeat_of(bad.s, ARRAY(SELECT x.id FROM unnest(p_items, p_ids) AS x(it, id) WHERE x.it = bad.i));
      IF rep.is_repeat THEN
        repeats[bad.i] := true;
        rep_versions[bad.i] := rep.version; rep_gens[bad.i] := rep.generation;
        rep_xids[bad.i] := rep.transaction_id; rep_seqs[bad.i] := rep.seq;
        expected_rows := expected_rows - counts[bad.i];
      ELSIF rep.found > 0 THEN
        RAISE EXCEPTION 'append to %: event ids already stored: % of % (in this stream: %)', bad.s, rep.found, counts[bad.i], rep.here
          USING ERRCODE = 'CA002', HINT = bad.i::text;
      ELSE
        RAISE EXCEPTION 'wrong expected version for %', bad.s USING ERRCODE = 'CA001', DETAIL = bad.v::text, HINT = bad.i::text;
      END IF;
    END LOOP;
  END IF;

  -- This transaction's events so far (none when it takes its id here: the common case).
  IF pg_current_xact_id_if_assigned() IS NULL THEN
    my_xid := pg_current_xact_id();
    sq := 0;
  ELSE
    my_xid := pg_current_xact_id();
    SELECT coalesce(max(e.seq), 0) INTO sq FROM ${s}.es_events e WHERE e.generation = g AND e.transaction_id = my_xid;
  END IF;
  first_seq := sq + 1;
  IF n_items = 1 THEN
    IF NOT repeats[1] AND (g, my_xid) < (head_gens[1], head_xids[1]) THEN
      RAISE EXCEPTION ${SORTS_BEFORE}, p_streams[1]
        USING ERRCODE = '40001';
    END IF;
  ELSE
    SELECT u.s INTO bad FROM unnest(p_streams, head_gens, head_xids, repeats) AS u(s, lg, lx, r)
     WHERE NOT u.r AND (g, my_xid) < (u.lg, u.lx) LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION ${SORTS_BEFORE}, bad.s
        USING ERRCODE = '40001';
    END IF;
  END IF;

  -- hash(v) = sha256(hash(v-1) || int8be(v) || digest); event i has version offsets[its item] + i.
  FOR i IN 1..n LOOP
    IF p_items[i] <> it THEN
      IF it > 0 THEN
        last_versions[it] := offsets[it] + i - 1; last_hashes[it] := prev; last_seqs[it] := sq + i - 1;
      END IF;
      it := p_items[i];
      offsets[it] := head_versions[it] + 1 - i;
      prev := head_hashes[it];
    END IF;
    prev := sha256(prev || int8send(offsets[it] + i) || substr(p_digests, 32 * i - 31, 32));
    hashes[i] := prev;
  END LOOP;
  IF it > 0 THEN
    last_versions[it] := offsets[it] + n; last_hashes[it] := prev; last_seqs[it] := sq + n;
  END IF;

  -- A plain INSERT; only when the id index refuses a stored id (a retried append) is it repeated
  -- with ON CONFLICT, which would cost a speculative insertion per row on every append.
  BEGIN
    ${insertEvents};
    GET DIAGNOSTICS written = ROW_COUNT;
  EXCEPTION WHEN unique_violation THEN
    GET STACKED DIAGNOSTICS constraint_name = CONSTRAINT_NAME;
    IF constraint_name <> 'es_events_id' THEN RAISE; END IF;
    ${insertEvents}
    ON CONFLICT (id) DO NOTHING;
    GET DIAGNOSTICS written = ROW_COUNT;
  END;

  IF written <> expected_rows THEN
    ${countItems}
    -- Stored ids: an item is a repeat only if all its ids are, in this stream and order; else refused.
    FOR bad IN SELECT x.i, p_streams[x.i] AS s,
                      (SELECT count(*) FROM ${s}.es_events e WHERE e.stream_id = p_streams[x.i] AND e.stream_version > head_versions[x.i]
                         AND e.transaction_id = my_xid) AS mine
                 FROM generate_series(1, n_items) AS x(i) WHERE NOT repeats[x.i] LOOP
      CONTINUE WHEN bad.mine = counts[bad.i];
      SELECT * INTO rep FROM ${s}.es_repeat_of(bad.s, ARRAY(SELECT x.id FROM unnest(p_items, p_ids) AS x(it, id) WHERE x.it = bad.i));
      IF bad.mine > 0 OR NOT rep.is_repeat THEN
        RAISE EXCEPTION 'append to %: event ids already stored: % of % (in this stream: %)', bad.s, rep.found, counts[bad.i], rep.here
          USING ERRCODE = 'CA002', HINT = bad.i::text;
      END IF;
      repeats[bad.i] := true;
      rep_versions[bad.i] := rep.version; rep_gens[bad.i] := rep.generation;
      rep_xids[bad.i] := rep.transaction_id; rep_seqs[bad.i] := rep.seq;
    END LOOP;
  END IF;

  -- Compare-and-set of the head rows: each must still be at the version read above.
  IF n_items = 1 THEN
    IF NOT repeats[1] THEN
      IF head_versions[1] >= 0 THEN
        UPDATE ${s}.es_streams h
           SET version = last_versions[1], last_hash = last_hashes[1], last_generation = g, last_transaction_id = my_xid
         WHERE h.stream_id = p_streams[1] AND h.version = head_versions[1];
      ELSE
        ${insertHeads('VALUES (p_streams[1], last_versions[1], last_hashes[1], g, my_xid)')};
      END IF;
      GET DIAGNOSTICS written = ROW_COUNT;
      IF written <> 1 THEN
        RAISE EXCEPTION ${HEAD_MOVED} USING ERRCODE = '40001';
      END IF;
    END IF;
    item := 1;
    status := CASE WHEN repeats[1] THEN 'duplicate' ELSE 'appended' END;
    version := CASE WHEN repeats[1] THEN rep_versions[1] ELSE last_versions[1] END;
    generation := CASE WHEN repeats[1] THEN rep_gens[1] ELSE g END;
    transaction_id := CASE WHEN repeats[1] THEN rep_xids[1] ELSE my_xid::text END;
    seq := CASE WHEN repeats[1] THEN rep_seqs[1] ELSE last_seqs[1] END;
    RETURN NEXT;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(head_versions, repeats) AS u(hv, r) WHERE NOT u.r AND u.hv >= 0) THEN
    UPDATE ${s}.es_streams h SET version = u.v, last_hash = u.hs, last_generation = g, last_transaction_id = my_xid
      FROM unnest(p_streams, head_versions, last_versions, last_hashes, repeats) AS u(s, hv, v, hs, r)
     WHERE h.stream_id = u.s AND h.version = u.hv AND u.hv >= 0 AND NOT u.r;
    GET DIAGNOSTICS written = ROW_COUNT;
    heads := heads + written;
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(head_versions, repeats) AS u(hv, r) WHERE NOT u.r AND u.hv = -1) THEN
    ${insertHeads(`SELECT u.s, u.v, u.hs, g, my_xid
     FROM unnest(p_streams, head_versions, last_versions, last_hashes, repeats) AS u(s, hv, v, hs, r)
     WHERE u.hv = -1 AND NOT u.r`)};
    GET DIAGNOSTICS written = ROW_COUNT;
    heads := heads + written;
  END IF;
  IF heads <> (SELECT count(*) FROM unnest(repeats) r WHERE NOT r) THEN
    RAISE EXCEPTION ${HEAD_MOVED} USING ERRCODE = '40001';
  END IF;

  RETURN QUERY SELECT x.i,
      CASE WHEN repeats[x.i] THEN 'duplicate' ELSE 'appended' END,
      CASE WHEN repeats[x.i] THEN rep_versions[x.i] ELSE last_versions[x.i] END,
      CASE WHEN repeats[x.i] THEN rep_gens[x.i] ELSE g END,
      CASE WHEN repeats[x.i] THEN rep_xids[x.i] ELSE my_xid::text END,
      CASE WHEN repeats[x.i] THEN rep_seqs[x.i] ELSE last_seqs[x.i] END
    FROM generate_series(1, n_items) AS x(i);
END
$fn$;

-- Whole streams for a group of command handlers, one index scan per stream, pinned like
-- es_append_streams so a freshly imported table is never scanned per group.
DO $drop$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_proc p WHERE p.oid = to_regprocedure('${s.replace(/'/g, "''")}.es_read_streams(text[])')
               AND pg_get_function_result(p.oid) NOT LIKE 'TABLE(envelope text, data json,%') THEN
    DROP FUNCTION ${s}.es_read_streams(text[]);
  END IF;
END
$drop$;
CREATE OR REPLACE FUNCTION ${s}.es_read_streams(p_streams text[])
RETURNS TABLE (envelope text, data json, metadata json, i integer)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $fn$
BEGIN
  RETURN QUERY SELECT ${EVENT_COLUMNS}, u.i::int
    FROM unnest(p_streams) WITH ORDINALITY AS u(s, i) JOIN ${s}.es_events e ON e.stream_id = u.s
   ORDER BY u.i, e.stream_version;
END
$fn$;

-- Is appending these ids a repeat of an earlier append (all stored in this stream, contiguous, in order)?
CREATE OR REPLACE FUNCTION ${s}.es_repeat_of(p_stream text, p_ids uuid[])
RETURNS TABLE (is_repeat boolean, found bigint, here bigint, version bigint, generation integer, transaction_id text, seq bigint)
LANGUAGE sql STABLE AS $fn$
  SELECT count(*) = cardinality(p_ids) AND count(*) FILTER (WHERE e.stream_id = p_stream) = cardinality(p_ids)
           AND count(DISTINCT e.stream_version - u.ord) FILTER (WHERE e.stream_id = p_stream) = 1,
         count(*), count(*) FILTER (WHERE e.stream_id = p_stream),
         max(e.stream_version),
         (array_agg(e.generation ORDER BY e.stream_version DESC))[1],
         (array_agg(e.transaction_id::text ORDER BY e.stream_version DESC))[1],
         (array_agg(e.seq ORDER BY e.stream_version DESC))[1]
    FROM unnest(p_ids) WITH ORDINALITY AS u(id, ord) JOIN ${s}.es_events e ON e.id = u.id
$fn$;
`;
};

/**
 * Start-up check of the generation: if this cluster's transaction ids do not run past the largest
 * one stored in the current generation (the data was restored elsewhere), open a new generation.
 */
const checkGenerationSql = (schema: string): string => {
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

export const setupSchema = (pool: Pool, schema: string): Promise<number> =>
  withTransaction(
    pool,
    async (client) => {
      await client.query(schemaSql(schema));
      await client.query(checkGenerationSql(schema));
      const { rows } = await client.query<{ generation: number }>(
        `SELECT generation FROM ${quoteIdent(schema)}.es_meta`,
      );
      return rows[0].generation;
    },
    { advisoryLock: `cartera.eventstore.setup:${schema}` },
  );
