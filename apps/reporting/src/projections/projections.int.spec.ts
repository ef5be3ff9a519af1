import { TOPICS } from '@cartera/contracts';
import { useTestDatabase } from '@cartera/testing';
import {
  accountRef,
  balanceChanged,
  bucketChanged,
  closed,
  paid,
  placed,
  reversed,
} from '../testing/ledger-messages';
import { dumpReadModels, startReporting } from '../testing/reporting-harness';

describe('reporting projections (ledger contracts published on the PostgreSQL bus)', () => {
  let r: Awaited<ReturnType<typeof startReporting>>;
  // Before the database's own hook: the apps let go of their connections first.
  afterAll(() => r?.close());
  const db = useTestDatabase();
  const a = accountRef('acme-bank', 'COP');
  const b = accountRef('acme-bank', 'COP');
  const c = accountRef('other-bank', 'USD');
  /** The live portfolio summary as it stood at the end of each business day. */
  const liveAtEndOf = new Map<string, unknown>();

  const publishDay = async (day: string, messages: Parameters<typeof r.ledgerBus.publish>[1]) => {
    await r.ledgerBus.publish(TOPICS.ledger, messages);
    await r.runner.caughtUp();
    liveAtEndOf.set(day, (await r.get('/portfolio/summary')).body);
  };

  beforeAll(async () => {
    r = await startReporting(db().url);
    await publishDay('2026-06-01', [
      placed(a, '2026-06-01', { principal: 100_000n, fees: 5_000n }),
      placed(b, '2026-06-01', { principal: 50_000n }),
      placed(c, '2026-06-01', { principal: 7_000n }),
    ]);
    await publishDay('2026-06-10', [
      paid(a, '2026-06-10', 'p-1', 20_000n, 'card', { principal: 15_000n, fees: 5_000n }),
      balanceChanged(
        a,
        '2026-06-10',
        'PaymentPosted',
        { principal: 85_000n },
        { principal: -15_000n, fees: -5_000n },
      ),
    ]);
    await publishDay('2026-06-15', [
      bucketChanged(a, '2026-06-15', null, '1-30', 10),
      bucketChanged(b, '2026-06-15', null, '31-60', 40),
    ]);
    await publishDay('2026-06-20', [
      reversed(a, '2026-06-20', 'p-1', 20_000n, { principal: 15_000n, fees: 5_000n }),
      balanceChanged(
        a,
        '2026-06-20',
        'PaymentReversed',
        { principal: 100_000n, fees: 5_000n },
        { principal: 15_000n, fees: 5_000n },
        '14:00:00.001',
      ),
    ]);
    await publishDay('2026-06-25', [
      paid(b, '2026-06-25', 'p-2', 50_000n, 'bank_transfer'),
      balanceChanged(b, '2026-06-25', 'PaymentPosted', { principal: 0n }, { principal: -50_000n }),
      closed(b, '2026-06-25', 'paid_in_full'),
    ]);
  });

  it('keeps one row per account with balance by component, payments, status and bucket', async () => {
    const res = await r.get(`/accounts/${a.accountId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      accountId: a.accountId,
      creditorId: 'acme-bank',
      debtorId: a.debtorId,
      currency: 'COP',
      principalMinor: '100000',
      feesMinor: '5000',
      interestMinor: '0',
      balanceMinor: '105000',
      totalPaidMinor: '0',
      status: 'active',
      bucket: '1-30',
      daysPastDue: 10,
      dpdAsOf: '2026-06-15',
      placedAt: '2026-06-01T12:00:00.000Z',
      lastPaymentAt: '2026-06-10T13:00:00.000Z',
      closedOn: null,
    });
    expect((await r.get(`/accounts/${b.accountId}`)).body).toMatchObject({
      status: 'paid_in_full',
      balanceMinor: '0',
      totalPaidMinor: '50000',
      closedOn: '2026-06-25',
    });
  });

  it('lists accounts with filters and cursor pagination, as JSON or CSV', async () => {
    const first = await r.get('/accounts?creditorId=acme-bank&limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await r.get(`/accounts?creditorId=acme-bank&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect([first.body.items[0].accountId, second.body.items[0].accountId].sort()).toEqual(
      [a.accountId, b.accountId].sort(),
    );
    expect(
      (await r.get('/accounts?status=paid_in_full')).body.items.map(
        (x: { accountId: string }) => x.accountId,
      ),
    ).toEqual([b.accountId]);

    const csv = await r.get('/accounts?creditorId=acme-bank&limit=1', { accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['x-next-cursor']).toBe(first.body.nextCursor);
    const [header, row] = csv.text.trim().split('\r\n');
    expect(header.split(',')).toEqual(
      expect.arrayContaining(['accountId', 'balanceMinor', 'bucket', 'status']),
    );
    expect(row).toContain(first.body.items[0].accountId);
    const one = await r.get(`/accounts/${a.accountId}`, { accept: 'text/csv' });
    expect(one.text.split('\r\n')[1]).toMatch(new RegExp(`^${a.accountId},acme-bank,`));
  });

  it('summarises the portfolio per creditor × currency × bucket × status, now and as of a past day', async () => {
    const now = await r.get('/portfolio/summary?creditorId=acme-bank');
    expect(now.body.items).toEqual([
      {
        creditorId: 'acme-bank',
        currency: 'COP',
        bucket: '1-30',
        status: 'active',
        accountCount: 1,
        balanceMinor: '105000',
      },
      {
        creditorId: 'acme-bank',
        currency: 'COP',
        bucket: '31-60',
        status: 'paid_in_full',
        accountCount: 1,
        balanceMinor: '0',
      },
    ]);
    const june12 = await r.get('/portfolio/summary?creditorId=acme-bank&asOf=2026-06-12');
    expect(june12.body.items).toEqual([
      {
        creditorId: 'acme-bank',
        currency: 'COP',
        bucket: 'unaged',
        status: 'active',
        accountCount: 2,
        balanceMinor: '135000',
      },
    ]);
  });

  it('answers asOf with exactly the summary that was live at the end of that day', async () => {
    for (const [day, live] of liveAtEndOf)
      expect((await r.get(`/portfolio/summary?asOf=${day}`)).body).toEqual(live);
    expect((await r.get('/portfolio/summary?asOf=2026-05-31')).body.items).toEqual([]);
  });

  it('series collections per day, creditor and channel: gross, reversed, net', async () => {
    const byChannel = await r.get('/collections?from=2026-06-01&to=2026-06-30&groupBy=channel');
    expect(byChannel.body.items).toEqual([
      {
        channel: 'bank_transfer',
        currency: 'COP',
        paymentCount: 1,
        grossMinor: '50000',
        reversalCount: 0,
        reversedMinor: '0',
        netMinor: '50000',
      },
      {
        channel: 'card',
        currency: 'COP',
        paymentCount: 1,
        grossMinor: '20000',
        reversalCount: 1,
        reversedMinor: '20000',
        netMinor: '0',
      },
    ]);
    const byDay = await r.get('/collections?from=2026-06-01&to=2026-06-20&groupBy=day');
    expect(byDay.body.items.map((x: Record<string, unknown>) => [x.day, x.netMinor])).toEqual([
      ['2026-06-10', '20000'],
      ['2026-06-20', '-20000'],
    ]);
    const csv = await r.get('/collections?from=2026-06-01&to=2026-06-30&groupBy=creditor', {
      accept: 'text/csv',
    });
    expect(csv.text).toBe(
      'creditorId,currency,paymentCount,grossMinor,reversalCount,reversedMinor,netMinor\r\nacme-bank,COP,2,70000,1,20000,50000\r\n',
    );
  });

  it('counts bucket movements per day (roll-rate input)', async () => {
    expect((await r.get('/bucket-movements?from=2026-06-01&to=2026-06-30')).body.items).toEqual([
      {
        day: '2026-06-15',
        creditorId: 'acme-bank',
        currency: 'COP',
        fromBucket: 'unaged',
        toBucket: '1-30',
        accountCount: 1,
        balanceMinor: '85000',
      },
      {
        day: '2026-06-15',
        creditorId: 'acme-bank',
        currency: 'COP',
        fromBucket: 'unaged',
        toBucket: '31-60',
        accountCount: 1,
        balanceMinor: '50000',
      },
    ]);
  });

  it('keeps a debtor timeline in business-time order, with its source and without personal data', async () => {
    const res = await r.get(`/debtors/${a.debtorId}/timeline`);
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual([
      'AccountPlaced',
      'PaymentPosted',
      'BalanceChanged',
      'DelinquencyBucketChanged',
      'PaymentReversed',
      'BalanceChanged',
    ]);
    expect(res.body.items[0]).toMatchObject({
      source: 'ledger',
      topic: 'ledger.events',
      accountId: a.accountId,
      creditorId: 'acme-bank',
    });
    expect(res.body.items[0].payload.debtor).toEqual({
      reference: expect.any(String),
      timeZone: 'America/Bogota',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Ana Pérez|ana@example\.com|\+573001112233/);
  });

  it('restricts rows to the creditors claim and requires a reporting role', async () => {
    const scoped = await r.get('/accounts', { creditors: ['other-bank'] });
    expect(scoped.body.items.map((x: { accountId: string }) => x.accountId)).toEqual([c.accountId]);
    expect(
      (await r.get('/portfolio/summary?creditorId=acme-bank', { creditors: ['other-bank'] })).status,
    ).toBe(403);
    expect((await r.get(`/accounts/${a.accountId}`, { creditors: ['other-bank'] })).status).toBe(404);
    expect(
      (await r.get(`/debtors/${a.debtorId}/timeline`, { creditors: ['other-bank'] })).body.items,
    ).toEqual([]);
    expect((await r.get('/accounts', { roles: ['agent'] })).status).toBe(403);
    for (const role of ['supervisor', 'compliance', 'admin'] as const)
      expect((await r.get('/accounts', { roles: [role] })).status).toBe(200);
  });

  it('changes nothing when a message is delivered again', async () => {
    const before = await dumpReadModels(db().pool);
    const again = paid(a, '2026-06-26', 'p-3', 1_000n);
    await r.ledgerBus.publish(TOPICS.ledger, [again]);
    await r.runner.caughtUp();
    const once = await dumpReadModels(db().pool);
    expect(once.collections_daily).not.toEqual(before.collections_daily);
    await r.ledgerBus.publish(TOPICS.ledger, [again, again]);
    await r.runner.caughtUp();
    expect(await dumpReadModels(db().pool)).toEqual(once);
  });

  it('reports lag per projection in /health/ready and /metrics', async () => {
    const ready = await r.get('/health/ready');
    expect(ready.body.details.projections).toMatchObject({
      portfolio: { lag: 0, status: 'up' },
      debtor_timeline: { lag: 0, status: 'up' },
    });
    const metrics = await r.get('/metrics');
    expect(metrics.text).toMatch(
      /cartera_reporting_projection_lag\{projection="portfolio",service="reporting"\} 0/,
    );
  });
});
