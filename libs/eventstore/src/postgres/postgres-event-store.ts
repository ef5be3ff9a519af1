import { Pool, PoolClient } from 'pg';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  GlobalPosition,
  InvalidEventStoreInput,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  VerifyResult,
  WrongExpectedVersion,
} from '../event-store.port';
import { ChainVerifier, VERIFY_PAGE, writeEventDigests } from '../hash-chain';
import { createUpcasterRegistry, Upcaster, UpcasterRegistry } from '../upcasters';
import {
  prepareAppend,
  PreparedAppend,
  prepareAppends,
  StreamAppend,
  validateReadAll,
  ValidReadStream,
  validateReadStream,
  validateStreamId,
} from '../validation';
import { Logger } from '../checkpoints/subscription-runner';
import { parsePosition, BEFORE_START, formatPosition } from './postgres-position';
import {
  ENVELOPE_COLUMN,
  epochMs,
  EVENT_COLUMNS,
  EVENT_ROW_TYPES,
  EventRow,
  EventRowOf,
  extraColumn,
  rowToEvent,
} from './postgres-rows';
import { GroupRead } from './postgres-group-read';
import { quoteIdent, SCHEMA_NAME, setupSchema } from './postgres-schema';
import { GroupCommit } from './postgres-group-commit';
import { subscribePostgres } from './postgres-subscription';
import { int4Array, int8Array, jsonArray, textArray, timestamptzArray, uuidArray } from './binary-params';

export type PostgresEventStoreOptions = Readonly<{
  /** A pool to use (not closed by `close()`), or a connection string (the store then owns its pool). */
  pool?: Pool;
  connectionString?: string;
  schema: string;
  upcasters?: UpcasterRegistry | readonly Upcaster[];
  poolMax?: number;
  /** On the store's own connections: an idle open transaction holds every subscriber back. Default 60 s. */
  idleInTransactionTimeoutMs?: number;
  /** Longest sleep of an idle subscription between polls (NOTIFY usually wakes it first). Default 500 ms. */
  pollIntervalMs?: number;
  /** Coalescing window of the post-commit NOTIFY wake-up. Default 5 ms; 0 disables NOTIFY. */
  notifyDebounceMs?: number;
  batchSize?: number;
  /** How often a standby instance retries the subscription lock. Default 1 s. */
  lockRetryMs?: number;
  /** Create/upgrade the schema at start-up (and run the generation check). Default true. */
  migrate?: boolean;
  logger?: Logger;
}>;

export interface PostgresEventStore extends EventStore {
  readonly schema: string;
  readonly pool: Pool;
  /** Generation of this store's positions (bumped when the data was restored into another cluster). */
  readonly generation: number;
  /** Appends inside the caller's open transaction on `client` (e.g. with an inbox row). */
  appendInTransaction(
    client: PoolClient,
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Bulk import: many streams in one transaction, each item with the guarantees of `appendToStream`. */
  appendToStreams(items: readonly StreamAppend[], client?: PoolClient): Promise<AppendResult[]>;
  /** Age in seconds of the oldest open transaction holding a transaction id (the metric to alert on). */
  oldestOpenTransactionAgeSeconds(): Promise<number>;
  /** Newest position below the gate: where a subscription "from end" starts. */
  endPosition(): Promise<GlobalPosition | undefined>;
}

/** Statements in flight at once per kind (appends, whole-stream reads); later requests share the next. */
const GROUP_LANES = 4;

type AppendRow = {
  item: number;
  status: string;
  version: string;
  generation: number;
  transaction_id: string;
  seq: string;
};

const defaultLogger: Logger = { warn: (message, error) => console.warn(message, error ?? '') };

export const createPostgresEventStore = async (
  options: PostgresEventStoreOptions,
): Promise<PostgresEventStore> => {
  if (!SCHEMA_NAME.test(options.schema ?? ''))
    throw new InvalidEventStoreInput(`schema must match ${SCHEMA_NAME}: ${options.schema}`);
  if (!options.pool && !options.connectionString)
    throw new InvalidEventStoreInput('createPostgresEventStore needs a pool or a connectionString');
  const idleInTransactionTimeoutMs = options.idleInTransactionTimeoutMs ?? 60_000;
  const ownPool = !options.pool;
  const pool =
    options.pool ??
    new Pool({
      connectionString: options.connectionString,
      max: options.poolMax ?? 20,
      idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
    });
  if (ownPool) {
    // A lost connection fails the query using it, never the process: an idle client is replaced
    // on next use, a checked-out one (pg leaves it without a listener) is discarded on release.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
  }
  try {
    const generation =
      options.migrate === false
        ? await readGeneration(pool, options.schema)
        : await setupSchema(pool, options.schema);
    const upcasters = Array.isArray(options.upcasters)
      ? createUpcasterRegistry(options.upcasters as readonly Upcaster[])
      : ((options.upcasters as UpcasterRegistry | undefined) ?? createUpcasterRegistry());
    return new PgEventStore(pool, ownPool, options.schema, generation, upcasters, {
      idleInTransactionTimeoutMs,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      notifyDebounceMs: options.notifyDebounceMs ?? 5,
      batchSize: options.batchSize ?? 500,
      lockRetryMs: options.lockRetryMs ?? 1_000,
      logger: options.logger ?? defaultLogger,
    });
  } catch (error) {
    if (ownPool) await pool.end().catch(() => undefined);
    throw error;
  }
};

const readGeneration = async (pool: Pool, schema: string): Promise<number> => {
  const { rows } = await pool.query<{ generation: number }>(
    `SELECT generation FROM ${quoteIdent(schema)}.es_meta`,
  );
  return rows[0].generation;
};

export type StoreSettings = Readonly<{
  idleInTransactionTimeoutMs: number;
  pollIntervalMs: number;
  notifyDebounceMs: number;
  batchSize: number;
  lockRetryMs: number;
  logger: Logger;
}>;

/** Rows of transactions below this snapshot's xmin: all ended, so none can appear behind a position read. */
const gateOf = (s: string): string =>
  `(e.generation, e.transaction_id) <
    ((SELECT m.generation FROM ${s}.es_meta m), pg_snapshot_xmin(pg_current_snapshot()))`;

class PgEventStore implements PostgresEventStore {
  private readonly s: string;
  private readonly subscriptions = new Set<Subscription>();
  private notifyTimer: NodeJS.Timeout | undefined;
  private closed = false;
  readonly channel: string;
  private readonly sql: Record<
    'append' | 'readForwards' | 'readBackwards' | 'readStreams' | 'readAll' | 'end' | 'latest',
    string
  >;
  private readonly groupRead = new GroupRead<EventRow | EventRowOf<number>>(
    (streamIds) => this.readStreamsRaw(streamIds),
    (streamId) => this.readStreamRaw(streamId, { backwards: false }),
    GROUP_LANES,
  );
  private readonly groupCommit = new GroupCommit(
    {
      run: (appends) => this.runAppendsRaw(this.pool, appends),
      // The append function names the failing item (1-based) in HINT for a version conflict or stored ids.
      itemOf: (error) => {
        const e = error as { code?: string; hint?: string };
        return (e.code === 'CA001' || e.code === 'CA002') && e.hint ? Number(e.hint) - 1 : undefined;
      },
      errorOf: (error, append) => this.appendError(error, [append]),
    },
    GROUP_LANES,
  );

  constructor(
    readonly pool: Pool,
    private readonly ownPool: boolean,
    readonly schema: string,
    readonly generation: number,
    readonly upcasters: UpcasterRegistry,
    readonly settings: StoreSettings,
  ) {
    const s = (this.s = quoteIdent(schema));
    this.channel = `cartera_es_${schema}`.slice(0, 63);
    const gate = gateOf(s);
    const asOf = `AND ($3::timestamptz IS NULL OR e.recorded_at <= $3)
      AND ($4::timestamptz IS NULL OR e.occurred_at <= $4)`;
    this.sql = {
      append: `SELECT item, status, version, generation, transaction_id, seq
        FROM ${s}.es_append_streams($1::text[], $2::text[], $3::bigint[], $4::int[], $5::uuid[], $6::text[],
          $7::int[], $8::json[], $9::json[], $10::int[], $11::timestamptz[], $12::bytea)`,
      readForwards: `SELECT ${EVENT_COLUMNS} FROM ${s}.es_events e
        WHERE e.stream_id = $1 AND e.stream_version >= $2 ${asOf} ORDER BY e.stream_version LIMIT $5`,
      readBackwards: `SELECT ${EVENT_COLUMNS} FROM ${s}.es_events e
        WHERE e.stream_id = $1 AND e.stream_version <= $2 ${asOf} ORDER BY e.stream_version DESC LIMIT $5`,
      readStreams: `SELECT * FROM ${s}.es_read_streams($1::text[])`,
      readAll: `SELECT ${EVENT_COLUMNS} FROM ${s}.es_events e
        WHERE (e.generation, e.transaction_id, e.seq) > ($1::int, $2::xid8, $3::bigint) AND ${gate}
          AND ($4::text[] IS NULL OR split_part(e.stream_id, '-', 1) = ANY($4)) AND ($5::text[] IS NULL OR e.type = ANY($5))
        ORDER BY e.generation, e.transaction_id, e.seq LIMIT $6`,
      end: `SELECT e.generation, e.transaction_id::text AS xid, e.seq FROM ${s}.es_events e WHERE ${gate}
        ORDER BY e.generation DESC, e.transaction_id DESC, e.seq DESC LIMIT 1`,
      latest: `SELECT e.generation, e.transaction_id::text AS xid, e.seq FROM ${s}.es_events e
        ORDER BY e.generation DESC, e.transaction_id DESC, e.seq DESC LIMIT 1`,
    };
  }

  /** Window query of the poll loop: every row of the window, with payload only for those the filter keeps. */
  pollSql(filtered: boolean): string {
    const match = filtered
      ? `(($5::text[] IS NULL OR split_part(e.stream_id, '-', 1) = ANY($5)) AND ($6::text[] IS NULL OR e.type = ANY($6)))`
      : 'true';
    const gate = gateOf(this.s);
    // Same columns as EVENT_COLUMNS; rows the filter leaves out only move the checkpoint, so no payload.
    return `SELECT ${ENVELOPE_COLUMN},
        CASE WHEN ${match} THEN e.data END AS data, CASE WHEN ${match} THEN e.metadata END AS metadata
      FROM ${this.s}.es_events e
      WHERE (e.generation, e.transaction_id, e.seq) > ($1::int, $2::xid8, $3::bigint) AND ${gate}
      ORDER BY e.generation, e.transaction_id, e.seq LIMIT $4`;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, events, options, this.upcasters);
    if (this.closed) throw new Error('The event store is closed');
    // Concurrent single appends share a statement and a commit (see GroupCommit); each keeps its own outcome.
    const result = await this.groupCommit.append(prepared);
    this.scheduleNotify();
    return result;
  }

  appendInTransaction(
    client: PoolClient,
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    return this.runAppend(client, prepareAppend(streamId, events, options, this.upcasters));
  }

  async appendToStreams(items: readonly StreamAppend[], client?: PoolClient): Promise<AppendResult[]> {
    const prepared = prepareAppends(items, this.upcasters);
    const results = await this.runAppends(client ?? this.pool, prepared);
    if (!client) this.scheduleNotify();
    return results;
  }

  private async runAppend(db: Pool | PoolClient, p: PreparedAppend): Promise<AppendResult> {
    return (await this.runAppends(db, [p]))[0];
  }

  private async runAppends(
    db: Pool | PoolClient,
    appends: readonly PreparedAppend[],
  ): Promise<AppendResult[]> {
    try {
      return await this.runAppendsRaw(db, appends);
    } catch (error) {
      throw this.appendError(error, appends);
    }
  }

  /** One statement for one stream or many: the arrays of `es_append_streams`, events grouped by item. */
  private async runAppendsRaw(
    db: Pool | PoolClient,
    appends: readonly PreparedAppend[],
  ): Promise<AppendResult[]> {
    if (this.closed) throw new Error('The event store is closed');
    const streams: string[] = [];
    const kinds: string[] = [];
    const expected: (number | null)[] = [];
    const items: number[] = [];
    const ids: string[] = [];
    const types: string[] = [];
    const schemaVersions: number[] = [];
    const data: string[] = [];
    const metadata: string[] = [];
    const metadataOf: number[] = [];
    const metadataIndex = new Map<string, number>();
    const occurredAt: number[] = [];
    let eventCount = 0;
    for (const p of appends) eventCount += p.events.length;
    const digests = Buffer.allocUnsafe(32 * eventCount);
    let k = 0;
    for (let i = 0; i < appends.length; i++) {
      const p = appends[i];
      streams.push(p.streamId);
      kinds.push(typeof p.expectedVersion === 'number' ? 'number' : p.expectedVersion);
      expected.push(typeof p.expectedVersion === 'number' ? p.expectedVersion : null);
      for (const e of p.events) {
        items.push(i + 1);
        ids.push(e.id);
        types.push(e.type);
        schemaVersions.push(e.schemaVersion);
        data.push(e.dataJson);
        // The events of one command carry the same metadata: each distinct text travels once.
        let m = metadataIndex.get(e.metadataJson);
        if (m === undefined) {
          m = metadata.push(e.metadataJson);
          metadataIndex.set(e.metadataJson, m);
        }
        metadataOf.push(m);
        occurredAt.push(e.occurredAt.getTime());
      }
      writeEventDigests(p.streamId, p.events, digests, 32 * k);
      k += p.events.length;
    }
    // Binary arrays (binary-params.ts): kept until measured without them (docs/benchmarks.md).
    const values = [
      textArray(streams),
      textArray(kinds),
      int8Array(expected),
      int4Array(items),
      uuidArray(ids),
      textArray(types),
      int4Array(schemaVersions),
      jsonArray(data),
      jsonArray(metadata),
      int4Array(metadataOf),
      timestamptzArray(occurredAt),
      digests,
    ];
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await db.query<AppendRow>({
          name: `es_append_${this.schema}`,
          text: this.sql.append,
          values,
        });
        const results: AppendResult[] = new Array(appends.length);
        for (const row of rows) {
          results[row.item - 1] = {
            nextExpectedVersion: Number(row.version),
            position: formatPosition(row.generation, row.transaction_id, row.seq),
          };
        }
        return results;
      } catch (error) {
        // Outside a caller's transaction a 40001 rolled it all back: a new attempt takes a new id.
        if ((error as { code?: string }).code === '40001' && db === this.pool && attempt < 3) continue;
        throw error;
      }
    }
  }

  private appendError(error: unknown, appends: readonly PreparedAppend[]): unknown {
    const e = error as {
      code?: string;
      detail?: string;
      hint?: string;
      message: string;
      constraint?: string;
    };
    const p = appends[Number(e.hint ?? 1) - 1] ?? appends[0];
    if (e.code === 'CA001') return new WrongExpectedVersion(p.streamId, p.expectedVersion, Number(e.detail));
    if (e.code === 'CA002' || (e.code === '23505' && e.constraint === 'es_events_id')) {
      const which = appends.length === 1 ? appends[0].streamId : 'streams';
      return new InvalidEventStoreInput(
        `Append to ${which} rejected: ${e.message} (ids must be new, or all repeat one earlier append)`,
      );
    }
    return error;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    validateStreamId(streamId);
    const o = validateReadStream(options);
    if (
      o.from === undefined &&
      !o.backwards &&
      o.maxCount === undefined &&
      o.recordedAt === undefined &&
      o.occurredAt === undefined
    ) {
      if (this.closed) throw new Error('The event store is closed');
      return (await this.groupRead.read(streamId)).map((row) => rowToEvent(row, this.upcasters));
    }
    return (await this.readStreamRaw(streamId, o)).map((row) => rowToEvent(row, this.upcasters));
  }

  private async readStreamRaw(
    streamId: string,
    o: Partial<ValidReadStream> & Pick<ValidReadStream, 'backwards'>,
  ): Promise<EventRow[]> {
    const from = o.from ?? (o.backwards ? Number.MAX_SAFE_INTEGER : 0);
    const { rows } = await this.pool.query<EventRow>({
      name: `es_read_${o.backwards ? 'b' : 'f'}_${this.schema}`,
      text: o.backwards ? this.sql.readBackwards : this.sql.readForwards,
      values: [streamId, from, o.recordedAt ?? null, o.occurredAt ?? null, o.maxCount ?? null],
      rowMode: 'array',
      types: EVENT_ROW_TYPES,
    });
    return rows;
  }

  private async readStreamsRaw(streamIds: string[]): Promise<Map<string, EventRowOf<number>[]>> {
    const { rows } = await this.pool.query<EventRowOf<number>>({
      name: `es_read_streams_${this.schema}`,
      text: this.sql.readStreams,
      values: [streamIds],
      rowMode: 'array',
      types: EVENT_ROW_TYPES,
    });
    const byStream = new Map<string, EventRowOf<number>[]>();
    for (const row of rows) {
      const streamId = streamIds[extraColumn(row) - 1];
      const list = byStream.get(streamId);
      if (list) list.push(row);
      else byStream.set(streamId, [row]);
    }
    return byStream;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const o = validateReadAll(options);
    const from =
      options.fromPosition === undefined || options.fromPosition === 'start'
        ? BEFORE_START
        : parsePosition(options.fromPosition);
    const { rows } = await this.pool.query<EventRow>({
      name: `es_read_all_${this.schema}`,
      text: this.sql.readAll,
      values: [
        from.generation,
        from.transactionId,
        from.seq,
        o.categories ?? null,
        o.types ?? null,
        o.maxCount ?? null,
      ],
      rowMode: 'array',
      types: EVENT_ROW_TYPES,
    });
    return rows.map((row) => rowToEvent(row, this.upcasters));
  }

  subscribe(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('The event store is closed');
    const subscription = subscribePostgres(this, options);
    this.subscriptions.add(subscription);
    const stop = subscription.stop;
    return {
      ...subscription,
      stop: async () => {
        this.subscriptions.delete(subscription);
        await stop();
      },
    };
  }

  async endPosition(): Promise<GlobalPosition | undefined> {
    return this.positionQuery(this.sql.end, 'end');
  }

  async latestPosition(): Promise<GlobalPosition | undefined> {
    return this.positionQuery(this.sql.latest, 'latest');
  }

  private async positionQuery(
    text: string,
    name: string,
    db: Pool | PoolClient = this.pool,
  ): Promise<GlobalPosition | undefined> {
    const { rows } = await db.query<{ generation: number; xid: string; seq: string }>({
      name: `es_${name}_${this.schema}`,
      text,
    });
    return rows[0] ? formatPosition(rows[0].generation, rows[0].xid, rows[0].seq) : undefined;
  }

  endPositionOn(client: PoolClient): Promise<GlobalPosition | undefined> {
    return this.positionQuery(this.sql.end, 'end', client);
  }

  async verifyStream(streamId: string): Promise<VerifyResult> {
    validateStreamId(streamId);
    // Head and highest stored version in one statement (one snapshot): an append committing
    // meanwhile cannot pair an old head with a newer event and look like a broken chain.
    const { rows: heads } = await this.pool.query<{
      version: string | null;
      last_hash: Buffer | null;
      max_version: string | null;
    }>(
      `SELECT h.version, h.last_hash, (SELECT max(e.stream_version) FROM ${this.s}.es_events e WHERE e.stream_id = $1) AS max_version
         FROM (SELECT 1) one LEFT JOIN ${this.s}.es_streams h ON h.stream_id = $1`,
      [streamId],
    );
    const { version, last_hash, max_version } = heads[0];
    const verifier = new ChainVerifier(streamId);
    // The exact stored texts: the chain was computed over them.
    type VerifyRow = {
      id: string;
      type: string;
      schema_version: number;
      occurred_at: string;
      stream_version: string;
      data: string;
      metadata: string;
      hash: Buffer;
    };
    for (let after = -1; max_version !== null && after < Number(max_version);) {
      const { rows } = await this.pool.query<VerifyRow>({
        name: `es_verify_${this.schema}`,
        text: `SELECT e.id, e.type, e.schema_version, ${epochMs('e.occurred_at')} AS occurred_at, e.stream_version, e.data::text AS data,
           e.metadata::text AS metadata, e.hash FROM ${this.s}.es_events e
           WHERE e.stream_id = $1 AND e.stream_version > $2 AND e.stream_version <= $3 ORDER BY e.stream_version LIMIT $4`,
        values: [streamId, after, max_version, VERIFY_PAGE],
      });
      if (rows.length === 0) break;
      const chained = rows.map((r) => ({
        id: r.id,
        type: r.type,
        schemaVersion: r.schema_version,
        streamId,
        occurredAt: new Date(Number(r.occurred_at)),
        dataJson: r.data,
        metadataJson: r.metadata,
        streamVersion: Number(r.stream_version),
        hash: r.hash,
      }));
      if (!verifier.push(chained)) break;
      after = chained[chained.length - 1].streamVersion;
    }
    return verifier.finish(
      version !== null && last_hash !== null ? { version: Number(version), hash: last_hash } : undefined,
    );
  }

  async oldestOpenTransactionAgeSeconds(): Promise<number> {
    const { rows } = await this.pool.query<{ age: number }>(
      `SELECT coalesce(max(extract(epoch FROM clock_timestamp() - t)), 0)::float8 AS age FROM (
         SELECT xact_start AS t FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND xact_start IS NOT NULL
         UNION ALL SELECT prepared FROM pg_prepared_xacts) x`,
    );
    return rows[0].age;
  }

  /** The wake-up for subscribers: after commit, coalesced, never inside the append transaction. */
  private scheduleNotify(): void {
    if (this.settings.notifyDebounceMs <= 0 || this.notifyTimer || this.closed) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
    }, this.settings.notifyDebounceMs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.ownPool) await this.pool.end();
  }
}
