import { CE_HEADERS, describeViolations, validateContract } from '@cartera/contracts';
import type { PoolClient } from 'pg';
import {
  PartitionRevoked,
  type Backoff,
  type BlockedPartition,
  type ConsumerPolicy,
  type HandlerContext,
  type MessageHandler,
  type MessageValidator,
  type ReceivedMessage,
} from './bus.port';
import type { TransactionScope } from './inbox';
import { busMetrics } from './metrics';
import { withConsumerSpan } from './tracing';

export type DeadLetterReason = Readonly<{ kind: 'validation' | 'handler'; error: string; attempts: number }>;

/** What an adapter provides so that one delivery algorithm serves both. */
export type DeliveryPort = Readonly<{
  /** Runs `work` in one transaction with the inbox row (and, on PostgreSQL, the offset commit). */
  apply(
    message: ReceivedMessage,
    work: (client: PoolClient, scope: TransactionScope<ReceivedMessage>) => Promise<void>,
  ): Promise<void>;
  /** Writes the message to `<topic>.dlq` and moves the group past it. */
  deadLetter(message: ReceivedMessage, reason: DeadLetterReason): Promise<void>;
  /** Waits before a retry; resolves false at once when the partition is being stopped. */
  pause(ms: number): Promise<boolean>;
  /** Optional: `work` for every message in ONE transaction with their inbox rows and one offset commit. */
  applyBatch?(
    messages: readonly ReceivedMessage[],
    work: (
      client: PoolClient,
      message: ReceivedMessage,
      scope: TransactionScope<ReceivedMessage>,
    ) => Promise<void>,
  ): Promise<void>;
}>;

export type DeliveryRules = Readonly<{
  group: string;
  handler: MessageHandler;
  policy: ConsumerPolicy;
  validate: MessageValidator | false;
  blocked: BlockedPartitions;
}>;

/** The default validator: the contract registry of @cartera/contracts. */
export const validateWithContracts: MessageValidator = (m) => {
  const result = validateContract(m.type, m.schemaVersion, m.payload);
  return result.ok ? [] : result.errors;
};

const backoffDelay = (backoff: Backoff | undefined, attempt: number): number => {
  const initial = backoff?.initialMs ?? 100;
  const max = backoff?.maxMs ?? 5_000;
  return Math.min(max, initial * 2 ** Math.min(attempt - 1, 20));
};

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// SQLSTATE class 08 (connection), 57P01–57P03 (shutdown / starting), 53300 (too many connections).
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;
const CONNECTION_MESSAGES = new RegExp(
  [
    'Connection terminated',
    'connection error and is not queryable',
    'timeout exceeded when trying to connect',
    'Client was closed and is not queryable',
  ].join('|'),
  'i',
);

/** The database or broker could not be reached: no attempt against the policy, retried until it is back. */
export const isUnavailable = (error: unknown): boolean => {
  const e = error as { code?: unknown; message?: unknown; name?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code)) return true;
  if (e.name === 'KafkaJSConnectionError' || e.name === 'KafkaJSConnectionClosedError') return true;
  return typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message);
};

const errorText = (error: unknown): string =>
  error instanceof Error
    ? `${error.name}: ${error.message}`
    : typeof error === 'object'
      ? JSON.stringify(error)
      : String(error);

/** Partitions a `block` consumer stopped; feeds health() and the alert gauge. */
export class BlockedPartitions {
  private readonly entries = new Map<string, BlockedPartition>();
  constructor(private readonly group: string) {}

  block(m: ReceivedMessage, attempts: number, error: unknown): void {
    const key = `${m.topic}/${m.partition}`;
    const since = this.entries.get(key)?.since ?? new Date().toISOString();
    this.entries.set(key, {
      topic: m.topic,
      partition: m.partition,
      offset: m.offset,
      messageId: m.messageId,
      type: m.type,
      attempts,
      error: errorText(error),
      since,
    });
    busMetrics
      .blockedPartitions()
      .set({ group: this.group, topic: m.topic, partition: String(m.partition) }, 1);
  }

  unblock(topic: string, partition: number): void {
    if (!this.entries.delete(`${topic}/${partition}`)) return;
    busMetrics.blockedPartitions().set({ group: this.group, topic, partition: String(partition) }, 0);
  }

  list(): BlockedPartition[] {
    return [...this.entries.values()];
  }
}

const contextFor = (
  m: ReceivedMessage,
  group: string,
  client: PoolClient,
  scope: TransactionScope<ReceivedMessage>,
  attempt: number,
  traceparent?: string,
): HandlerContext => {
  const correlationId = m.headers[CE_HEADERS.correlationId] ?? m.messageId;
  const eventMetadata = { correlationId, causationId: m.messageId, ...(traceparent ? { traceparent } : {}) };
  return {
    client,
    transaction: scope,
    group,
    attempt,
    correlationId,
    causationId: m.messageId,
    traceparent,
    eventMetadata,
  };
};

/** Delivers one message: invalid → dead letter at once; failing → retries, then the policy. */
export const deliver = async (
  m: ReceivedMessage,
  rules: DeliveryRules,
  port: DeliveryPort,
  firstAttempt = 1,
): Promise<'done' | 'stopped'> => {
  const { group, policy } = rules;
  try {
    const violations = rules.validate ? rules.validate(m) : [];
    if (violations.length > 0) {
      await deadLetterUntilStored(
        m,
        { kind: 'validation', error: `invalid payload: ${describeViolations(violations)}`, attempts: 0 },
        rules,
        port,
      );
      return 'done';
    }
    let outages = 0;
    for (let attempt = firstAttempt; ; attempt++) {
      try {
        await withConsumerSpan(m, group, (traceparent) =>
          port.apply(m, (client, scope) =>
            rules.handler(m, contextFor(m, group, client, scope, attempt, traceparent)),
          ),
        );
        rules.blocked.unblock(m.topic, m.partition);
        busMetrics.processed().inc({ group, topic: m.topic });
        return 'done';
      } catch (error) {
        if (error instanceof PartitionRevoked) throw error;
        if (isUnavailable(error)) {
          // Not this message's fault: wait for the store and try the same attempt again.
          attempt--;
          busMetrics.unavailable().inc({ group, topic: m.topic });
          if (!(await port.pause(backoffDelay(policy.backoff, ++outages)))) return 'stopped';
          continue;
        }
        outages = 0;
        busMetrics.handlerFailures().inc({ group, topic: m.topic });
        const maxAttempts = policy.maxAttempts ?? 3;
        if (policy.kind === 'dead-letter' && attempt >= maxAttempts) {
          await deadLetterUntilStored(
            m,
            { kind: 'handler', error: errorText(error), attempts: attempt },
            rules,
            port,
          );
          return 'done';
        }
        if (policy.kind === 'block' && attempt >= maxAttempts) rules.blocked.block(m, attempt, error);
        if (!(await port.pause(backoffDelay(policy.backoff, attempt)))) return 'stopped';
      }
    }
  } catch (error) {
    if (error instanceof PartitionRevoked || error instanceof StopRequested) return 'stopped';
    throw error;
  }
};

class StopRequested extends Error {}

/** One batch transaction: committed, or rolled back with the message whose handler threw. */
export type BatchOutcome =
  Readonly<{ committed: true }> | Readonly<{ committed: false; failedAt?: number; error: unknown }>;

/**
 * Delivers valid messages in one transaction; any failure rolls it all back, and the caller re-runs
 * those before the failing one as a smaller batch and hands the failing one to `deliver`.
 */
export const deliverBatch = async (
  messages: readonly ReceivedMessage[],
  rules: DeliveryRules,
  port: DeliveryPort,
): Promise<BatchOutcome> => {
  const { group } = rules;
  if (!port.applyBatch) throw new Error('deliverBatch: this adapter has no batch transaction');
  let current = -1;
  try {
    await port.applyBatch(messages, async (client, m, scope) => {
      current = messages.indexOf(m);
      await withConsumerSpan(m, group, (traceparent) =>
        rules.handler(m, contextFor(m, group, client, scope, 1, traceparent)),
      );
      current = -1; // a failure from here on (offset commit, COMMIT) is not this handler's
    });
  } catch (error) {
    if (error instanceof PartitionRevoked) throw error;
    if (current >= 0)
      (isUnavailable(error) ? busMetrics.unavailable() : busMetrics.handlerFailures()).inc({
        group,
        topic: messages[current].topic,
      });
    return { committed: false, failedAt: current >= 0 ? current : undefined, error };
  }
  for (const m of messages) {
    rules.blocked.unblock(m.topic, m.partition);
    busMetrics.processed().inc({ group, topic: m.topic });
  }
  return { committed: true };
};

/** Whether `m` passes the consumer's validation (an invalid one is dead-lettered by `deliver`). */
export const isDeliverable = (m: ReceivedMessage, rules: DeliveryRules): boolean =>
  !rules.validate || rules.validate(m).length === 0;

// A dead letter that cannot be stored (database down) is retried: skipping it would lose the message.
const deadLetterUntilStored = async (
  m: ReceivedMessage,
  reason: DeadLetterReason,
  rules: DeliveryRules,
  port: DeliveryPort,
) => {
  for (let attempt = 1; ; attempt++) {
    try {
      await port.deadLetter(m, reason);
      busMetrics.deadLettered().inc({ group: rules.group, topic: m.topic, reason: reason.kind });
      return;
    } catch (error) {
      if (error instanceof PartitionRevoked) throw error;
      if (!(await port.pause(backoffDelay(rules.policy.backoff, attempt)))) throw new StopRequested();
    }
  }
};

/** Headers a dead letter carries on top of the original ones. */
export const deadLetterHeaders = (
  m: ReceivedMessage,
  group: string,
  reason: DeadLetterReason,
): Record<string, string> => ({
  ...m.headers,
  dlq_reason: reason.error.slice(0, 4_000),
  dlq_kind: reason.kind,
  dlq_group: group,
  dlq_topic: m.topic,
  dlq_partition: String(m.partition),
  dlq_offset: m.offset,
  dlq_attempts: String(reason.attempts),
  dlq_failed_at: new Date().toISOString(),
});
