/** The EventStore port: every service stores its facts through it (adapters: PostgreSQL, KurrentDB). */

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

/** Opaque, totally ordered position in the global log: a fixed-width string, so string order is log order. */
export type GlobalPosition = string & { readonly __brand: 'GlobalPosition' };

export type RecordedEvent<Type extends string = string, Data = unknown> = Readonly<{
  id: string;
  type: Type;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  globalPosition: GlobalPosition;
  data: Data;
  metadata: EventMetadata;
  occurredAt: Date;
  recordedAt: Date;
}>;

/** A version number n (the stream's last event is n), or 'no_stream' / 'stream_exists' / 'any'. */
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

/** The handler runs in a transaction that also stores the checkpoint: read models move atomically with it. */
export type SubscriptionContext = Readonly<{
  /** Opened when first read: otherwise the checkpoint is stored without a transaction. */
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
  /** While catching up, read the next batch while the handler runs on this one. Default true. */
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
