import { randomUUID } from 'node:crypto';
import { dlqTopicOf } from '@cartera/contracts';
import { eventually } from '@cartera/testing';
import type { Pool } from 'pg';
import type {
  Bus,
  Consumer,
  ConsumerPolicy,
  HandlerContext,
  MessageHandler,
  OutgoingMessage,
  ReceivedMessage,
  SubscribeOptions,
} from '../bus.port';
import './bus-test-contracts';

export type BusUnderTest = Readonly<{
  bus: Bus;
  /** The database handlers write to through `context.client` (the inbox database). */
  pool: Pool;
}>;

export const ping = (
  debtorId: string,
  seq: number,
  extra: Partial<OutgoingMessage> = {},
): OutgoingMessage => ({
  key: debtorId,
  messageId: randomUUID(),
  type: 'BusTestPing',
  schemaVersion: 1,
  payload: { debtorId, seq, amountMinor: 9_007_199_254_740_993n, currency: 'EUR' },
  ...extra,
});

export type Received = Readonly<{ message: ReceivedMessage; context: Omit<HandlerContext, 'client'> }>;

/**
 * Records each message the first time its handler completed; `runs` counts every completion, since a
 * handler may complete again after its transaction rolled back (at-least-once).
 */
export const collect = (
  bus: Bus,
  options: Omit<SubscribeOptions, 'handler' | 'policy'> & {
    policy?: ConsumerPolicy;
    handle?: MessageHandler;
  },
) => {
  const received: Received[] = [];
  const seen = new Set<string>();
  const stats = { runs: 0 };
  const consumer: Consumer = bus.subscribe({
    policy: { kind: 'dead-letter', maxAttempts: 3, backoff: { initialMs: 10, maxMs: 50 } },
    ...options,
    handler: async (message, context) => {
      await options.handle?.(message, context);
      stats.runs++;
      if (seen.has(message.messageId)) return;
      seen.add(message.messageId);
      const { client: _client, ...rest } = context;
      received.push({ message, context: rest });
    },
  });
  return { received, consumer, stats };
};

const unique = (prefix: string): string => `${prefix}.${randomUUID().slice(0, 8)}`;
const WAIT = { timeoutMs: 30_000 };

/** The behaviour every Bus adapter must show (ARCHITECTURE.md, "Events"). */
export const busContract = (name: string, create: () => Promise<BusUnderTest>) =>
  describe(`Bus contract: ${name}`, () => {
    let sut: BusUnderTest;
    const consumers: Consumer[] = [];
    const track = <T extends { consumer: Consumer }>(c: T): T => (consumers.push(c.consumer), c);

    beforeAll(async () => {
      sut = await create();
    });
    afterEach(async () => {
      await Promise.all(consumers.splice(0).map((c) => c.stop()));
    });
    afterAll(async () => {
      await sut?.bus.close();
    });

    it('delivers the envelope with CloudEvents headers, exact bigint money and per-key order', async () => {
      const topic = unique('contract.order');
      await sut.bus.ensureTopics([{ name: topic, partitions: 4 }]);
      const keys = ['debtor-a', 'debtor-b', 'debtor-c'];
      const sent = keys.flatMap((k) =>
        Array.from({ length: 15 }, (_, i) => ping(k, i, { correlationId: 'corr-1' })),
      );
      const { received, consumer } = track(collect(sut.bus, { topics: [topic], group: unique('g') }));
      await consumer.started;
      for (let i = 0; i < sent.length; i += 10) await sut.bus.publish(topic, sent.slice(i, i + 10));

      await eventually(() => received.length === sent.length, WAIT);
      for (const k of keys) {
        expect(
          received.filter((r) => r.message.key === k).map((r) => (r.message.payload as { seq: number }).seq),
        ).toEqual([...Array(15).keys()]);
      }
      const [first] = received.filter((r) => r.message.messageId === sent[0].messageId);
      expect(first.message).toMatchObject({
        topic,
        type: 'BusTestPing',
        schemaVersion: 1,
        key: 'debtor-a',
        payload: { debtorId: 'debtor-a', seq: 0, amountMinor: '9007199254740993', currency: 'EUR' },
      });
      expect(first.message.headers).toMatchObject({
        ce_id: sent[0].messageId,
        ce_type: 'BusTestPing',
        ce_specversion: '1.0',
        ce_subject: 'debtor-a',
      });
      expect(first.message.headers['ce_source']).toEqual(expect.any(String));
      expect(new Date(first.message.headers['ce_time']).toISOString()).toBe(first.message.headers['ce_time']);
      expect(first.context).toMatchObject({
        correlationId: 'corr-1',
        causationId: sent[0].messageId,
        attempt: 1,
      });
      expect(first.context.eventMetadata).toMatchObject({
        correlationId: 'corr-1',
        causationId: sent[0].messageId,
      });
    });

    it('commits offsets only after success: a restarted group resumes after the last handled message', async () => {
      const topic = unique('contract.resume');
      const group = unique('g');
      const a = track(collect(sut.bus, { topics: [topic], group }));
      await a.consumer.started;
      await sut.bus.publish(topic, [ping('d1', 0), ping('d1', 1)]);
      await eventually(() => a.received.length === 2, WAIT);
      await a.consumer.stop();

      await sut.bus.publish(topic, [ping('d1', 2), ping('d2', 3)]);
      const b = track(collect(sut.bus, { topics: [topic], group }));
      await eventually(() => b.received.length === 2, WAIT);
      expect(b.received.map((r) => (r.message.payload as { seq: number }).seq).sort()).toEqual([2, 3]);
    });

    it('gives every group all messages', async () => {
      const topic = unique('contract.groups');
      const one = track(collect(sut.bus, { topics: [topic], group: unique('g1') }));
      const two = track(collect(sut.bus, { topics: [topic], group: unique('g2') }));
      await Promise.all([one.consumer.started, two.consumer.started]);
      await sut.bus.publish(topic, [ping('d1', 0), ping('d2', 1), ping('d3', 2)]);
      await eventually(() => one.received.length === 3 && two.received.length === 3, WAIT);
    });

    it('writes the handler’s changes with the inbox row: a redelivered message id changes nothing', async () => {
      const topic = unique('contract.inbox');
      const group = unique('g');
      const table = `applied_${randomUUID().slice(0, 8)}`;
      await sut.pool.query(`CREATE TABLE ${table} (message_id text NOT NULL, seq int NOT NULL)`);
      const c = track(
        collect(sut.bus, {
          topics: [topic],
          group,
          handle: async (m, ctx) =>
            void (await ctx.client.query(`INSERT INTO ${table} VALUES ($1, $2)`, [
              m.messageId,
              (m.payload as { seq: number }).seq,
            ])),
        }),
      );
      await c.consumer.started;
      const once = ping('d1', 0);
      await sut.bus.publish(topic, [once, ping('d1', 1)]);
      await sut.bus.publish(topic, [once]); // e.g. a publisher that crashed before its checkpoint
      await sut.bus.publish(topic, [ping('d1', 2)]);
      await eventually(
        async () => (await sut.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n === 3,
        WAIT,
      );
      const { rows } = await sut.pool.query(`SELECT seq FROM ${table} ORDER BY seq`);
      expect(rows.map((r) => r.seq)).toEqual([0, 1, 2]);
      const inbox = await sut.pool.query(
        `SELECT count(*)::int AS n FROM bus.processed_messages WHERE "group" = $1`,
        [group],
      );
      expect(inbox.rows[0].n).toBe(3);
    });

    it('retries a failing handler, then dead-letters it with the reason and moves on', async () => {
      const topic = unique('contract.dlq');
      const group = unique('g');
      const attempts: number[] = [];
      const failing = ping('d1', 0);
      const c = track(
        collect(sut.bus, {
          topics: [topic],
          group,
          policy: { kind: 'dead-letter', maxAttempts: 3, backoff: { initialMs: 10, maxMs: 40 } },
          handle: async (m, ctx) => {
            if (m.messageId === failing.messageId) {
              attempts.push(ctx.attempt);
              throw new Error('ledger rejected it');
            }
          },
        }),
      );
      const dlq = track(
        collect(sut.bus, { topics: [dlqTopicOf(topic)], group: unique('dlq-reader'), validate: false }),
      );
      await Promise.all([c.consumer.started, dlq.consumer.started]);
      await sut.bus.publish(topic, [
        failing,
        ping('d1', 1, { headers: { 'x-origin': 'test' } }),
        ping('d2', 2),
      ]);

      await eventually(() => dlq.received.length === 1 && c.received.length === 2, WAIT);
      expect(attempts).toEqual([1, 2, 3]);
      expect(c.received.map((r) => (r.message.payload as { seq: number }).seq).sort()).toEqual([1, 2]);
      const dead = dlq.received[0].message;
      expect(dead).toMatchObject({
        messageId: failing.messageId,
        type: 'BusTestPing',
        key: 'd1',
        payload: { seq: 0 },
      });
      expect(dead.headers).toMatchObject({
        dlq_kind: 'handler',
        dlq_group: group,
        dlq_topic: topic,
        dlq_attempts: '3',
        ce_id: failing.messageId,
      });
      expect(dead.headers['dlq_reason']).toMatch(/ledger rejected it/);
    });

    it('a handler failing amid a run of messages costs the others nothing: each applied once, in order, its own writes rolled back', async () => {
      const topic = unique('contract.amid');
      const group = unique('g');
      const table = `amid_${randomUUID().slice(0, 8)}`;
      await sut.pool.query(
        `CREATE TABLE ${table} (id serial PRIMARY KEY, message_id text NOT NULL, seq int NOT NULL)`,
      );
      const sent = Array.from({ length: 8 }, (_, i) => ping('d1', i));
      const failing = sent[4];
      const attempts: number[] = [];
      const c = track(
        collect(sut.bus, {
          topics: [topic],
          group,
          policy: { kind: 'dead-letter', maxAttempts: 3, backoff: { initialMs: 10, maxMs: 40 } },
          handle: async (m, ctx) => {
            await ctx.client.query(`INSERT INTO ${table} (message_id, seq) VALUES ($1, $2)`, [
              m.messageId,
              (m.payload as { seq: number }).seq,
            ]);
            if (m.messageId === failing.messageId) {
              attempts.push(ctx.attempt);
              throw new Error('cannot apply seq 4');
            }
          },
        }),
      );
      const dlq = track(
        collect(sut.bus, { topics: [dlqTopicOf(topic)], group: unique('dlq-reader'), validate: false }),
      );
      await Promise.all([c.consumer.started, dlq.consumer.started]);
      await sut.bus.publish(topic, sent); // one publish: the consumer reads them in one fetch

      await eventually(
        async () =>
          dlq.received.length === 1 &&
          (await sut.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n === 7,
        WAIT,
      );
      const { rows } = await sut.pool.query(`SELECT message_id, seq FROM ${table} ORDER BY id`);
      expect(rows.map((r) => r.seq)).toEqual([0, 1, 2, 3, 5, 6, 7]);
      expect(new Set(rows.map((r) => r.message_id)).size).toBe(7);
      expect(attempts).toEqual([1, 2, 3]);
      expect(c.received.map((r) => (r.message.payload as { seq: number }).seq)).toEqual([
        0, 1, 2, 3, 5, 6, 7,
      ]);
      expect(dlq.received[0].message).toMatchObject({ messageId: failing.messageId, payload: { seq: 4 } });
      expect(dlq.received[0].message.headers).toMatchObject({ dlq_attempts: '3', dlq_kind: 'handler' });
    });

    it('lets the messages of one transaction share state and write it once before commit', async () => {
      const topic = unique('contract.scope');
      const group = unique('g');
      const table = `scoped_${randomUUID().slice(0, 8)}`;
      await sut.pool.query(
        `CREATE TABLE ${table} (id serial PRIMARY KEY, seqs int[] NOT NULL, announced int[] NOT NULL)`,
      );
      const seqOf = (m: ReceivedMessage) => (m.payload as { seq: number }).seq;
      const c = track(
        collect(sut.bus, {
          topics: [topic],
          group,
          handle: async (m, ctx) => {
            const seqs = ctx.transaction.shared('seqs', () => {
              const list: number[] = [];
              // What the transaction says it will apply, as the first handler sees it.
              const announced = ctx.transaction.messages.map(seqOf);
              ctx.transaction.beforeCommit(
                async () =>
                  void (await ctx.client.query(`INSERT INTO ${table} (seqs, announced) VALUES ($1, $2)`, [
                    list,
                    announced,
                  ])),
              );
              return list;
            });
            seqs.push((m.payload as { seq: number }).seq);
          },
        }),
      );
      await c.consumer.started;
      await sut.bus.publish(
        topic,
        Array.from({ length: 10 }, (_, i) => ping('d1', i)),
      );

      await eventually(
        async () =>
          (await sut.pool.query(`SELECT coalesce(sum(cardinality(seqs)), 0)::int AS n FROM ${table}`)).rows[0]
            .n === 10,
        WAIT,
      );
      const { rows } = await sut.pool.query<{ seqs: number[]; announced: number[] }>(
        `SELECT seqs, announced FROM ${table} ORDER BY id`,
      );
      expect(rows.flatMap((r) => r.seqs)).toEqual([...Array(10).keys()]);
      expect(rows.every((r) => r.seqs.length > 0)).toBe(true);
      for (const r of rows) expect(r.announced).toEqual(r.seqs);
    });

    it('dead-letters an invalid payload at once, without calling the handler', async () => {
      const topic = unique('contract.invalid');
      const group = unique('g');
      const seen: string[] = [];
      const c = track(
        collect(sut.bus, { topics: [topic], group, handle: async (m) => void seen.push(m.messageId) }),
      );
      const dlq = track(
        collect(sut.bus, { topics: [dlqTopicOf(topic)], group: unique('dlq-reader'), validate: false }),
      );
      await Promise.all([c.consumer.started, dlq.consumer.started]);
      const bad = ping('d1', 0, { payload: { debtorId: 'd1', seq: -1, amountMinor: 12.5, currency: 'EUR' } });
      const unknown = ping('d1', 1, { type: 'NobodyKnowsMe' });
      await sut.bus.publish(topic, [bad, unknown, ping('d1', 2)]);

      await eventually(() => dlq.received.length === 2 && c.received.length === 1, WAIT);
      expect(seen).toEqual([c.received[0].message.messageId]);
      const reasons = Object.fromEntries(dlq.received.map((r) => [r.message.messageId, r.message.headers]));
      expect(reasons[bad.messageId]).toMatchObject({
        dlq_kind: 'validation',
        dlq_attempts: '0',
        dlq_group: group,
      });
      expect(reasons[bad.messageId]['dlq_reason']).toMatch(/seq.*amountMinor|amountMinor.*seq/);
      expect(reasons[unknown.messageId]['dlq_reason']).toMatch(/unknown contract NobodyKnowsMe@v1/);
    });
  });
