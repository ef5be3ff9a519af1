import { dlqTopicOf, isDlqTopic } from '@cartera/contracts';
import {
  Kafka,
  logLevel,
  type Admin,
  type Consumer as KafkaConsumer,
  type IHeaders,
  type Producer,
} from 'kafkajs';
import type { Pool } from 'pg';
import {
  BusUnavailable,
  type Bus,
  type Consumer,
  type ConsumerHealth,
  type OutgoingMessage,
  type PartitionRef,
  type ReceivedMessage,
  type SubscribeOptions,
  type TopicConfig,
} from '../bus.port';
import {
  BlockedPartitions,
  deadLetterHeaders,
  deliver,
  validateWithContracts,
  type DeliveryRules,
} from '../delivery';
import { applyOnce, ensureInbox } from '../inbox';
import { encodePayload, envelopeFrom, headersFor, validateOutgoing } from '../message-codec';
import { withProducerSpan } from '../tracing';

export type KafkaBusOptions = Readonly<{
  brokers: readonly string[];
  clientId: string;
  /** CloudEvents `ce_source` of messages this process publishes. */
  source?: string;
  /** Consumers' inbox (and read models) live in PostgreSQL whatever the bus. */
  inbox: Readonly<{ pool: Pool; schema?: string }>;
  defaultPartitions?: number;
  replicationFactor?: number;
  topics?: readonly TopicConfig[];
  /** Partitions one member works on at once; a blocked partition holds only its own slot. */
  partitionsConsumedConcurrently?: number;
}>;

// Fail fast: kafkajs's default retries take ~9 s to report a refused port.
const FAST_FAIL = {
  connectionTimeout: 1_000,
  retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1_000 },
} as const;

/** Connects the admin client and idempotent producer; BusUnavailable if the brokers do not answer. */
export const createKafkaBus = async (options: KafkaBusOptions): Promise<Bus> => {
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
    ...FAST_FAIL,
  });
  const admin = kafka.admin();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  try {
    await admin.connect();
    await producer.connect();
  } catch (error) {
    await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
    throw new BusUnavailable(
      `Kafka brokers unreachable (${options.brokers.join(', ')}): ${(error as Error).message}`,
      { cause: error },
    );
  }
  await ensureInbox(options.inbox.pool, options.inbox.schema ?? 'bus');
  return new KafkaBus(kafka, admin, producer, options);
};

const headerText = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, Array.isArray(v) ? String(v[0]) : String(v)]],
    ),
  );

class KafkaBus implements Bus {
  readonly kind = 'kafka' as const;
  private readonly known = new Set<string>();
  private readonly consumers = new Set<Consumer>();

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly options: KafkaBusOptions,
  ) {}

  async ensureTopics(topics: readonly TopicConfig[]): Promise<void> {
    const wanted = topics
      .flatMap((t) => (isDlqTopic(t.name) ? [t] : [t, { ...t, name: dlqTopicOf(t.name) }]))
      .filter((t) => !this.known.has(t.name));
    if (wanted.length === 0) return;
    const listed = (name: string) =>
      this.options.topics?.find((t) => t.name === name || dlqTopicOf(t.name) === name);
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: wanted.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions ?? listed(t.name)?.partitions ?? this.options.defaultPartitions ?? 8,
        replicationFactor: this.options.replicationFactor ?? 1,
        configEntries: [
          { name: 'retention.ms', value: String(t.retentionMs ?? listed(t.name)?.retentionMs ?? -1) },
        ],
      })),
    });
    for (const t of wanted) this.known.add(t.name);
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    validateOutgoing(topic, messages);
    await this.ensureTopics([{ name: topic }]);
    await withProducerSpan(topic, messages.length, async (trace) => {
      const now = new Date();
      await this.producer.send({
        topic,
        acks: -1,
        messages: messages.map((m) => {
          const headers = headersFor(m, this.options.source ?? 'cartera', now);
          if (!headers['traceparent'] && trace['traceparent']) Object.assign(headers, trace);
          return { key: m.key, value: encodePayload(m.payload), headers };
        }),
      });
    });
  }

  subscribe(options: SubscribeOptions): Consumer {
    const consumer = new KafkaGroupMember(
      this.kafka,
      this.admin,
      this.producer,
      this.options,
      options,
      (topics) => this.ensureTopics(topics),
    );
    this.consumers.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}

/** A kafkajs group member: eachBatch, offsets resolved and committed only after each success. */
class KafkaGroupMember implements Consumer {
  readonly started: Promise<void>;
  private readonly consumer: KafkaConsumer;
  private readonly rules: DeliveryRules;
  private owned: PartitionRef[] = [];
  private state: 'starting' | 'up' | 'stopped' = 'starting';

  constructor(
    kafka: Kafka,
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly bus: KafkaBusOptions,
    private readonly options: SubscribeOptions,
    ensureTopics: (topics: TopicConfig[]) => Promise<void>,
  ) {
    this.consumer = kafka.consumer({ groupId: options.group, allowAutoTopicCreation: false });
    this.rules = {
      group: options.group,
      handler: options.handler,
      policy: options.policy,
      validate: options.validate === undefined ? validateWithContracts : options.validate,
      blocked: new BlockedPartitions(options.group),
    };
    this.consumer.on(this.consumer.events.GROUP_JOIN, (e) => {
      this.owned = Object.entries(e.payload.memberAssignment).flatMap(([topic, ps]) =>
        ps.map((partition) => ({ topic, partition })),
      );
    });
    this.started = this.start(ensureTopics);
    this.started.catch(() => undefined);
  }

  private async start(ensureTopics: (topics: TopicConfig[]) => Promise<void>): Promise<void> {
    await ensureTopics(this.options.topics.map((name) => ({ name })));
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await this.run();
    this.state = 'up';
  }

  private run(): Promise<void> {
    const inbox = this.bus.inbox;
    return this.consumer.run({
      autoCommit: true,
      autoCommitThreshold: 1, // commitOffsetsIfNecessary() commits every resolved offset
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.bus.partitionsConsumedConcurrently ?? 8,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        commitOffsetsIfNecessary,
        isRunning,
        isStale,
      }) => {
        const pause = async (ms: number) => {
          const until = Date.now() + ms;
          while (Date.now() < until && isRunning() && !isStale()) {
            await new Promise((r) => setTimeout(r, Math.min(500, until - Date.now())));
            await heartbeat().catch(() => undefined);
          }
          return isRunning() && !isStale();
        };
        for (const raw of batch.messages) {
          if (!isRunning() || isStale()) return;
          const headers = headerText(raw.headers);
          const text = raw.value?.toString('utf8') ?? 'null';
          let message: ReceivedMessage;
          try {
            message = {
              ...envelopeFrom(raw.key?.toString('utf8') ?? '', headers, text),
              topic: batch.topic,
              partition: batch.partition,
              offset: raw.offset,
            };
          } catch {
            // Not JSON: let validation dead-letter it with its raw text.
            message = {
              ...envelopeFrom(raw.key?.toString('utf8') ?? '', headers, JSON.stringify(text)),
              topic: batch.topic,
              partition: batch.partition,
              offset: raw.offset,
            };
          }
          const outcome = await deliver(message, this.rules, {
            apply: async (m, work) =>
              void (await applyOnce(inbox.pool, inbox.schema ?? 'bus', this.rules.group, m, work)),
            deadLetter: async (m, reason) => {
              await this.producer.send({
                topic: dlqTopicOf(m.topic),
                acks: -1,
                messages: [
                  {
                    key: m.key,
                    value: encodePayload(m.payload),
                    headers: deadLetterHeaders(m, this.rules.group, reason),
                  },
                ],
              });
            },
            pause,
          });
          if (outcome === 'stopped') return;
          resolveOffset(raw.offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
      },
    });
  }

  async health(): Promise<ConsumerHealth> {
    const blocked = this.rules.blocked.list();
    const lag = [];
    if (this.state !== 'stopped') {
      const committed = await this.admin.fetchOffsets({
        groupId: this.options.group,
        topics: [...this.options.topics],
      });
      for (const t of committed) {
        const ends = await this.admin.fetchTopicOffsets(t.topic);
        for (const p of t.partitions) {
          const end = ends.find((e) => e.partition === p.partition)?.high ?? '0';
          const done =
            p.offset === '-1' ? (ends.find((e) => e.partition === p.partition)?.low ?? '0') : p.offset;
          lag.push({
            topic: t.topic,
            partition: p.partition,
            committed: done,
            end,
            lag: Number(BigInt(end) - BigInt(done)),
          });
        }
      }
    }
    return {
      group: this.options.group,
      member: this.bus.clientId,
      status: this.state === 'up' && blocked.length > 0 ? 'degraded' : this.state,
      owned: this.owned,
      blocked,
      lag,
    };
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    await this.started.catch(() => undefined);
    await this.consumer.disconnect();
  }
}
