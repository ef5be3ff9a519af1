/**
 * The EventStore port. Every service stores its facts through it; projections, publishers and
 * compliance replays read through it. Two adapters implement it: PostgreSQL (embedded default)
 * and KurrentDB (scale path); both pass the same contract suite (./testing).
 */

/** Who caused a change. */
export type Actor = Readonly<{ kind: 'user' | 'system' | 'service' | 'creditor'; id: string }>;

export type EventMetadata = Readonly<{
  correlationId?: string;
  causationId?: string;
  actor?: Actor;
  creditorId?: string;
  traceparent?: string;
  [key: string]: unknown;
}>;

/** An event to append. `id` defaults to a fresh UUID v7; give it to make the append idempotent. */
export type NewEvent<Type extends string = string, Data = unknown> = Readonly<{
  id?: string;
  type: Type;
  schemaVersion?: number;
  data: Data;
  metadata?: EventMetadata;
  /** Business time: when the fact happened in the world. Defaults to the append time. */
  occurredAt?: Date;
}>;

/**
 * Opaque, serialisable, totally ordered position in the store's global log. Compare with
 * `comparePositions` (it is a fixed-width string, so plain string comparison also orders it).
 */
export type GlobalPosition = string & { readonly __brand: 'GlobalPosition' };

/** The envelope of every stored event (ARCHITECTURE.md, "Events"). */
export type RecordedEvent<Type extends string = string, Data = unknown> = Readonly<{
  id: string;
  type: Type;
  schemaVersion: number;
  streamId: string;
  /** 0-based version of the event inside its stream. */
  streamVersion: number;
  globalPosition: GlobalPosition;
  data: Data;
  metadata: EventMetadata;
  occurredAt: Date;
  recordedAt: Date;
}>;

/**
 * - a number: the stream's current version must be exactly that (the version of its last event);
 * - 'no_stream': the stream must not exist; 'stream_exists': it must; 'any': no check.
 */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export type AppendOptions = Readonly<{ expectedVersion?: ExpectedVersion }>;

export type AppendResult = Readonly<{
  /** Version of the stream's last event after the append (pass as expectedVersion next time). */
  nextExpectedVersion: number;
  /** Global position of the last event appended (or of the existing one on an idempotent repeat). */
  position: GlobalPosition;
}>;

/** "What did we know on date X" (recordedAt) and "what was true on date X" (occurredAt). */
export type AsOf = Readonly<{ recordedAt?: Date; occurredAt?: Date }>;

export type ReadStreamOptions = Readonly<{
  /** Stream version to start at (inclusive). Default: 0 forwards, the last event backwards. */
  from?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
  asOf?: AsOf;
}>;

export type EventFilter = Readonly<{ categories?: readonly string[]; types?: readonly string[] }>;

export type ReadAllOptions = Readonly<{
  /** Exclusive: events strictly after this position. Default: the start. */
  fromPosition?: GlobalPosition | 'start';
  filter?: EventFilter;
  maxCount?: number;
}>;

/**
 * Subscriptions keep their checkpoint in PostgreSQL for every adapter. The handler runs inside a
 * PostgreSQL transaction on the checkpoint database and the checkpoint is written in that same
 * transaction, so a read model written through `context.client` moves atomically with it.
 */
export type SubscriptionContext = Readonly<{
  /**
   * A pg client inside the transaction that will also store the checkpoint (opened when first
   * read: a handler that never reads it has its checkpoint stored without a transaction).
   */
  readonly client: import('pg').PoolClient;
}>;

export type SubscribeOptions = Readonly<{
  /** Checkpoint name; also the single-active-instance lock name. */
  checkpointName: string;
  /** Where to start when no checkpoint is stored yet. Default 'start'. */
  from?: 'start' | 'end' | GlobalPosition;
  filter?: EventFilter;
  /** Called with each batch in global order; the checkpoint moves past the batch after it resolves. */
  handler: (events: readonly RecordedEvent[], context: SubscriptionContext) => Promise<void>;
  batchSize?: number;
  /**
   * While catching up, read the next batch while the handler runs on this one (PostgreSQL: on a
   * second connection of the store's pool). Default true; the events and their order are the same.
   */
  readAhead?: boolean;
  /** Called when the handler fails; the subscription is then stopped (the event is never skipped). */
  onError?: (error: SubscriptionError) => void;
}>;

export interface Subscription {
  /** Resolves once this instance holds the subscription's lock and has started polling. */
  readonly started: Promise<void>;
  /** Position of the last event the handler completed (the stored checkpoint), if any. */
  position(): GlobalPosition | undefined;
  /** Resolves when every event committed before the call has been handled. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export type VerifyResult =
  | Readonly<{ ok: true; streamId: string; events: number }>
  | Readonly<{ ok: false; streamId: string; events: number; brokenAt: number; reason: string }>;

export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribe(options: SubscribeOptions): Subscription;
  verifyStream(streamId: string): Promise<VerifyResult>;
  close(): Promise<void>;
}

/** Thrown when expectedVersion does not hold; `actualVersion` is -1 for a missing stream. */
export class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(
      `Wrong expected version for ${streamId}: expected ${String(expectedVersion)}, actual ${actualVersion}`,
    );
  }
}

/** Bad input to the store (stream id, event shape, options): nothing was written. */
export class InvalidEventStoreInput extends Error {
  override readonly name = 'InvalidEventStoreInput';
}

export class SubscriptionError extends Error {
  override readonly name = 'SubscriptionError';
  constructor(
    readonly checkpointName: string,
    readonly failedEvent: Pick<
      RecordedEvent,
      'id' | 'type' | 'streamId' | 'streamVersion' | 'globalPosition'
    >,
    override readonly cause: unknown,
  ) {
    super(
      `Subscription ${checkpointName} stopped at ${failedEvent.type} ${failedEvent.id} ` +
        `(${failedEvent.streamId}@${failedEvent.streamVersion}): ${String((cause as Error)?.message ?? cause)}`,
    );
  }
}

export const comparePositions = (a: GlobalPosition, b: GlobalPosition): number =>
  a < b ? -1 : a > b ? 1 : 0;

/** The category of a stream: the part before the first '-' (`account-42` → `account`). */
export const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};
