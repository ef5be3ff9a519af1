import { dlqTopicOf } from '@cartera/contracts';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool, PoolClient } from 'pg';
import {
  PartitionRevoked,
  type Consumer,
  type ConsumerHealth,
  type PartitionRef,
  type ReceivedMessage,
  type SubscribeOptions,
} from '../bus.port';
import {
  BlockedPartitions,
  deadLetterHeaders,
  deliver,
  deliverBatch,
  isDeliverable,
  isUnavailable,
  validateWithContracts,
  type DeliveryPort,
  type DeliveryRules,
} from '../delivery';
import { applyBatchOnce, applyOnce, quoteSchema } from '../inbox';
import { encodePayload, envelopeFrom } from '../message-codec';
import type { LogRow } from './log-row';
import { Turns } from './turns';
import type { WakeUp } from './wake-up';
import { withTransaction } from '@cartera/pg';

export type ConsumerDeps = Readonly<{
  pool: Pool;
  schema: string;
  leaseMs: number;
  pollIntervalMs: number;
  wakeUp: WakeUp;
  prepare: (topics: readonly string[]) => Promise<void>;
  appendInTransaction: (client: PoolClient, topic: string, rows: readonly LogRow[]) => Promise<void>;
  forget: (consumer: PostgresConsumer) => void;
  /** Opens every consumer transaction (one simple query: BEGIN and the commit durability setting). */
  begin?: string;
  /** Partitions one member reads and applies at once (default: every partition it owns). */
  partitionsConsumedConcurrently?: number;
}>;

const isTransient = (error: unknown): boolean =>
  ['40P01', '40001'].includes((error as { code?: string } | undefined)?.code ?? '');

const keyOf = (p: PartitionRef): string => `${p.topic}/${p.partition}`;

/**
 * One member of a consumer group: every heartbeat it renews membership, computes the round-robin
 * assignment every live member computes and leases its partitions; every commit is fenced by the lease.
 */
export class PostgresConsumer implements Consumer {
  readonly started: Promise<void>;
  readonly member = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly s: string;
  private readonly rules: DeliveryRules;
  private readonly workers = new Map<string, PartitionWorker>();
  readonly turns: Turns;
  private state: 'starting' | 'up' | 'stopped' = 'starting';
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | undefined;

  constructor(
    readonly deps: ConsumerDeps,
    readonly options: SubscribeOptions,
  ) {
    this.s = quoteSchema(deps.schema);
    this.turns = new Turns(deps.partitionsConsumedConcurrently ?? Number.MAX_SAFE_INTEGER);
    this.rules = {
      group: options.group,
      handler: options.handler,
      policy: options.policy,
      validate: options.validate === undefined ? validateWithContracts : options.validate,
      blocked: new BlockedPartitions(options.group),
    };
    this.started = this.start();
    this.started.catch(() => undefined); // surfaced to whoever awaits `started`
  }

  private async start(): Promise<void> {
    await this.deps.prepare(this.options.topics);
    this.beating = this.heartbeat();
    await this.beating;
    if (this.state === 'stopped') return;
    this.state = 'up';
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(
      () => {
        this.beating = this.heartbeat()
          .catch(() => undefined) // database unreachable: commits are fenced, try again next beat
          .finally(() => this.state !== 'stopped' && this.schedule());
      },
      Math.max(50, Math.floor(this.deps.leaseMs / 3)),
    );
  }

  private async heartbeat(): Promise<void> {
    if (this.state === 'stopped') return;
    const { pool, leaseMs } = this.deps;
    const group = this.options.group;
    await pool.query(
      `INSERT INTO ${this.s}.group_members ("group", member_id, expires_at)
       VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT ("group", member_id) DO UPDATE SET expires_at = excluded.expires_at`,
      [group, this.member, leaseMs],
    );
    await pool.query(
      `DELETE FROM ${this.s}.group_members WHERE "group" = $1 AND expires_at < clock_timestamp()`,
      [group],
    );
    const members = (
      await pool.query<{ member_id: string }>(
        `SELECT member_id FROM ${this.s}.group_members WHERE "group" = $1 ORDER BY member_id`,
        [group],
      )
    ).rows.map((r) => r.member_id);
    const partitions = (
      await pool.query<PartitionRef>(
        `SELECT topic, partition FROM ${this.s}.topic_partitions WHERE topic = ANY($1::text[]) ORDER BY topic, partition`,
        [this.options.topics],
      )
    ).rows;
    const desired = partitions.filter((_, i) => members[i % members.length] === this.member);
    const desiredKeys = new Set(desired.map(keyOf));

    for (const [key, worker] of this.workers) if (!desiredKeys.has(key)) this.retire(worker);

    const held = new Set(
      (
        await pool.query<PartitionRef>(
          `INSERT INTO ${this.s}.partition_leases ("group", topic, partition, owner, expires_at)
           SELECT $1, t, p, $2, clock_timestamp() + $3 * interval '1 millisecond' FROM unnest($4::text[], $5::int[]) AS u(t, p)
           ON CONFLICT ("group", topic, partition) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
           WHERE ${this.s}.partition_leases.owner = excluded.owner OR ${this.s}.partition_leases.expires_at < clock_timestamp()
           RETURNING topic, partition`,
          [group, this.member, leaseMs, desired.map((p) => p.topic), desired.map((p) => p.partition)],
        )
      ).rows.map(keyOf),
    );
    for (const p of desired) {
      const worker = this.workers.get(keyOf(p));
      if (!held.has(keyOf(p))) {
        if (worker) this.retire(worker); // someone else holds it now: our commits are already fenced
      } else if (!worker && !this.isStopped()) {
        await pool.query(
          `INSERT INTO ${this.s}.group_offsets ("group", topic, partition) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [group, p.topic, p.partition],
        );
        this.workers.set(keyOf(p), new PartitionWorker(this, p, this.rules));
      }
    }
  }

  private isStopped(): boolean {
    return this.state === 'stopped';
  }

  /** Stops a worker after its message in flight, then frees the lease for the next owner. */
  private retire(worker: PartitionWorker): void {
    if (worker.retiring) return;
    void worker.stop().then(async () => {
      await this.deps.pool
        .query(
          `DELETE FROM ${this.s}.partition_leases WHERE "group" = $1 AND topic = $2 AND partition = $3 AND owner = $4`,
          [this.options.group, worker.partition.topic, worker.partition.partition, this.member],
        )
        .catch(() => undefined);
      if (this.workers.get(keyOf(worker.partition)) === worker) this.workers.delete(keyOf(worker.partition));
    });
  }

  /** A worker that ended by itself (its lease was taken over) leaves room for a fresh one. */
  workerEnded(worker: PartitionWorker): void {
    if (!worker.retiring && this.workers.get(keyOf(worker.partition)) === worker)
      this.workers.delete(keyOf(worker.partition));
  }

  /** Commits the group offset past `m`, only while this member still holds the partition's lease. */
  async commit(client: PoolClient, m: ReceivedMessage): Promise<void> {
    const r = await client.query(
      `UPDATE ${this.s}.group_offsets o SET next_offset = $4::bigint + 1, updated_at = now()
       WHERE o."group" = $1 AND o.topic = $2 AND o.partition = $3 AND EXISTS (
         SELECT 1 FROM ${this.s}.partition_leases l WHERE l."group" = $1 AND l.topic = $2 AND l.partition = $3
           AND l.owner = $5 AND l.expires_at > clock_timestamp())`,
      [this.options.group, m.topic, m.partition, m.offset, this.member],
    );
    if (r.rowCount !== 1)
      throw new PartitionRevoked(`${this.member} no longer owns ${m.topic}/${m.partition}`);
  }

  async health(): Promise<ConsumerHealth> {
    const lag =
      this.state === 'stopped'
        ? []
        : (
            await this.deps.pool.query<{ topic: string; partition: number; committed: string; end: string }>(
              `SELECT p.topic, p.partition, coalesce(o.next_offset, 0)::text AS committed, p.next_offset::text AS "end"
               FROM ${this.s}.topic_partitions p LEFT JOIN ${this.s}.group_offsets o
                 ON o."group" = $1 AND o.topic = p.topic AND o.partition = p.partition
               WHERE p.topic = ANY($2::text[]) ORDER BY p.topic, p.partition`,
              [this.options.group, this.options.topics],
            )
          ).rows.map((r) => ({ ...r, lag: Number(BigInt(r.end) - BigInt(r.committed)) }));
    const blocked = this.rules.blocked.list();
    return {
      group: this.options.group,
      member: this.member,
      status: this.state === 'up' && blocked.length > 0 ? 'degraded' : this.state,
      owned: [...this.workers.values()].filter((w) => !w.retiring).map((w) => w.partition),
      blocked,
      lag,
    };
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.state = 'stopped';
    if (this.timer) clearTimeout(this.timer);
    await this.started.catch(() => undefined);
    await this.beating.catch(() => undefined);
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    this.workers.clear();
    const { pool } = this.deps;
    await pool
      .query(`DELETE FROM ${this.s}.partition_leases WHERE "group" = $1 AND owner = $2`, [
        this.options.group,
        this.member,
      ])
      .catch(() => undefined);
    await pool
      .query(`DELETE FROM ${this.s}.group_members WHERE "group" = $1 AND member_id = $2`, [
        this.options.group,
        this.member,
      ])
      .catch(() => undefined);
    this.deps.forget(this);
  }
}

type LogRecord = {
  offset: string;
  message_id: string;
  key: string;
  headers: Record<string, string>;
  payload: string;
};

/** Reads one partition in offset order and delivers each message; stops at a revoke or stop(). */
class PartitionWorker {
  retiring = false;
  private readonly abort = new AbortController();
  private readonly done: Promise<void>;

  constructor(
    private readonly consumer: PostgresConsumer,
    readonly partition: PartitionRef,
    private readonly rules: DeliveryRules,
  ) {
    this.done = this.run().finally(() => consumer.workerEnded(this));
  }

  stop(): Promise<void> {
    this.retiring = true;
    this.abort.abort();
    return this.done;
  }

  private readonly port: DeliveryPort = {
    apply: async (m, work) => {
      const { pool, schema } = this.consumer.deps;
      await applyOnce(
        pool,
        schema,
        this.rules.group,
        m,
        work,
        (client) => this.consumer.commit(client, m),
        this.consumer.deps.begin,
      );
    },
    deadLetter: async (m, reason) => {
      const { pool } = this.consumer.deps;
      const row: LogRow = {
        key: m.key,
        messageId: m.messageId,
        headers: deadLetterHeaders(m, this.rules.group, reason),
        payloadText: encodePayload(m.payload),
      };
      await withTransaction(pool, async (client) => {
        await this.consumer.deps.appendInTransaction(client, dlqTopicOf(m.topic), [row]);
        await this.consumer.commit(client, m);
      });
    },
    pause: async (ms) => {
      this.giveTurn();
      await this.sleep(ms);
      return this.takeTurn();
    },
    applyBatch: async (messages, work) => {
      const { pool, schema } = this.consumer.deps;
      const last = messages[messages.length - 1];
      await applyBatchOnce(
        pool,
        schema,
        this.rules.group,
        messages,
        work,
        (client) => this.consumer.commit(client, last),
        this.consumer.deps.begin,
      );
    },
  };

  private holding = false;

  /** False when stopped while waiting for the turn. */
  private async takeTurn(): Promise<boolean> {
    if (!this.holding) this.holding = await this.consumer.turns.take(this.abort.signal);
    return this.holding;
  }

  private giveTurn(): void {
    if (!this.holding) return;
    this.holding = false;
    this.consumer.turns.give();
  }

  private sleep(ms: number): Promise<void> {
    const signal = this.abort.signal;
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /**
   * Delivers fetched messages in order, runs of valid ones in one transaction each; when a handler
   * throws, those before it are re-run as a smaller batch and it goes alone to `deliver`.
   */
  private async deliverAll(
    messages: readonly ReceivedMessage[],
    perTransaction: number,
    done: (m: ReceivedMessage) => void,
  ): Promise<boolean> {
    let i = 0;
    let ceiling = perTransaction;
    let cap = ceiling;
    let retry: { index: number; attempt: number } | undefined;
    while (i < messages.length) {
      if (this.abort.signal.aborted) return false;
      let n = 0;
      if (retry?.index !== i)
        while (n < cap && i + n < messages.length && isDeliverable(messages[i + n], this.rules)) n++;
      if (n >= 2) {
        const outcome = await deliverBatch(messages.slice(i, i + n), this.rules, this.port).catch(
          (error: unknown) => {
            if (error instanceof PartitionRevoked) return 'revoked' as const;
            throw error;
          },
        );
        if (outcome === 'revoked') return false;
        if (outcome.committed) {
          i += n;
          done(messages[i - 1]);
          cap = ceiling;
          continue;
        }
        // Nothing is stored: those before the failing handler go again, then it alone (attempt 2 next).
        const failedAt = outcome.failedAt ?? 0;
        // On a deadlock (big transactions elsewhere can invert the row order) the rest go one by one.
        if (isTransient(outcome.error)) ceiling = 1;
        // An outage spends no attempt: the message starts again at its first.
        if (outcome.failedAt !== undefined && !isUnavailable(outcome.error))
          retry = { index: i + failedAt, attempt: 2 };
        if (failedAt >= 1) {
          cap = Math.min(failedAt, ceiling);
          continue;
        }
      }
      const attempt = retry?.index === i ? retry.attempt : 1;
      if ((await deliver(messages[i], this.rules, this.port, attempt)) === 'stopped') return false;
      done(messages[i]);
      i++;
      cap = ceiling;
      if (retry?.index === i - 1) retry = undefined;
    }
    return true;
  }

  private async run(): Promise<void> {
    const { pool, schema, wakeUp, pollIntervalMs } = this.consumer.deps;
    const s = quoteSchema(schema);
    const { topic, partition } = this.partition;
    const batchSize = this.consumer.options.batchSize ?? 100;
    const perTransaction = Math.max(1, this.consumer.options.maxPerTransaction ?? batchSize);
    let next: string | undefined;
    while (!this.abort.signal.aborted) {
      if (!(await this.takeTurn())) return;
      try {
        next ??=
          (
            await pool.query<{ next_offset: string }>(
              `SELECT next_offset FROM ${s}.group_offsets WHERE "group" = $1 AND topic = $2 AND partition = $3`,
              [this.rules.group, topic, partition],
            )
          ).rows[0]?.next_offset ?? '0';
        const seen = wakeUp.version(topic);
        const { rows } = await pool.query<LogRecord>(
          `SELECT "offset", message_id, key, headers, payload::text AS payload FROM ${s}.messages
           WHERE topic = $1 AND partition = $2 AND "offset" >= $3 ORDER BY "offset" LIMIT $4`,
          [topic, partition, next, batchSize],
        );
        if (rows.length === 0) {
          this.giveTurn();
          await wakeUp.wait(topic, seen, pollIntervalMs, this.abort.signal);
          continue;
        }
        const messages = rows.map((row): ReceivedMessage => ({
          ...envelopeFrom(row.key, row.headers, row.payload),
          topic,
          partition,
          offset: row.offset,
        }));
        const delivered = await this.deliverAll(
          messages,
          perTransaction,
          (m) => (next = (BigInt(m.offset) + 1n).toString()),
        );
        this.giveTurn();
        if (!delivered) return;
      } catch {
        this.giveTurn();
        await this.sleep(pollIntervalMs); // database hiccup: read again from the last delivered offset
      }
    }
    this.giveTurn();
  }
}
