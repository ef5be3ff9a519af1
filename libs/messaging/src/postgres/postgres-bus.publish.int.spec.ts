import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@cartera/testing';
import { ping } from '../testing';
import { createPostgresBus, type PostgresBus } from './postgres-bus';

// Publish-side group commit of the PostgreSQL adapter (delivery is covered by the contract suite).
const db = useTestDatabase('buspub');

describe('PostgreSQL bus: publish group commit', () => {
  let bus: PostgresBus;
  beforeAll(() => {
    bus = createPostgresBus({ pool: db().pool, source: 'cartera/test' });
  });
  afterAll(() => bus.close());

  const stored = async (topic: string) =>
    (
      await db().pool.query<{ message_id: string; partition: number; offset: string; tx: string }>(
        `SELECT message_id, partition, m."offset"::text AS offset, xmin::text AS tx
         FROM bus.messages m WHERE topic = $1 ORDER BY partition, m."offset"`,
        [topic],
      )
    ).rows;

  it('shares transactions between concurrent publishes and keeps every partition’s offsets contiguous', async () => {
    const topic = `pub.group.${randomUUID().slice(0, 8)}`;
    await bus.ensureTopics([{ name: topic, partitions: 4 }]);
    const sent = Array.from({ length: 60 }, (_, i) => ping(`debtor-${i % 7}`, i));
    await Promise.all(sent.map((m) => bus.publish(topic, [m])));

    const rows = await stored(topic);
    expect(rows.map((r) => r.message_id).sort()).toEqual(sent.map((m) => m.messageId).sort());
    for (const p of new Set(rows.map((r) => r.partition))) {
      const offsets = rows.filter((r) => r.partition === p).map((r) => Number(r.offset));
      expect(offsets).toEqual([...offsets.keys()]);
    }
    // 60 publishes, far fewer commits: they queued behind the first one and shared the next.
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThanOrEqual(5);
  });

  it('fails only the publish the database rejects; the others sharing its transaction are stored', async () => {
    const topic = `pub.isolated.${randomUUID().slice(0, 8)}`;
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    const good = Array.from({ length: 6 }, (_, i) => ping('d1', i));
    // jsonb refuses the NUL character: the whole shared transaction fails once.
    const bad = ping('d1', 99, { payload: { debtorId: 'd1', seq: 99, note: 'nul \u0000 here' } });
    const results = await Promise.allSettled(
      [...good.slice(0, 3), bad, ...good.slice(3)].map((m) => bus.publish(topic, [m])),
    );

    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(String((results[3] as PromiseRejectedResult).reason)).toMatch(/unicode|\\u0000/i);
    const rows = await stored(topic);
    expect(rows.map((r) => r.message_id).sort()).toEqual(good.map((m) => m.messageId).sort());
  });
});
