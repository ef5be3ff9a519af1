import { TOPICS } from '@cartera/contracts';
import type { OutgoingMessage } from '@cartera/messaging';
import { eventually, useTestDatabase } from '@cartera/testing';
import {
  accountRef,
  balanceChanged,
  bucketChanged,
  paid,
  placed,
  reversed,
  type AccountRef,
} from '../testing/ledger-messages';
import { dumpReadModels, startReporting } from '../testing/reporting-harness';
import type { RebuildStatus } from './projections.runner';

const indexNames = async (pool: import('pg').Pool) =>
  (
    await pool.query<{ n: string }>(
      `SELECT tablename || '.' || indexname AS n FROM pg_indexes WHERE schemaname = 'reporting' ORDER BY 1`,
    )
  ).rows.map((r) => r.n);

describe('projection rebuild (shadow tables, swap without downtime)', () => {
  let r: Awaited<ReturnType<typeof startReporting>>;
  // Before the database's own hook: the apps let go of their connections first.
  afterAll(() => r?.close());
  const db = useTestDatabase();
  const accounts: AccountRef[] = Array.from({ length: 60 }, (_, i) =>
    accountRef(i % 3 ? 'acme-bank' : 'other-bank', 'COP'),
  );
  let paymentNo = 0;
  const payments = (n: number, day: string): OutgoingMessage[] =>
    Array.from({ length: n }, () => {
      const a = accounts[paymentNo % accounts.length];
      paymentNo++;
      return [
        paid(a, day, `p-${paymentNo}`, 100n, paymentNo % 2 ? 'card' : 'portal'),
        balanceChanged(
          a,
          day,
          'PaymentPosted',
          { principal: 100_000n - BigInt(paymentNo) * 100n },
          { principal: -100n },
        ),
      ];
    }).flat();

  beforeAll(async () => {
    r = await startReporting(db().url);
    await r.ledgerBus.publish(
      TOPICS.ledger,
      accounts.map((a) => placed(a, '2026-06-01', { principal: 100_000n })),
    );
    await r.ledgerBus.publish(
      TOPICS.ledger,
      accounts.map((a, i) => bucketChanged(a, '2026-06-02', null, i % 2 ? '1-30' : '31-60', 20 + i)),
    );
    const dup = payments(1, '2026-06-03');
    await r.ledgerBus.publish(TOPICS.ledger, [...dup, ...dup, ...payments(100, '2026-06-03')]);
    // A reversal (its payment read back) whose payment nets to nothing in total_paid.
    await r.ledgerBus.publish(TOPICS.ledger, [
      paid(accounts[1], '2026-06-04', 'to-reverse', 500n),
      reversed(accounts[1], '2026-06-05', 'to-reverse', 500n),
    ]);
    // A contract reporting does not know yet (the timeline keeps it as is): text COPY must escape tabs, line breaks, backslashes and a literal \N.
    await r.ledgerBus.publish(TOPICS.ledger, [
      {
        key: 'debtor\twith\\odd\nkey',
        messageId: 'note-1',
        type: 'AnalystNoteAdded',
        schemaVersion: 1,
        occurredAt: '2026-06-03T10:00:00.123Z',
        payload: {
          creditorId: 'tab\there',
          accountId: '\\N',
          note: 'line\r\nbreak \\ back',
          author: { email: 'a@example.com', team: 'ops' },
        },
      },
    ]);
    // Invalid: dead-lettered by the live consumer, so the replay must skip it too.
    await r.ledgerBus.publish(TOPICS.ledger, [
      { ...paid(accounts[0], '2026-06-03', 'bad', 1n), payload: { amountMinor: 'lots' } },
    ]);
    await r.runner.caughtUp();
  });

  it('yields tables identical to the live ones, with the same index names', async () => {
    const live = await dumpReadModels(db().pool);
    const indexes = await indexNames(db().pool);
    for (const name of ['portfolio', 'debtor_timeline']) {
      const res = await r.post(`/admin/projections/${name}/rebuild?wait=true`);
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ state: 'done', result: { projection: name } });
      expect(res.body.result.events).toBeGreaterThan(60);
    }
    expect(await dumpReadModels(db().pool)).toEqual(live);
    expect(await indexNames(db().pool)).toEqual(indexes);
    // The swapped-in timeline keeps the live table's per-column statistics target (none for the payload).
    const target = await db().pool.query(
      `SELECT attstattarget FROM pg_attribute WHERE attrelid = 'reporting.debtor_timeline'::regclass AND attname = 'payload'`,
    );
    expect(target.rows).toEqual([{ attstattarget: 0 }]);
    // Planner statistics were gathered on the swapped-in tables (a new table has none until analysed).
    const analysed = await db().pool.query(
      `SELECT tablename, count(*)::int AS n FROM pg_stats WHERE schemaname = 'reporting' AND tablename = ANY($1) GROUP BY tablename ORDER BY tablename`,
      [['accounts', 'debtor_timeline']],
    );
    expect(analysed.rows).toEqual([
      { tablename: 'accounts', n: expect.any(Number) },
      { tablename: 'debtor_timeline', n: expect.any(Number) },
    ]);
    const note = await db().pool.query(
      `SELECT debtor_id, creditor_id, account_id, payload FROM reporting.debtor_timeline WHERE message_id = 'note-1'`,
    );
    expect(note.rows).toEqual([
      {
        debtor_id: 'debtor\twith\\odd\nkey',
        creditor_id: 'tab\there',
        account_id: '\\N',
        payload: {
          creditorId: 'tab\there',
          accountId: '\\N',
          note: 'line\r\nbreak \\ back',
          author: { team: 'ops' },
        },
      },
    ]);
    const tables = await db().pool.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'reporting' AND table_name LIKE '%\\_\\_%'`,
    );
    expect(tables.rows).toEqual([]);
  });

  it('loses and doubles nothing while the live consumer keeps applying new messages', async () => {
    // Bounded, so that a slow machine's rebuild still catches up with the head it chases.
    let publishing = true;
    const publisher = (async () => {
      for (let day = 10; publishing && day < 110; day++) {
        await r.ledgerBus.publish(TOPICS.ledger, payments(10, `2026-06-${(day % 20) + 10}`));
        await new Promise((resolve) => setTimeout(resolve, 20)); // pacing of the load, not a synchronisation
      }
    })();
    let done: RebuildStatus | undefined;
    try {
      const started = await r.post('/admin/projections/portfolio/rebuild');
      expect(started.body.state).toBe('running');
      done = await eventually(
        async () => {
          const list = (await r.get('/admin/projections', { roles: ['admin'] })).body as {
            name: string;
            rebuild: RebuildStatus | null;
          }[];
          const s = list.find((p) => p.name === 'portfolio')?.rebuild;
          return s?.state === 'running' ? undefined : (s ?? undefined);
        },
        { what: 'the rebuild to finish', timeoutMs: 60_000 },
      );
    } finally {
      // Whatever failed above, no publisher may outlive this test and change what the next one reads.
      publishing = false;
      await publisher;
    }
    expect(done?.state).toBe('done');
    await r.runner.caughtUp(30_000);
    const afterConcurrent = await dumpReadModels(db().pool);
    const totalPaid = await db().pool.query<{ s: string }>(
      `SELECT sum(total_paid)::text AS s FROM reporting.accounts`,
    );
    expect(BigInt(totalPaid.rows[0].s)).toBe(BigInt(paymentNo) * 100n);
    // A rebuild with nothing in flight is the reference.
    await r.post('/admin/projections/portfolio/rebuild?wait=true');
    expect(await dumpReadModels(db().pool)).toEqual(afterConcurrent);
  }, 120_000);

  it('refuses an unknown projection and non-admins', async () => {
    expect((await r.post('/admin/projections/nope/rebuild')).status).toBe(404);
    expect((await r.post('/admin/projections/portfolio/rebuild', ['analyst'])).status).toBe(403);
  });

  it('refuses as well when a message inside a page is missing, naming its offset', async () => {
    const before = await dumpReadModels(db().pool);
    const { rows } = await db().pool.query<{ partition: number }>(
      `SELECT partition FROM bus.messages WHERE topic = 'ledger.events' GROUP BY partition HAVING min("offset") = 0 AND max("offset") >= 2 ORDER BY partition LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    const removed = `DELETE FROM bus.messages WHERE topic = 'ledger.events' AND partition = ${rows[0].partition} AND "offset" = 1`;
    await db().pool.query(`CREATE TABLE removed_message AS SELECT * FROM bus.messages WITH NO DATA`);
    await db().pool.query(
      `WITH gone AS (${removed} RETURNING *) INSERT INTO removed_message SELECT * FROM gone`,
    );
    try {
      const res = await r.post('/admin/projections/portfolio/rebuild?wait=true');
      expect(res.body).toMatchObject({
        state: 'failed',
        error: expect.stringContaining(`ledger.events/${rows[0].partition} no longer holds offset 1 `),
      });
      expect(await dumpReadModels(db().pool)).toEqual(before);
    } finally {
      await db().pool.query(
        `INSERT INTO bus.messages SELECT * FROM removed_message; DROP TABLE removed_message`,
      );
    }
  });

  it('refuses to swap in tables built from history that retention deleted', async () => {
    const before = await dumpReadModels(db().pool);
    await db().pool.query(
      `DELETE FROM bus.messages WHERE topic = 'ledger.events' AND partition = (SELECT min(partition) FROM bus.messages WHERE topic = 'ledger.events') AND "offset" = 0`,
    );
    const res = await r.post('/admin/projections/portfolio/rebuild?wait=true');
    expect(res.body).toMatchObject({ state: 'failed', error: expect.stringMatching(/retention/) });
    expect(await dumpReadModels(db().pool)).toEqual(before);
  });
});
