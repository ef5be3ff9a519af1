import type { INestApplication } from '@nestjs/common';
import { createApp, signDevToken } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { LedgerModule } from '../ledger.module';
import { placement, SYSTEM_CTX } from '../testing/ledger-fixtures';
import { AccountsCommands } from './accounts.commands';
import { CreditorPolicies } from './creditor-policies';

const SKEW_SECONDS = 60;
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('ledger: bounded business time and money over HTTP', () => {
  let app: INestApplication;
  afterAll(() => app?.close());
  const db = useTestDatabase();
  let token: string;

  beforeAll(async () => {
    app = await createApp(LedgerModule, {
      env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent', BUSINESS_TIME_SKEW_SECONDS: String(SKEW_SECONDS) },
    });
    token = `Bearer ${await signDevToken({ roles: ['supervisor'] })}`;
  });

  /** The fixture places 1,035.00 COP originated on 2023-01-15. */
  const place = async (ref: string, creditorId = 'bounds-bank') => {
    const cmd = placement(ref, { creditorId });
    await app.get(AccountsCommands).handle(cmd.data.accountId, cmd, SYSTEM_CTX);
    return cmd.data.accountId;
  };
  const pay = (id: string, body: Partial<Record<string, string>>) =>
    request(app.getHttpServer())
      .post(`/accounts/${id}/payments`)
      .set('Authorization', token)
      .send({
        paymentId: 'p-1',
        amountMinor: '5000',
        currency: 'COP',
        paidAt: inSeconds(0),
        channel: 'card',
        ...body,
      });
  const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field);

  it('refuses business times later than now plus the skew, naming the field (400)', async () => {
    const id = await place('TIME-1');
    const future = await pay(id, { paidAt: '2031-01-01T12:00:00Z' });
    expect([future.status, fieldsOf(future.body)]).toEqual([400, ['paidAt']]);
    expect(future.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await pay(id, { paidAt: inSeconds(10 * 60) })).status).toBe(400);
    expect((await pay(id, { paidAt: inSeconds(SKEW_SECONDS / 2) })).status).toBe(201);
    const writeOff = await request(app.getHttpServer())
      .post(`/accounts/${id}/write-off`)
      .set('Authorization', token)
      .send({ at: '2030-06-01T00:00:00Z' });
    expect([writeOff.status, fieldsOf(writeOff.body)]).toEqual([400, ['at']]);
  });

  it('refuses business times before the account’s origination, naming the field (400)', async () => {
    const id = await place('TIME-2');
    const early = await pay(id, { paidAt: '2023-01-14T12:00:00-05:00' });
    expect([early.status, fieldsOf(early.body)]).toEqual([400, ['paidAt']]);
    expect(early.body.errors[0].messages[0]).toMatch(/before the account's origination \(2023-01-15\)/);
    const adjustment = await request(app.getHttpServer())
      .post(`/accounts/${id}/adjustments`)
      .set('Authorization', token)
      .send({
        adjustmentId: 'adj-1',
        delta: { fees: '-100' },
        currency: 'COP',
        reason: 'waiver',
        appliedAt: '2020-01-01T00:00:00Z',
      });
    expect([adjustment.status, fieldsOf(adjustment.body)]).toEqual([400, ['appliedAt']]);
  });

  it('refuses 2^70 minor units and anything beyond the documented maximum (400), storing nothing', async () => {
    const id = await place('MONEY-1');
    const huge = await pay(id, { amountMinor: (2n ** 70n).toString() });
    expect([huge.status, fieldsOf(huge.body)]).toEqual([400, ['amountMinor']]);
    expect((await pay(id, { amountMinor: '1000000000000000' })).status).toBe(400);
    const delta = await request(app.getHttpServer())
      .post(`/accounts/${id}/adjustments`)
      .set('Authorization', token)
      .send({
        adjustmentId: 'adj-1',
        delta: { principal: '-1000000000000000' },
        currency: 'COP',
        reason: 'correction',
      });
    expect([delta.status, fieldsOf(delta.body)]).toEqual([400, ['delta.principal']]);
    const events = await db().pool.query('SELECT type FROM ledger.es_events WHERE stream_id = $1', [
      `account-${id}`,
    ]);
    expect(events.rows).toEqual([{ type: 'AccountPlaced' }]);
  });

  it('refuses an overpayment beyond the creditor’s tolerance (409) and accepts one within it', async () => {
    await app.get(CreditorPolicies).set('tolerant-bank', { overpaymentTolerance: 1_000n });
    const id = await place('OVER-1', 'tolerant-bank');
    const beyond = await pay(id, { amountMinor: String(103_500 + 1_001) });
    expect([beyond.status, beyond.body.code]).toEqual([409, 'overpayment_beyond_tolerance']);
    const within = await pay(id, { amountMinor: String(103_500 + 1_000) });
    expect([within.status, within.body.creditMinor, within.body.status]).toEqual([201, '1000', 'closed']);
  });
});
