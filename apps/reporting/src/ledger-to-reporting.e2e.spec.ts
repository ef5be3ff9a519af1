import type { INestApplication } from '@nestjs/common';
import { CE_HEADERS, TOPICS } from '@cartera/contracts';
import { createApp, signDevToken, type Role } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { Temporal } from 'temporal-polyfill';
// An e2e test drives both apps in one process (apps have no path alias, so the boundary rule is waived here only).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { accountIdOf } from '../../ledger/src/accounts/account-ids';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgingJob } from '../../ledger/src/accounts/aging.job';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LedgerBackground } from '../../ledger/src/ledger.background';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LedgerModule } from '../../ledger/src/ledger.module';
import { dumpReadModels, startReporting } from './testing/reporting-harness';

const HEADER =
  'creditorId,creditorAccountRef,debtorReference,fullName,emails,phones,timeZone,currency,principalMinor,interestMinor,feesMinor,originatedOn,firstUnpaidDueDate,product';
// Days counted in the debtors' own zone (Bogotá and Lima are both UTC−5), as the ledger ages them.
const daysAgo = (n: number) => Temporal.Now.plainDateISO('America/Bogota').subtract({ days: n }).toString();

type LedgerView = {
  accountId: string;
  creditorId: string;
  currency: string;
  balance: Record<string, string>;
  totalMinor: string;
  status: string;
  closureReason: string | null;
  bucket: string | null;
};

describe('ledger → reporting, end to end on one database', () => {
  let ledger: INestApplication;
  let r: Awaited<ReturnType<typeof startReporting>>;
  // Before the database's own hook: the apps let go of their connections first.
  afterAll(async () => {
    await r?.close();
    await ledger?.close();
  });
  const db = useTestDatabase();
  const as = async (role: Role) => `Bearer ${await signDevToken({ roles: [role] })}`;
  const ids = {
    overdue: accountIdOf('e2e-bank', 'E2E-1'),
    recent: accountIdOf('e2e-bank', 'E2E-2'),
    other: accountIdOf('e2e-other', 'E2E-3'),
  };
  const settled = async () => {
    await ledger.get(LedgerBackground).caughtUp();
    await r.runner.caughtUp();
  };
  const ledgerView = async (id: string): Promise<LedgerView> =>
    (
      await request(ledger.getHttpServer())
        .get(`/accounts/${id}`)
        .set('Authorization', await as('analyst'))
    ).body;

  beforeAll(async () => {
    ledger = await createApp(LedgerModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
    r = await startReporting(db().url);
    const http = request(ledger.getHttpServer());
    const csv = [
      HEADER,
      `e2e-bank,E2E-1,D-1,Ana Pérez,ana@example.com,+573001112233,America/Bogota,COP,100000,2000,1500,2024-01-15,${daysAgo(45)},card`,
      `e2e-bank,E2E-2,D-2,Luis Gómez,luis@example.com,,America/Bogota,COP,50000,0,0,2024-01-15,${daysAgo(10)},loan`,
      `e2e-other,E2E-3,D-3,Eva Ruiz,eva@example.com,,America/Lima,COP,7000,0,0,2024-01-15,${daysAgo(100)},card`,
    ].join('\n');
    const placed = await http
      .post('/placements')
      .set('Authorization', await as('supervisor'))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(placed.status).toBe(201);
    const pay = async (id: string, paymentId: string, amountMinor: string, channel: string) =>
      expect(
        (
          await http
            .post(`/accounts/${id}/payments`)
            .set('Authorization', await as('agent'))
            .send({ paymentId, amountMinor, currency: 'COP', paidAt: new Date().toISOString(), channel })
        ).status,
      ).toBe(201);
    await pay(ids.overdue, 'psp-1', '5000', 'card');
    await pay(ids.recent, 'psp-2', '50000', 'bank_transfer');
    expect(
      (
        await http
          .post(`/accounts/${ids.overdue}/payments/psp-1/reversal`)
          .set('Authorization', await as('supervisor'))
          .send({ reason: 'chargeback' })
      ).status,
    ).toBe(201);
    await ledger.get(LedgerBackground).projectionCaughtUp();
    await ledger.get(AgingJob).run(new Date()); // nothing moves today: placement aged every account already
    await settled();
  });

  it('shows every account as the ledger has it: balance by component, status, bucket, payments', async () => {
    for (const id of Object.values(ids)) {
      const l = await ledgerView(id);
      const rep = (await r.get(`/accounts/${id}`)).body;
      expect(rep).toMatchObject({
        creditorId: l.creditorId,
        currency: l.currency,
        principalMinor: l.balance.principal,
        interestMinor: l.balance.interest,
        feesMinor: l.balance.fees,
        balanceMinor: l.totalMinor,
        status: l.status === 'active' ? 'active' : l.closureReason,
        bucket: l.bucket ?? 'unaged',
      });
    }
    expect((await r.get(`/accounts/${ids.overdue}`)).body).toMatchObject({
      totalPaidMinor: '0',
      bucket: '31-60',
      daysPastDue: 45,
    });
    expect((await r.get(`/accounts/${ids.recent}`)).body).toMatchObject({
      totalPaidMinor: '50000',
      status: 'paid_in_full',
      balanceMinor: '0',
    });
  });

  it('summarises the portfolio exactly as the ledger accounts add up, and asOf today equals it', async () => {
    const views = await Promise.all(Object.values(ids).map(ledgerView));
    const expected = new Map<string, { accountCount: number; balance: bigint }>();
    for (const v of views) {
      const k = [
        v.creditorId,
        v.currency,
        v.bucket ?? 'unaged',
        v.status === 'active' ? 'active' : v.closureReason,
      ].join('|');
      const s = expected.get(k) ?? { accountCount: 0, balance: 0n };
      expected.set(k, { accountCount: s.accountCount + 1, balance: s.balance + BigInt(v.totalMinor) });
    }
    const live = (await r.get('/portfolio/summary')).body;
    const got = new Map(
      live.items.map((i: Record<string, string | number>) => [
        [i.creditorId, i.currency, i.bucket, i.status].join('|'),
        { accountCount: i.accountCount, balance: BigInt(i.balanceMinor) },
      ]),
    );
    expect(got).toEqual(expected);
    const today = new Date().toISOString().slice(0, 10);
    expect((await r.get(`/portfolio/summary?asOf=${today}`)).body).toEqual(live);
  });

  it('series the payments and the reversal by channel, and the bucket movements of the aging', async () => {
    const range = `from=${daysAgo(2)}&to=${daysAgo(-2)}`;
    expect((await r.get(`/collections?${range}&groupBy=channel`)).body.items).toEqual([
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
        grossMinor: '5000',
        reversalCount: 1,
        reversedMinor: '5000',
        netMinor: '0',
      },
    ]);
    const moves = (await r.get(`/bucket-movements?${range}`)).body.items.map((m: Record<string, unknown>) => [
      m.creditorId,
      m.fromBucket,
      m.toBucket,
      m.accountCount,
    ]);
    // The ledger ages an account as it is placed (its first DelinquencyBucketChanged, from null).
    expect(moves).toEqual([
      ['e2e-bank', 'unaged', '1-30', 1],
      ['e2e-bank', 'unaged', '31-60', 1],
      ['e2e-other', 'unaged', '91-120', 1],
    ]);
  });

  it('keeps the debtor timeline of every ledger event in order, without personal data', async () => {
    const { body } = await r.get(
      `/debtors/${(await r.get(`/accounts/${ids.overdue}`)).body.debtorId}/timeline`,
    );
    expect(body.items.map((e: { type: string }) => e.type)).toEqual([
      'AccountPlaced',
      'DelinquencyBucketChanged',
      'PaymentPosted',
      'BalanceChanged',
      'PaymentReversed',
      'BalanceChanged',
    ]);
    expect(body.items.every((e: { source: string }) => e.source === 'ledger')).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/Ana Pérez|ana@example\.com/);
  });

  it('changes nothing when the ledger’s messages are delivered again, and a rebuild yields the same tables', async () => {
    const before = await dumpReadModels(db().pool);
    const { rows } = await db().pool.query<{
      key: string;
      headers: Record<string, string>;
      payload: unknown;
    }>(`SELECT key, headers, payload FROM bus.messages WHERE topic = $1 ORDER BY partition, "offset"`, [
      TOPICS.ledger,
    ]);
    await r.ledgerBus.publish(
      TOPICS.ledger,
      rows.map((m) => ({
        key: m.key,
        messageId: m.headers[CE_HEADERS.id],
        type: m.headers[CE_HEADERS.type],
        schemaVersion: 1,
        payload: m.payload,
        occurredAt: m.headers[CE_HEADERS.time],
      })),
    );
    await r.runner.caughtUp();
    expect(await dumpReadModels(db().pool)).toEqual(before);
    for (const name of ['portfolio', 'debtor_timeline'])
      expect((await r.post(`/admin/projections/${name}/rebuild?wait=true`)).body.state).toBe('done');
    expect(await dumpReadModels(db().pool)).toEqual(before);
  });
});
