import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendStreamState,
  type EventData,
  type JSONType,
} from '@kurrent/kurrentdb-client';
import type { Pool } from 'pg';
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
import { ensureCheckpointTable } from '../checkpoints/pg-checkpoints';
import { Logger } from '../checkpoints/subscription-runner';
import {
  chainLink,
  ChainedEvent,
  ChainVerifier,
  eventDigest,
  GENESIS_HASH,
  VERIFY_PAGE,
} from '../hash-chain';
import { createUpcasterRegistry, Upcaster, UpcasterRegistry } from '../upcasters';
import {
  prepareAppend,
  PreparedAppend,
  validateReadAll,
  validateReadStream,
  validateStreamId,
} from '../validation';
import {
  ENVELOPE_KEY,
  formatKurrentPosition,
  parseKurrentPosition,
  serverFilter,
  toChained,
  toRecorded,
} from './kurrentdb-mapping';
import { subscribeKurrent } from './kurrentdb-subscription';
import { timed, withTimeout } from './with-timeout';

export type KurrentEventStoreOptions = Readonly<{
  /** `kurrentdb://host:2113?tls=false`, or a client to use (not disposed by `close()`). */
  connectionString?: string;
  client?: KurrentDBClient;
  /** Subscription checkpoints stay in PostgreSQL (same table as the PostgreSQL adapter). */
  checkpoints: Readonly<{ pool: Pool; schema: string }>;
  upcasters?: UpcasterRegistry | readonly Upcaster[];
  /** Our own deadline on every client call (the client can hang on a silent port). Default 5 s. */
  timeoutMs?: number;
  /** Retries of an 'any' / 'stream_exists' append when another writer moved the stream. Default 5. */
  maxAppendRetries?: number;
  lockRetryMs?: number;
  idleInTransactionTimeoutMs?: number;
  logger?: Logger;
}>;

const defaultLogger: Logger = { warn: (message, error) => console.warn(message, error ?? '') };

type Head = { revision: number; hash: Buffer } | undefined;

export const createKurrentEventStore = async (options: KurrentEventStoreOptions): Promise<EventStore> => {
  if (!options.client && !options.connectionString)
    throw new InvalidEventStoreInput('createKurrentEventStore needs a client or a connectionString');
  const client = options.client ?? KurrentDBClient.connectionString(options.connectionString as string);
  await ensureCheckpointTable(options.checkpoints.pool, options.checkpoints.schema);
  const upcasters = Array.isArray(options.upcasters)
    ? createUpcasterRegistry(options.upcasters as readonly Upcaster[])
    : ((options.upcasters as UpcasterRegistry | undefined) ?? createUpcasterRegistry());
  return new KurrentEventStore(client, !options.client, upcasters, {
    pool: options.checkpoints.pool,
    schema: options.checkpoints.schema,
    timeoutMs: options.timeoutMs ?? 5_000,
    maxAppendRetries: options.maxAppendRetries ?? 5,
    lockRetryMs: options.lockRetryMs ?? 1_000,
    idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? 60_000,
    logger: options.logger ?? defaultLogger,
  });
};

export type KurrentSettings = Readonly<{
  pool: Pool;
  schema: string;
  timeoutMs: number;
  maxAppendRetries: number;
  lockRetryMs: number;
  idleInTransactionTimeoutMs: number;
  logger: Logger;
}>;

export class KurrentEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    readonly client: KurrentDBClient,
    private readonly ownClient: boolean,
    readonly upcasters: UpcasterRegistry,
    readonly settings: KurrentSettings,
  ) {}

  /** Reads events lazily with our timeout on every step; a missing stream reads as empty. */
  async *events(read: () => AsyncIterable<Parameters<typeof toRecorded>[0]>, what: string) {
    try {
      for await (const resolved of timed(read(), this.settings.timeoutMs, what)) yield resolved;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  /** The event at `revision` (or the last one): its hash is the previous link of the next append. */
  private async head(streamId: string, revision?: number): Promise<Head> {
    const read = () =>
      this.client.readStream(streamId, {
        direction: revision === undefined ? BACKWARDS : FORWARDS,
        fromRevision: revision === undefined ? END : BigInt(revision),
        maxCount: 1,
      });
    for await (const resolved of this.events(read, `reading the head of ${streamId}`)) {
      if (!resolved.event) continue;
      const chained = toChained(resolved.event);
      if (revision !== undefined && chained.streamVersion !== revision) return undefined;
      return { revision: chained.streamVersion, hash: chained.hash ?? GENESIS_HASH };
    }
    return undefined;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const p = prepareAppend(streamId, events, options, this.upcasters);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.appendOnce(p);
      } catch (error) {
        // With 'any'/'stream_exists' no check was asked: the revision was pinned only to chain hashes.
        const pinnedOnly = p.expectedVersion === 'any' || p.expectedVersion === 'stream_exists';
        if (
          error instanceof WrongExpectedVersion &&
          pinnedOnly &&
          error.actualVersion >= 0 &&
          attempt < this.settings.maxAppendRetries
        )
          continue;
        throw error;
      }
    }
  }

  private async appendOnce(p: PreparedAppend): Promise<AppendResult> {
    const expected = p.expectedVersion;
    // A numeric expectation fixes the previous link; otherwise pin whatever the head is now.
    const head =
      expected === 'no_stream'
        ? undefined
        : await this.head(p.streamId, typeof expected === 'number' ? expected : undefined);
    if (expected === 'stream_exists' && !head) throw new WrongExpectedVersion(p.streamId, expected, -1);
    const state: AppendStreamState =
      typeof expected === 'number'
        ? BigInt(expected)
        : expected === 'no_stream' || !head
          ? NO_STREAM
          : BigInt(head.revision);
    let previous = head?.hash ?? GENESIS_HASH;
    const first = typeof expected === 'number' ? expected + 1 : head ? head.revision + 1 : 0;
    const data: EventData[] = p.events.map((e, i) => {
      previous = chainLink(previous, first + i, eventDigest({ ...e, streamId: p.streamId }));
      const metadata = {
        ...(JSON.parse(e.metadataJson) as object),
        [ENVELOPE_KEY]: {
          schemaVersion: e.schemaVersion,
          occurredAt: e.occurredAt.toISOString(),
          hash: previous.toString('hex'),
        },
      };
      return {
        id: e.id,
        contentType: 'application/json',
        type: e.type,
        data: JSON.parse(e.dataJson) as JSONType,
        metadata,
      } as EventData;
    });
    try {
      const result = await withTimeout(
        this.client.appendToStream(p.streamId, data, { streamState: state }),
        this.settings.timeoutMs,
        `appending to ${p.streamId}`,
      );
      if (!result.position) throw new Error(`KurrentDB returned no position for ${p.streamId}`);
      return {
        nextExpectedVersion: Number(result.nextExpectedRevision),
        position: formatKurrentPosition(result.position),
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual =
          error.actualState === NO_STREAM || error.actualState === undefined ? -1 : Number(error.actualState);
        throw new WrongExpectedVersion(p.streamId, expected, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    validateStreamId(streamId);
    const o = validateReadStream(options);
    const filtered = o.recordedAt !== undefined || o.occurredAt !== undefined;
    const read = () =>
      this.client.readStream(streamId, {
        direction: o.backwards ? BACKWARDS : FORWARDS,
        fromRevision: o.from !== undefined ? BigInt(o.from) : o.backwards ? END : START,
        ...(o.maxCount !== undefined && !filtered ? { maxCount: o.maxCount } : {}),
      });
    const out: RecordedEvent[] = [];
    for await (const resolved of this.events(read, `reading ${streamId}`)) {
      const e = toRecorded(resolved, this.upcasters);
      if (!e) continue;
      // asOf is applied here: KurrentDB has no business time and no server-side time filter.
      if (o.recordedAt && e.recordedAt > o.recordedAt) continue;
      if (o.occurredAt && e.occurredAt > o.occurredAt) continue;
      out.push(e);
      if (o.maxCount !== undefined && out.length >= o.maxCount) break;
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const o = validateReadAll(options);
    const from =
      options.fromPosition === undefined || options.fromPosition === 'start'
        ? undefined
        : options.fromPosition;
    const read = () =>
      this.client.readAll({
        direction: FORWARDS,
        fromPosition: from ? parseKurrentPosition(from) : START,
        filter: serverFilter(o.categories, o.types),
      });
    const out: RecordedEvent[] = [];
    for await (const resolved of this.events(read, 'reading $all')) {
      const e = toRecorded(resolved, this.upcasters);
      // readAll's fromPosition is inclusive on KurrentDB; the port's is exclusive.
      if (!e || (from && e.globalPosition <= from)) continue;
      if (o.types && !o.types.includes(e.type)) continue;
      out.push(e);
      if (o.maxCount !== undefined && out.length >= o.maxCount) break;
    }
    return out;
  }

  /** Position of the newest event the filter keeps (the target of `caughtUp`, the start of "from end"). */
  async lastPosition(
    categories: string[] | undefined,
    types: string[] | undefined,
  ): Promise<GlobalPosition | undefined> {
    const read = () =>
      this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        filter: serverFilter(categories, types),
      });
    for await (const resolved of this.events(read, 'reading the end of $all')) {
      const e = toRecorded(resolved, this.upcasters);
      if (e && (!types || types.includes(e.type))) return e.globalPosition;
    }
    return undefined;
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = subscribeKurrent(this, options);
    this.subscriptions.add(subscription);
    return {
      ...subscription,
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async verifyStream(streamId: string): Promise<VerifyResult> {
    validateStreamId(streamId);
    // Checked as the events stream in, a chunk at a time: memory stays bounded whatever the stream's length.
    const verifier = new ChainVerifier(streamId);
    let chunk: ChainedEvent[] = [];
    for await (const resolved of this.events(
      () => this.client.readStream(streamId, { direction: FORWARDS, fromRevision: START }),
      `reading ${streamId}`,
    )) {
      if (resolved.event) chunk.push(toChained(resolved.event));
      if (chunk.length < VERIFY_PAGE) continue;
      if (!verifier.push(chunk)) return verifier.finish();
      chunk = [];
    }
    verifier.push(chunk);
    return verifier.finish();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.ownClient)
      await withTimeout(this.client.dispose(), this.settings.timeoutMs, 'closing the client').catch(
        () => undefined,
      );
  }
}
