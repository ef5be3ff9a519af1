/** The Bus port: services meet only through integration events; delivery at-least-once, ordered per key. */
import type { ContractViolation, IntegrationMessage } from '@cartera/contracts';
import type { PoolClient } from 'pg';

/** A message to publish. `messageId` makes redelivery recognisable (a publisher uses the event id). */
export type OutgoingMessage = Readonly<{
  /** Partition key: the debtor id. */
  key: string;
  messageId: string;
  type: string;
  schemaVersion: number;
  /** JSON payload; a bigint is written as its exact decimal string. */
  payload: unknown;
  occurredAt?: Date | string;
  correlationId?: string;
  causationId?: string;
  /** W3C trace context to carry; defaults to the active span's. */
  traceparent?: string;
  headers?: Readonly<Record<string, string>>;
}>;

/** A message as a consumer receives it: the envelope plus where it sits in the log. */
export type ReceivedMessage = IntegrationMessage &
  Readonly<{
    topic: string;
    partition: number;
    /** Offset inside the partition, as a decimal string (Kafka offsets exceed 2^53 in theory). */
    offset: string;
  }>;

/** What a handler needs besides the message: its transaction and the ids to stamp on new events. */
export type HandlerContext = Readonly<{
  /** Inside the inbox transaction: read-model writes commit atomically with `processed_messages`. */
  client: PoolClient;
  /** What one transaction's messages share; `beforeCommit` hooks run after the offset moved. */
  transaction: Readonly<{
    messages: readonly ReceivedMessage[];
    shared<T>(key: string, create: () => T): T;
    beforeCommit(hook: () => Promise<void>): void;
  }>;
  group: string;
  attempt: number;
  correlationId: string;
  /** The id of this message: the cause of whatever the handler appends. */
  causationId: string;
  /** The consumer span's trace context, for events the handler appends. */
  traceparent?: string;
  /** Metadata to put on every event the handler appends (correlation, causation, trace). */
  eventMetadata: Readonly<{ correlationId: string; causationId: string; traceparent?: string }>;
}>;

export type MessageHandler = (message: ReceivedMessage, context: HandlerContext) => Promise<void>;

/** Retry back-off: initialMs, doubled per attempt, capped at maxMs. */
export type Backoff = Readonly<{ initialMs?: number; maxMs?: number }>;

/** After `maxAttempts`: `dead-letter` moves on past a `.dlq` copy; `block` retries until it succeeds. */
export type ConsumerPolicy =
  | Readonly<{ kind: 'dead-letter'; maxAttempts: number; backoff?: Backoff }>
  | Readonly<{ kind: 'block'; maxAttempts?: number; backoff?: Backoff }>;

/** Returns the failing fields of a message; empty means valid. */
export type MessageValidator = (message: ReceivedMessage) => readonly ContractViolation[];

export type SubscribeOptions = Readonly<{
  topics: readonly string[];
  /** Consumer group: members of a group share the partitions; offsets and inbox are per group. */
  group: string;
  handler: MessageHandler;
  policy: ConsumerPolicy;
  /** Default: the contract registry of @cartera/contracts. `false` only for raw tooling. */
  validate?: MessageValidator | false;
  batchSize?: number;
  /** PostgreSQL bus: messages per inbox transaction (default batchSize); a failing one runs alone. */
  maxPerTransaction?: number;
}>;

export type PartitionRef = Readonly<{ topic: string; partition: number }>;

export type BlockedPartition = PartitionRef &
  Readonly<{
    offset: string;
    messageId: string;
    type: string;
    attempts: number;
    error: string;
    since: string;
  }>;

export type PartitionLag = PartitionRef & Readonly<{ committed: string; end: string; lag: number }>;

export type ConsumerHealth = Readonly<{
  group: string;
  member: string;
  /** `degraded` while a partition is blocked: readiness should report it. */
  status: 'starting' | 'up' | 'degraded' | 'stopped';
  owned: readonly PartitionRef[];
  blocked: readonly BlockedPartition[];
  lag: readonly PartitionLag[];
}>;

export interface Consumer {
  /** Resolves once the member joined its group (PostgreSQL) or the consumer is running (Kafka). */
  readonly started: Promise<void>;
  health(): Promise<ConsumerHealth>;
  /** Finishes the message in flight, releases partitions, leaves the group. */
  stop(): Promise<void>;
}

export type TopicConfig = Readonly<{ name: string; partitions?: number; retentionMs?: number | null }>;

export interface Bus {
  readonly kind: 'postgres' | 'kafka';
  /** Creates topics (and their dead-letter topics) if missing. Publishing creates them too. */
  ensureTopics(topics: readonly TopicConfig[]): Promise<void>;
  /** Resolves once every message is durably stored (PostgreSQL commit / Kafka acks=all). */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Consumer;
  /** Stops consumers started by this bus and closes connections it opened. */
  close(): Promise<void>;
}

/** Thrown inside delivery when this member no longer owns the partition: nothing was committed. */
export class PartitionRevoked extends Error {
  override readonly name = 'PartitionRevoked';
}

/** The bus cannot start (brokers unreachable, bad configuration). */
export class BusUnavailable extends Error {
  override readonly name = 'BusUnavailable';
}
