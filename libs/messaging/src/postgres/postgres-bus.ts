import { dlqTopicOf, isDlqTopic } from '@cartera/contracts';
import { Pool, type PoolClient } from 'pg';
import type { Bus, Consumer, OutgoingMessage, SubscribeOptions, TopicConfig } from '../bus.port';
import { pruneInbox, quoteSchema } from '../inbox';
import { encodePayload, headersFor, validateOutgoing } from '../message-codec';
import { partitionFor } from '../partitioner';
import { withProducerSpan } from '../tracing';
import { channelOf, migrateBusSchema } from './bus-schema';
import type { LogRow } from './log-row';
import { PostgresConsumer } from './postgres-consumer';
import { WakeUp } from './wake-up';

export type PostgresBusOptions = Readonly<{
  /** Give a pool (kept open on close) or a connection string (the bus opens and closes its pool). */
  pool?: Pool;
  connectionString?: string;
  schema?: string;
  source?: string;
  /** Partitions of a new topic (default 2): each is a consumer transaction of its own on one database. */
  defaultPartitions?: number;
  topics?: readonly TopicConfig[];
  /** Partition lease: a member that stops heartbeating loses its partitions after this (default 10 s). */
  leaseMs?: number;
  pollIntervalMs?: number;
  /** Periodic clean-up of messages past their topic's retentionMs; off unless set. */
  cleanUpIntervalMs?: number;
  /** Wait for the WAL flush of consumer transactions (default false): a lost commit is only a redelivery. */
  durableConsumerCommits?: boolean;
  /** Inbox rows older than this are pruned by clean-up (default: kept forever). */
  inboxRetentionMs?: number;
  /** Partitions a member applies at once (default 2): beyond the database's cores they queue on locks. */
  partitionsConsumedConcurrently?: number;
}>;

export interface PostgresBus extends Bus {
  readonly kind: 'postgres';
  /** Deletes messages older than their topic's retention (and old inbox rows); returns counts. */
  cleanUp(): Promise<{ messages: number; inbox: number }>;
}

/** A shared publish transaction stops taking queued publishes beyond this many rows. */
const MAX_ROWS_PER_COMMIT = 5_000;

export const createPostgresBus = (options: PostgresBusOptions): PostgresBus =>
  new PostgresBusAdapter(options);

class PostgresBusAdapter implements PostgresBus {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly schema: string;
  private readonly s: string;
  private readonly wakeUp: WakeUp;
  private readonly partitionsOf = new Map<string, number>();
  private readonly consumers = new Set<PostgresConsumer>();
  private migrated: Promise<void> | undefined;
  private readonly queued = new Map<
    string,
    { rows: readonly LogRow[]; resolve: () => void; reject: (error: unknown) => void }[]
  >();
  private readonly flushing = new Set<string>();
  private cleanUpTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PostgresBusOptions) {
    if (!options.pool && !options.connectionString)
      throw new Error('createPostgresBus: give a pool or a connectionString');
    // Named for pg_stat_activity: which service's bus a connection (or a long transaction) belongs to.
    this.pool =
      options.pool ??
      new Pool({
        connectionString: options.connectionString,
        max: 10,
        application_name: `bus ${options.source ?? ''}`.trim(),
      });
    this.ownsPool = !options.pool;
    // An idle client dropped by the server (restart, failover) must not crash the process.
    if (this.ownsPool) {
      this.pool.on('error', () => undefined);
      this.pool.on('connect', (client) => client.on('error', () => undefined));
    }
    this.schema = options.schema ?? 'bus';
    this.s = quoteSchema(this.schema);
    this.wakeUp = new WakeUp(this.pool.options, channelOf(this.schema));
    if (options.cleanUpIntervalMs) {
      this.cleanUpTimer = setInterval(
        () => void this.cleanUp().catch(() => undefined),
        options.cleanUpIntervalMs,
      );
      this.cleanUpTimer.unref();
    }
  }

  private ready(): Promise<void> {
    this.migrated ??= migrateBusSchema(this.pool, this.schema).catch((error) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  private configOf(name: string): TopicConfig {
    const base = isDlqTopic(name) ? name.slice(0, -'.dlq'.length) : name;
    const listed =
      this.options.topics?.find((t) => t.name === name) ?? this.options.topics?.find((t) => t.name === base);
    return {
      name,
      partitions: listed?.partitions ?? this.options.defaultPartitions ?? 2,
      retentionMs: listed?.retentionMs ?? null,
    };
  }

  async ensureTopics(topics: readonly TopicConfig[]): Promise<void> {
    await this.ready();
    const all = topics.flatMap((t) => (isDlqTopic(t.name) ? [t] : [t, { ...t, name: dlqTopicOf(t.name) }]));
    for (const t of all) {
      if (this.partitionsOf.has(t.name)) continue;
      const config = {
        ...this.configOf(t.name),
        ...Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)),
      };
      // DO UPDATE (a no-op) so that RETURNING gives the stored count whoever created the topic.
      const { rows } = await this.pool.query<{ partitions: number }>(
        `INSERT INTO ${this.s}.topics (topic, partitions, retention_ms) VALUES ($1, $2, $3)
         ON CONFLICT (topic) DO UPDATE SET topic = excluded.topic RETURNING partitions`,
        [t.name, config.partitions, config.retentionMs ?? null],
      );
      const partitions = rows[0].partitions;
      if (t.partitions !== undefined && partitions !== t.partitions) {
        throw new Error(
          `Topic ${t.name} has ${partitions} partitions; changing it would break per-key order`,
        );
      }
      await this.pool.query(
        `INSERT INTO ${this.s}.topic_partitions (topic, partition) SELECT $1, generate_series(0, $2::int - 1) ON CONFLICT DO NOTHING`,
        [t.name, partitions],
      );
      this.partitionsOf.set(t.name, partitions);
    }
  }

  private async partitionCount(topic: string): Promise<number> {
    if (!this.partitionsOf.has(topic)) await this.ensureTopics([{ name: topic }]);
    return this.partitionsOf.get(topic) ?? this.configOf(topic).partitions ?? 8;
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    validateOutgoing(topic, messages);
    const partitions = await this.partitionCount(topic);
    await withProducerSpan(topic, messages.length, async (trace) => {
      const now = new Date();
      const rows = messages.map((m) => {
        const headers = headersFor(m, this.options.source ?? 'cartera', now);
        if (!headers['traceparent'] && trace['traceparent']) Object.assign(headers, trace);
        return { key: m.key, messageId: m.messageId, headers, payloadText: encodePayload(m.payload) };
      });
      await this.enqueue(topic, partitions, rows);
    });
  }

  /**
   * Group commit per topic: publishes contend for the same partition rows until COMMIT, so later ones
   * share the next transaction; if a shared one fails, each publish is retried alone.
   */
  private enqueue(topic: string, partitions: number, rows: readonly LogRow[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const queue = this.queued.get(topic) ?? [];
      queue.push({ rows, resolve, reject });
      this.queued.set(topic, queue);
      if (!this.flushing.has(topic)) void this.flush(topic, partitions);
    });
  }

  private async flush(topic: string, partitions: number): Promise<void> {
    this.flushing.add(topic);
    try {
      for (;;) {
        const queue = this.queued.get(topic) ?? [];
        if (queue.length === 0) break;
        let taken = 0;
        let size = 0;
        while (
          taken < queue.length &&
          (taken === 0 || size + queue[taken].rows.length <= MAX_ROWS_PER_COMMIT)
        )
          size += queue[taken++].rows.length;
        const batch = queue.splice(0, taken);
        try {
          await this.append(
            this.pool,
            topic,
            partitions,
            batch.flatMap((b) => b.rows),
          );
          for (const b of batch) b.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          else
            for (const b of batch) {
              await this.append(this.pool, topic, partitions, b.rows).then(b.resolve, b.reject);
            }
        }
      }
    } finally {
      this.flushing.delete(topic);
      this.queued.delete(topic);
    }
  }

  /** Appends rows to a topic inside the caller's transaction (the dead-letter path reuses it). */
  async appendInTransaction(client: PoolClient, topic: string, rows: readonly LogRow[]): Promise<void> {
    await this.append(client, topic, await this.partitionCount(topic), rows);
  }

  /** One statement (`bus_append`): partitions locked in order, offsets handed out, NOTIFY at commit. */
  private async append(
    db: Pool | PoolClient,
    topic: string,
    partitions: number,
    rows: readonly LogRow[],
  ): Promise<void> {
    await db.query({
      name: `bus_append_${this.schema}`,
      text: `SELECT ${this.s}.bus_append($1, $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      values: [
        topic,
        rows.map((r) => partitionFor(r.key, partitions)),
        rows.map((r) => r.messageId),
        rows.map((r) => r.key),
        rows.map((r) => JSON.stringify(r.headers)),
        rows.map((r) => r.payloadText),
      ],
    });
  }

  subscribe(options: SubscribeOptions): Consumer {
    const consumer = new PostgresConsumer(
      {
        pool: this.pool,
        schema: this.schema,
        leaseMs: this.options.leaseMs ?? 10_000,
        pollIntervalMs: this.options.pollIntervalMs ?? 1_000,
        wakeUp: this.wakeUp,
        prepare: async (topics) => {
          await this.ensureTopics(topics.map((name) => ({ name })));
          await this.wakeUp.start();
        },
        appendInTransaction: (client, topic, rows) => this.appendInTransaction(client, topic, rows),
        forget: (c) => this.consumers.delete(c),
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 2,
        ...(this.options.durableConsumerCommits
          ? {}
          : { begin: 'BEGIN; SET LOCAL synchronous_commit = off' }),
      },
      options,
    );
    this.consumers.add(consumer);
    return consumer;
  }

  async cleanUp(): Promise<{ messages: number; inbox: number }> {
    await this.ready();
    const removed = await this.pool.query(
      `DELETE FROM ${this.s}.messages m USING ${this.s}.topics t
       WHERE m.topic = t.topic AND t.retention_ms IS NOT NULL AND m.published_at < now() - t.retention_ms * interval '1 millisecond'`,
    );
    const inbox = this.options.inboxRetentionMs
      ? await pruneInbox(this.pool, this.schema, this.options.inboxRetentionMs)
      : 0;
    return { messages: removed.rowCount ?? 0, inbox };
  }

  async close(): Promise<void> {
    if (this.cleanUpTimer) clearInterval(this.cleanUpTimer);
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await this.wakeUp.close();
    if (this.ownsPool) await this.pool.end();
  }
}
