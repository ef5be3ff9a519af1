import { TOPICS } from '@cartera/contracts';
import { useTestDatabase } from '@cartera/testing';
import { accountRef, paid, placed } from '../testing/ledger-messages';
import { startReporting } from '../testing/reporting-harness';

type Listed = {
  name: string;
  status: string;
  blocked: number;
  parked: { count: number; reasons: unknown[] };
};

describe('reporting: a message a projection cannot apply is parked, every other account goes on', () => {
  let r: Awaited<ReturnType<typeof startReporting>>;
  afterAll(() => r?.close());
  const db = useTestDatabase();
  const bad = accountRef('acme-bank', 'COP');
  const good = accountRef('acme-bank', 'COP');
  const fixed = accountRef('acme-bank', 'COP');
  const totalPaid = async (a: { accountId: string }) =>
    ((await r.get(`/accounts/${a.accountId}`)).body as { totalPaidMinor: string }).totalPaidMinor;
  const portfolio = async () =>
    ((await r.get('/admin/projections', { roles: ['admin'] })).body as Listed[]).find(
      (p) => p.name === 'portfolio',
    );
  const replay = async () => (await r.post('/admin/projections/portfolio/parked/replay')).body as unknown;

  beforeAll(async () => {
    r = await startReporting(db().url);
    await r.ledgerBus.publish(TOPICS.ledger, [
      placed(bad, '2026-06-01', { principal: 100_000n }),
      placed(good, '2026-06-01', { principal: 50_000n }),
      placed(fixed, '2026-06-01', { principal: 9_000n }),
    ]);
    await r.ledgerBus.publish(TOPICS.ledger, [
      paid(bad, '2026-06-10', 'p-huge', 2n ** 70n),
      paid(bad, '2026-06-11', 'p-after', 1_000n),
      paid(good, '2026-06-12', 'p-good', 20_000n),
    ]);
    await r.runner.caughtUp();
  });

  it("parks the unappliable payment and the account's later ones, while another account's payment is applied", async () => {
    expect(await totalPaid(good)).toBe('20000');
    expect(await totalPaid(bad)).toBe('0');
  });

  it('lists the parked messages with their reasons in the admin view, the consumer not blocked', async () => {
    expect(await portfolio()).toMatchObject({
      status: 'up',
      blocked: 0,
      parked: {
        count: 2,
        reasons: expect.arrayContaining([
          { reason: expect.stringMatching(/^amount 1180591620717411303424 exceeds/), count: 1 },
          { reason: expect.stringMatching(/^held back/), count: 1 },
        ]),
      },
    });
  });

  it('keeps parked what still cannot apply, and applies once a message that now applies', async () => {
    expect(await replay()).toEqual({ applied: 0, stillParked: 2 });
    // A payment parked under a condition since removed, as the table holds it.
    const message = { ...paid(fixed, '2026-06-13', 'p-fixed', 4_000n), headers: {}, topic: TOPICS.ledger };
    await db().pool.query(
      `INSERT INTO reporting.parked_messages VALUES ('portfolio', $1, $2, 0, 999999, 'a bug since fixed', $3, now())`,
      [message.messageId, fixed.accountId, JSON.stringify({ ...message, partition: 0, offset: '999999' })],
    );
    expect(await replay()).toEqual({ applied: 1, stillParked: 2 });
    expect(await replay()).toEqual({ applied: 0, stillParked: 2 });
    expect(await totalPaid(fixed)).toBe('4000');
    expect((await portfolio())?.parked.count).toBe(2);
  });

  it('answers 404 for a projection that does not exist', async () => {
    expect((await r.post('/admin/projections/nope/parked/replay')).status).toBe(404);
  });
});
