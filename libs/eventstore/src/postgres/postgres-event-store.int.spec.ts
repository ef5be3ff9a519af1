import { eventually, useTestDatabase } from '@cartera/testing';
import { InvalidEventStoreInput, RecordedEvent, WrongExpectedVersion } from '../event-store.port';
import { newEventId } from '../event-ids';
import { eventStoreContract } from '../testing/event-store.contract';
import { VERIFY_PAGE } from '../hash-chain';
import { createPostgresEventStore, PostgresEventStore } from './postgres-event-store';
import { parsePosition } from './postgres-position';

const db = useTestDatabase('es_contract');

eventStoreContract(
  'postgres',
  (options) =>
    createPostgresEventStore({
      connectionString: db().url,
      schema: 'contract',
      pollIntervalMs: 100,
      lockRetryMs: 50,
      poolMax: 10,
      ...options,
    }),
  { idempotentRepeatWithAnyExpectedVersion: true },
);

describe('PostgreSQL event store specifics', () => {
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await createPostgresEventStore({
      pool: db().pool,
      schema: 'specifics',
      pollIntervalMs: 50,
      lockRetryMs: 50,
    });
  });
  afterAll(() => store?.close());
  const sql = (text: string, values?: unknown[]) => db().pool.query(text, values);

  it('start-up replaces a group-read function of an earlier version (another result shape)', async () => {
    const first = await createPostgresEventStore({ pool: db().pool, schema: 'upgraded' });
    await first.appendToStreams([
      { streamId: 'up-1', events: [{ type: 'A', data: { n: 1 } }] },
      { streamId: 'up-2', events: [{ type: 'B', data: { n: 2 } }] },
    ]);
    await first.close();
    await sql(`DROP FUNCTION upgraded.es_read_streams(text[])`);
    await sql(`CREATE FUNCTION upgraded.es_read_streams(p_streams text[]) RETURNS TABLE (generation integer, stream_id text, i integer)
      LANGUAGE sql AS $$ SELECT 1, s, i::int FROM unnest(p_streams) WITH ORDINALITY AS u(s, i) $$`);
    const again = await createPostgresEventStore({ pool: db().pool, schema: 'upgraded' });
    try {
      // Two streams read together go through es_read_streams.
      const [one, two] = await Promise.all([again.readStream('up-1'), again.readStream('up-2')]);
      expect([one.map((e) => e.data), two.map((e) => e.data)]).toEqual([[{ n: 1 }], [{ n: 2 }]]);
    } finally {
      await again.close();
    }
  });

  it('whole-stream reads issued together (one statement) each get exactly their own stream', async () => {
    const streams = Array.from({ length: 150 }, (_, k) => `grp-${k}`);
    await store.appendToStreams(
      streams.map((streamId, k) => ({
        streamId,
        events: Array.from({ length: (k % 4) + 1 }, (_, n) => ({ type: 'Counted', data: { k, n } })),
      })),
    );
    // More readers than one statement takes (64), a stream asked for twice, and a stream that does not exist.
    const asked = [...streams, 'grp-7', 'grp-missing', 'grp-7'];
    const results = await Promise.all(asked.map((id) => store.readStream(id)));
    results.forEach((events, i) => {
      const k = asked[i] === 'grp-missing' ? -1 : Number(asked[i].slice(4));
      expect(events.map((e) => [e.streamId, e.streamVersion, e.data])).toEqual(
        k < 0 ? [] : Array.from({ length: (k % 4) + 1 }, (_, n) => [asked[i], n, { k, n }]),
      );
    });
    // The same through the single-stream statement (any option other than the whole stream).
    expect((await store.readStream('grp-9', { from: 0 })).map((e) => e.data)).toEqual(
      results[9].map((e) => e.data),
    );
  });

  it('verifyStream names the first broken link after a row is tampered with, removed or truncated', async () => {
    await store.appendToStream(
      'account-t1',
      [1, 2, 3, 4].map((n) => ({ type: 'PaymentPosted', data: { amount: BigInt(n) } })),
    );
    expect(await store.verifyStream('account-t1')).toMatchObject({ ok: true, events: 4 });
    await sql(
      `UPDATE specifics.es_events SET data = '{"amount":{"$bigint":"200"}}' WHERE stream_id = 'account-t1' AND stream_version = 2`,
    );
    expect(await store.verifyStream('account-t1')).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: expect.stringMatching(/hash mismatch/),
    });

    await store.appendToStream(
      'account-t2',
      [1, 2, 3].map((n) => ({ type: 'A', data: { n } })),
    );
    await sql(`DELETE FROM specifics.es_events WHERE stream_id = 'account-t2' AND stream_version = 1`);
    expect(await store.verifyStream('account-t2')).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: expect.stringMatching(/removed/),
    });

    await store.appendToStream(
      'account-t3',
      [1, 2, 3].map((n) => ({ type: 'A', data: { n } })),
    );
    await sql(`DELETE FROM specifics.es_events WHERE stream_id = 'account-t3' AND stream_version = 2`);
    expect(await store.verifyStream('account-t3')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/head says version 2/),
    });

    await store.appendToStream('account-t4', [{ type: 'A', data: {}, occurredAt: new Date('2026-01-01') }]);
    await sql(`UPDATE specifics.es_events SET occurred_at = '2025-01-01' WHERE stream_id = 'account-t4'`);
    expect(await store.verifyStream('account-t4')).toMatchObject({ ok: false, brokenAt: 0 });
  });

  it('verifyStream checks a stream longer than one read page by page, naming the broken version in a later page', async () => {
    const n = 2 * VERIFY_PAGE + 500;
    const events = Array.from({ length: n }, (_, k) => ({
      type: 'PaymentPosted',
      data: { amount: BigInt(k) },
    }));
    await store.appendToStream('account-long1', events);
    await store.appendToStream('account-long2', events);
    expect(await store.verifyStream('account-long1')).toEqual({
      ok: true,
      streamId: 'account-long1',
      events: n,
    });
    const late = 2 * VERIFY_PAGE + 7;
    await sql(
      `UPDATE specifics.es_events SET data = '{"amount":{"$bigint":"1"}}' WHERE stream_id = 'account-long1' AND stream_version = $1`,
      [late],
    );
    expect(await store.verifyStream('account-long1')).toMatchObject({
      ok: false,
      brokenAt: late,
      reason: expect.stringMatching(/hash mismatch/),
    });
    // The first event of the second page removed: a gap at the page boundary.
    await sql(`DELETE FROM specifics.es_events WHERE stream_id = 'account-long2' AND stream_version = $1`, [
      VERIFY_PAGE,
    ]);
    expect(await store.verifyStream('account-long2')).toMatchObject({
      ok: false,
      brokenAt: VERIFY_PAGE,
      reason: expect.stringMatching(/removed/),
    });
  });

  it('verifyStream never reports a break for appends committing while it reads', async () => {
    await store.appendToStream('account-busy', [{ type: 'A', data: { n: 0 } }]);
    let writing = true;
    const writer = (async () => {
      for (let k = 1; writing; k++)
        await store.appendToStream('account-busy', [{ type: 'A', data: { n: k } }]);
    })();
    try {
      for (let i = 0; i < 40; i++)
        expect(await store.verifyStream('account-busy')).toMatchObject({ ok: true });
    } finally {
      writing = false;
      await writer;
    }
  });

  it('"from end" starts below the gate, so an older transaction committing later is not lost', async () => {
    const client = await db().pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendInTransaction(client, 'late-1', [{ type: 'Slow', data: {} }]);
      await store.appendToStream('late-2', [{ type: 'Fast', data: {} }]);
      const received: RecordedEvent[] = [];
      const sub = store.subscribe({
        checkpointName: 'late-end',
        from: 'end',
        filter: { categories: ['late'] },
        handler: async (es) => void received.push(...es),
      });
      await sub.started;
      await client.query('COMMIT');
      await eventually(() => received.length === 2, { what: 'both late events' });
      await sub.stop();
      expect(received.map((e) => e.type)).toEqual(['Slow', 'Fast']);
    } finally {
      client.release();
    }
  });

  it('a rolled-back append leaves no event and no version gap', async () => {
    const client = await db().pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendInTransaction(client, 'rb-1', [{ type: 'Gone', data: {} }]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await store.appendToStream('rb-1', [{ type: 'Kept', data: {} }], { expectedVersion: 'no_stream' });
    expect((await store.readStream('rb-1')).map((e) => [e.type, e.streamVersion])).toEqual([['Kept', 0]]);
  });

  it('several appends in one transaction (one rolled back to a savepoint) get increasing, distinct positions in append order', async () => {
    const client = await db().pool.connect();
    const results = [];
    try {
      await client.query('BEGIN');
      results.push(
        await store.appendInTransaction(client, 'txn-a', [
          { type: 'A1', data: {} },
          { type: 'A2', data: {} },
        ]),
      );
      await client.query('SAVEPOINT s');
      await store.appendInTransaction(client, 'txn-b', [
        { type: 'B1', data: {} },
        { type: 'B2', data: {} },
        { type: 'B3', data: {} },
      ]);
      await client.query('ROLLBACK TO SAVEPOINT s');
      results.push(await store.appendInTransaction(client, 'txn-c', [{ type: 'C1', data: {} }]));
      results.push(
        ...(await store.appendToStreams(
          [
            { streamId: 'txn-d', events: [{ type: 'D1', data: {} }] },
            { streamId: 'txn-e', events: [{ type: 'E1', data: {} }] },
          ],
          client,
        )),
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    // Read below the gate: visible once every older transaction in the cluster has ended.
    let events: RecordedEvent[] = [];
    await eventually(
      async () => (events = await store.readAll({ filter: { categories: ['txn'] } })).length >= 5,
      { what: 'the committed events' },
    );
    expect(events.map((e) => e.type)).toEqual(['A1', 'A2', 'C1', 'D1', 'E1']);
    const positions = events.map((e) => parsePosition(e.globalPosition));
    expect(new Set(positions.map((p) => p.transactionId)).size).toBe(1);
    const seqs = positions.map((p) => BigInt(p.seq));
    seqs.slice(1).forEach((seq, i) => expect(seq).toBeGreaterThan(seqs[i]));
    // Each append's result names the position of its last event, as a read shows it.
    expect(results.map((r) => r.position)).toEqual(
      [events[1], events[2], events[3], events[4]].map((e) => e.globalPosition),
    );
  });

  it('refuses (40001) an append that would sort before the stream head because its transaction took its id earlier', async () => {
    await store.appendToStream('order-1', [{ type: 'A', data: {} }]);
    const early = await db().pool.connect();
    try {
      await early.query('BEGIN');
      await store.appendInTransaction(early, 'order-other', [{ type: 'TakesAnId', data: {} }]);
      await store.appendToStream('order-1', [{ type: 'B', data: {} }]);
      await expect(
        store.appendInTransaction(early, 'order-1', [{ type: 'C', data: {} }]),
      ).rejects.toMatchObject({ code: '40001' });
      await early.query('ROLLBACK');
    } finally {
      early.release();
    }
    expect((await store.readStream('order-1')).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('reports the age of the oldest open transaction', async () => {
    const client = await db().pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      await eventually(async () => (await store.oldestOpenTransactionAgeSeconds()) > 0.05, {
        what: 'a visible transaction age',
      });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });

  it('stop() ends polling, releases the advisory lock and returns the connection', async () => {
    const before = db().pool.totalCount;
    const sub = store.subscribe({ checkpointName: 'lock-check', handler: async () => undefined });
    await sub.started;
    const locks = () =>
      sql(
        `SELECT count(*)::int AS n FROM pg_locks
         WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
    expect((await locks()).rows[0].n).toBeGreaterThanOrEqual(1);
    await sub.stop();
    expect((await locks()).rows[0].n).toBe(0);
    expect(db().pool.totalCount - db().pool.idleCount).toBe(0);
    expect(db().pool.totalCount).toBeLessThanOrEqual(Math.max(before, 1) + 1);
  });

  it('opens a new generation when transaction ids restart (restore into another cluster)', async () => {
    const generations = await createPostgresEventStore({ pool: db().pool, schema: 'restored' });
    await generations.appendToStream('account-g', [{ type: 'Before', data: {} }]);
    // Simulate data restored from a cluster whose transaction ids ran far ahead of this one's.
    await sql(`UPDATE restored.es_events SET transaction_id = '9000000000000000'::xid8`);
    await sql(`UPDATE restored.es_streams SET last_transaction_id = '9000000000000000'::xid8`);
    const restarted = await createPostgresEventStore({ pool: db().pool, schema: 'restored' });
    expect(restarted.generation).toBe(generations.generation + 1);
    await restarted.appendToStream('account-g', [{ type: 'After', data: {} }]);
    const all = await eventually(async () => {
      const es = await restarted.readAll({ filter: { categories: ['account'] } });
      return es.length === 2 && es;
    });
    expect(all.map((e) => e.type)).toEqual(['Before', 'After']);
    expect(parsePosition(all[1].globalPosition).generation).toBe(2);
    expect(
      (await sql(`SELECT reason FROM restored.es_generations WHERE generation = 2`)).rows[0].reason,
    ).toMatch(/restarted/);
    await generations.close();
    await restarted.close();
  });

  it('serves the poll query from the position index', async () => {
    const client = await db().pool.connect();
    // The test table is tiny; forbid the sequential scan to see which index the planner picks.
    await client.query('SET enable_seqscan = off; SET enable_bitmapscan = off');
    const plan = await client.query(`EXPLAIN SELECT * FROM specifics.es_events e
      WHERE (e.generation, e.transaction_id, e.seq) > (1, '5'::xid8, 7)
        AND (e.generation, e.transaction_id) < ((SELECT m.generation FROM specifics.es_meta m), pg_snapshot_xmin(pg_current_snapshot()))
      ORDER BY e.generation, e.transaction_id, e.seq LIMIT 500`);
    await client.query('RESET enable_seqscan; RESET enable_bitmapscan');
    client.release();
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    // An ordered index scan with both the checkpoint and the gate as index conditions: no sort, no filter.
    expect(text).toMatch(/Index Scan using es_events_position/);
    expect(text).toMatch(
      /Index Cond: .*ROW\(generation, transaction_id, seq\) >.*ROW\(generation, transaction_id\) </,
    );
    expect(text).not.toMatch(/Sort/);
  });

  describe('appendToStreams (bulk import, one round trip)', () => {
    const count = async (prefix: string) =>
      Number(
        (await sql(`SELECT count(*) AS n FROM specifics.es_events WHERE stream_id LIKE $1`, [`${prefix}%`]))
          .rows[0].n,
      );
    const opening = (streamId: string, k: number) => ({
      streamId,
      events: [
        { id: newEventId(), type: 'AccountPlaced', data: { balance: BigInt(k) * 100n, currency: 'EUR' } },
      ],
      expectedVersion: 'no_stream' as const,
    });

    it('places 1,000 new streams in one call: one result per item, in order, chained and readable', async () => {
      const items = Array.from({ length: 1000 }, (_, k) => opening(`imp1-${k}`, k));
      const results = await store.appendToStreams(items);
      expect(results).toHaveLength(1000);
      expect(results.every((r) => r.nextExpectedVersion === 0)).toBe(true);
      for (let k = 1; k < results.length; k++)
        expect(results[k].position > results[k - 1].position).toBe(true);
      const [read] = await store.readStream('imp1-999');
      expect(read).toMatchObject({
        id: items[999].events[0].id,
        streamVersion: 0,
        globalPosition: results[999].position,
        data: { balance: 99_900n },
      });
      expect(await store.verifyStream('imp1-7')).toMatchObject({ ok: true, events: 1 });
      // The chain goes on from the imported head.
      await store.appendToStream('imp1-7', [{ type: 'PaymentPosted', data: { amount: 5n } }], {
        expectedVersion: 0,
      });
      expect(await store.verifyStream('imp1-7')).toMatchObject({ ok: true, events: 2 });
      const all = await eventually(async () => {
        const es = await store.readAll({ filter: { categories: ['imp1'] } });
        return es.length === 1001 && es;
      });
      expect(all.slice(0, 1000).map((e) => e.id)).toEqual(items.map((i) => i.events[0].id));
    });

    it('a re-import of the same ids is a no-op that returns the existing results', async () => {
      const items = Array.from({ length: 50 }, (_, k) => opening(`imp2-${k}`, k));
      const first = await store.appendToStreams(items);
      await store.appendToStream('imp2-3', [{ type: 'Later', data: {} }]);
      expect(await store.appendToStreams(items)).toEqual(first);
      expect(await count('imp2-')).toBe(51);
      // Also per item: repeated items keep their result, new ones are appended.
      const mixed = await store.appendToStreams([items[0], opening('imp2-new', 0)]);
      expect(mixed[0]).toEqual(first[0]);
      expect(mixed[1].nextExpectedVersion).toBe(0);
      expect(await count('imp2-')).toBe(52);
    });

    it('a version conflict fails the whole call with WrongExpectedVersion naming the stream; nothing is written', async () => {
      await store.appendToStream('imp3-existing', [
        { type: 'Opened', data: {} },
        { type: 'Moved', data: {} },
      ]);
      const attempt = store.appendToStreams([
        opening('imp3-a', 1),
        { streamId: 'imp3-existing', events: [{ type: 'Stale', data: {} }], expectedVersion: 0 },
        opening('imp3-b', 2),
      ]);
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersion);
      await expect(attempt).rejects.toMatchObject({
        streamId: 'imp3-existing',
        expectedVersion: 0,
        actualVersion: 1,
      });
      await expect(store.appendToStreams([opening('imp3-existing', 0)])).rejects.toMatchObject({
        streamId: 'imp3-existing',
        actualVersion: 1,
      });
      expect(await count('imp3-')).toBe(2);
      const ok = await store.appendToStreams([
        { streamId: 'imp3-existing', events: [{ type: 'Fresh', data: {} }], expectedVersion: 1 },
        opening('imp3-a', 1),
      ]);
      expect(ok.map((r) => r.nextExpectedVersion)).toEqual([2, 0]);
      expect(await store.verifyStream('imp3-existing')).toMatchObject({ ok: true, events: 3 });
    });

    it('a batch mixing a repeat (expectedVersion any: the insert meets a stored id) and new streams writes the new ones once', async () => {
      const placed = opening('rep1-a', 1);
      const [original] = await store.appendToStreams([placed]);
      const repeat = { ...placed, expectedVersion: 'any' as const };
      const results = await store.appendToStreams([opening('rep1-b', 2), repeat, opening('rep1-c', 3)]);
      expect(results[1]).toEqual(original);
      expect(results.map((r) => r.nextExpectedVersion)).toEqual([0, 0, 0]);
      expect(await count('rep1-')).toBe(3);
      for (const id of ['rep1-a', 'rep1-b', 'rep1-c'])
        expect(await store.verifyStream(id)).toMatchObject({ ok: true, events: 1 });
      expect(await store.appendToStream('rep1-a', placed.events)).toEqual(original);
    });

    it('refuses ids stored elsewhere or partly repeated, and bad batches, writing nothing', async () => {
      const placed = opening('imp4-a', 1);
      await store.appendToStreams([placed]);
      const elsewhere = { ...opening('imp4-b', 1), events: placed.events };
      await expect(store.appendToStreams([opening('imp4-c', 1), elsewhere])).rejects.toThrow(
        /imp4-b.*already stored/,
      );
      const partly = {
        streamId: 'imp4-a',
        events: [...placed.events, { id: newEventId(), type: 'X', data: {} }],
      };
      await expect(store.appendToStreams([partly])).rejects.toBeInstanceOf(InvalidEventStoreInput);
      expect(await count('imp4-')).toBe(1);
      await expect(store.appendToStreams([])).rejects.toThrow(/non-empty/);
      await expect(store.appendToStreams([opening('imp4-d', 1), opening('imp4-d', 2)])).rejects.toThrow(
        /items\[1\]: stream imp4-d appears twice/,
      );
      await expect(
        store.appendToStreams([
          opening('imp4-e', 1),
          { ...opening('imp4-f', 1), events: opening('x', 1).events.concat(placed.events) },
          { ...opening('imp4-g', 1), events: placed.events },
        ]),
      ).rejects.toThrow(/appears twice/);
      await expect(
        store.appendToStreams([opening('imp4-h', 1), { streamId: '', events: [] }]),
      ).rejects.toThrow(/items\[1\]: streamId/);
      expect(await count('imp4-')).toBe(1);
    });

    it("runs inside the caller's transaction and appends multi-event items with a contiguous chain", async () => {
      const client = await db().pool.connect();
      try {
        await client.query('BEGIN');
        await store.appendToStreams([opening('imp5-a', 1)], client);
        await client.query('ROLLBACK');
        await client.query('BEGIN');
        const events = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'Step', data: { i } }));
        const results = await store.appendToStreams(
          [
            { streamId: 'imp5-b', events: events(3) },
            { streamId: 'imp5-c', events: events(2) },
          ],
          client,
        );
        await client.query('COMMIT');
        expect(results.map((r) => r.nextExpectedVersion)).toEqual([2, 1]);
      } finally {
        client.release();
      }
      expect(await count('imp5-a')).toBe(0);
      expect((await store.readStream('imp5-b')).map((e) => e.streamVersion)).toEqual([0, 1, 2]);
      expect(await store.verifyStream('imp5-b')).toMatchObject({ ok: true, events: 3 });
      expect(await store.verifyStream('imp5-c')).toMatchObject({ ok: true, events: 2 });
    });

    it('concurrent calls over the same streams in opposite orders neither deadlock nor break a stream', async () => {
      const names = Array.from({ length: 40 }, (_, k) => `imp6-${k}`);
      const call = (order: string[]) =>
        store.appendToStreams(order.map((streamId) => ({ streamId, events: [{ type: 'Tick', data: {} }] })));
      await Promise.all(Array.from({ length: 6 }, (_, i) => call(i % 2 ? [...names].reverse() : names)));
      for (const name of [names[0], names[39]]) {
        expect((await store.readStream(name)).map((e) => e.streamVersion)).toEqual([0, 1, 2, 3, 4, 5]);
        expect(await store.verifyStream(name)).toMatchObject({ ok: true, events: 6 });
      }
    });
  });
});
