import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@cartera/contracts';
import { createPostgresBus } from '@cartera/messaging/postgres';
import type { ReceivedMessage } from '@cartera/messaging';
import { createApp, signDevToken } from '@cartera/platform';
import type { Role } from '@cartera/platform';
import { eventually, useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { LedgerBackground } from '../ledger.background';
import { LedgerModule } from '../ledger.module';
import { placement, SYSTEM_CTX } from '../testing/ledger-fixtures';
import { AccountsCommands } from './accounts.commands';

describe('ledger accounts over HTTP', () => {
  let app: INestApplication;
  afterAll(() => app?.close()); // before the database's own hooks: the app's subscriptions let go first
  const db = useTestDatabase();
  let http: ReturnType<typeof request>;
  const token = (role: Role, creditors?: string[]) =>
    signDevToken({ roles: [role], sub: `${role}-1`, ...(creditors ? { creditors } : {}) });
  const as = async (role: Role, creditors?: string[]) => `Bearer ${await token(role, creditors)}`;
  const settled = () => app.get(LedgerBackground).projectionCaughtUp();
  const place = async (ref: string, overrides = {}) => {
    const cmd = placement(ref, overrides);
    await app.get(AccountsCommands).handle(cmd.data.accountId, cmd, SYSTEM_CTX);
    return cmd.data.accountId;
  };
  const payment = (paymentId: string, amountMinor = '5000') => ({
    paymentId,
    amountMinor,
    currency: 'COP',
    paidAt: '2026-02-01T15:00:00Z',
    channel: 'card',
  });

  beforeAll(async () => {
    app = await createApp(LedgerModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
    http = request(app.getHttpServer());
  });

  it('answers 401 without a token and 403 for a role that may not act', async () => {
    const id = await place('AUTH-1');
    expect((await http.get(`/accounts/${id}`)).status).toBe(401);
    const adjust = await http
      .post(`/accounts/${id}/adjustments`)
      .set('Authorization', await as('agent'))
      .send({ adjustmentId: 'a1', delta: { fees: '-100' }, currency: 'COP', reason: 'waiver' });
    expect(adjust.status).toBe(403);
    expect(adjust.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await http.get(`/accounts/${id}/events`).set('Authorization', await as('agent'))).status).toBe(
      403,
    );
    expect(
      (
        await http
          .post(`/accounts/${id}/write-off`)
          .set('Authorization', await as('agent'))
          .send({})
      ).status,
    ).toBe(403);
  });

  it('refuses invalid payments with 400 problem+json naming the fields', async () => {
    const id = await place('VAL-1');
    const res = await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send({
        paymentId: 'p',
        amountMinor: '12.50',
        currency: 'XXQ',
        paidAt: 'yesterday',
        channel: 'pigeon',
        extra: 1,
      });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['amountMinor', 'channel', 'currency', 'extra', 'paidAt']);
    const asNumber = await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send({ ...payment('p'), amountMinor: 5000 });
    expect(asNumber.status).toBe(400);
    expect(asNumber.body.errors.map((e: { field: string }) => e.field)).toEqual(['amountMinor']);
    expect(
      (
        await http
          .post('/accounts/not-a-uuid/payments')
          .set('Authorization', await as('agent'))
          .send(payment('p'))
      ).status,
    ).toBe(400);
  });

  it('posts a payment by the waterfall; a retry answers 200 with the same account and posts nothing', async () => {
    const id = await place('PAY-1');
    const first = await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send(payment('psp-1'));
    expect(first.status).toBe(201);
    // 50.00 pays fees 15.00, interest 20.00, then 15.00 of principal.
    expect(first.body.balance).toEqual({ principal: '98500', interest: '0', fees: '0' });
    const retry = await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send(payment('psp-1'));
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    await settled();
    const view = await http.get(`/accounts/${id}`).set('Authorization', await as('agent'));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      balance: { principal: '98500', interest: '0', fees: '0' },
      totalMinor: '98500',
      status: 'active',
      currency: 'COP',
    });
    const events = await http.get(`/accounts/${id}/events`).set('Authorization', await as('compliance'));
    expect(events.body.filter((e: { type: string }) => e.type === 'PaymentPosted')).toHaveLength(1);
    expect(events.body[1].data).toMatchObject({
      paymentId: 'psp-1',
      amount: '5000',
      allocation: { fees: '1500', interest: '2000', principal: '1500' },
    });
  });

  it('reverses exactly the allocation, once', async () => {
    const id = await place('REV-1');
    await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send(payment('psp-r', '110000'));
    const reversed = await http
      .post(`/accounts/${id}/payments/psp-r/reversal`)
      .set('Authorization', await as('supervisor'))
      .send({ reason: 'chargeback' });
    expect(reversed.status).toBe(201);
    // The payment had closed the account (paid in full, 65.00 to credit): the reversal reopens it.
    expect(reversed.body).toMatchObject({
      balance: { principal: '100000', interest: '2000', fees: '1500' },
      creditMinor: '0',
      status: 'active',
    });
    // A retry of the same reversal changes nothing (200, same balance); a different one is refused.
    const retry = await http
      .post(`/accounts/${id}/payments/psp-r/reversal`)
      .set('Authorization', await as('supervisor'))
      .send({ reason: 'chargeback' });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ balance: reversed.body.balance, status: 'active' });
    const again = await http
      .post(`/accounts/${id}/payments/psp-r/reversal`)
      .set('Authorization', await as('supervisor'))
      .send({ reason: 'insufficient_funds' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, code: 'payment_already_reversed' });
    const unknown = await http
      .post(`/accounts/${id}/payments/nope/reversal`)
      .set('Authorization', await as('supervisor'))
      .send({ reason: 'other' });
    expect(unknown.body.code).toBe('unknown_payment');
  });

  it('adjusts (supervisor), refuses a component below zero, writes off and then refuses payments', async () => {
    const id = await place('WO-1');
    const waiver = await http
      .post(`/accounts/${id}/adjustments`)
      .set('Authorization', await as('supervisor'))
      .send({ adjustmentId: 'adj-1', delta: { fees: '-1500' }, currency: 'COP', reason: 'waiver' });
    expect(waiver.status).toBe(201);
    expect(waiver.body.balance.fees).toBe('0');
    const below = await http
      .post(`/accounts/${id}/adjustments`)
      .set('Authorization', await as('supervisor'))
      .send({ adjustmentId: 'adj-2', delta: { interest: '-2001' }, currency: 'COP', reason: 'correction' });
    expect(below.status).toBe(409);
    expect(below.body.code).toBe('adjustment_below_zero');
    const off = await http
      .post(`/accounts/${id}/write-off`)
      .set('Authorization', await as('supervisor'))
      .send({ reason: 'uncollectable' });
    expect(off.status).toBe(201);
    expect(off.body).toMatchObject({ status: 'closed', closureReason: 'written_off' });
    const late = await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send(payment('psp-late'));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('account_closed');
  });

  it('recalls an account: it closes and payments are refused as recalled', async () => {
    const id = await place('REC-1');
    const recalled = await http
      .post(`/accounts/${id}/recall`)
      .set('Authorization', await as('admin'))
      .send({});
    expect(recalled.status).toBe(201);
    expect(recalled.body).toMatchObject({ status: 'closed', closureReason: 'recalled' });
    const late = await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send(payment('psp-x'));
    expect(late.body.code).toBe('account_recalled');
  });

  it('hides accounts of other creditors and unknown ones (404)', async () => {
    const id = await place('SCOPE-1', { creditorId: 'other-bank' });
    await settled();
    const unknown = '0190f5a4-7c1e-7b3a-9d2e-1f2a3b4c5d6e';
    expect((await http.get(`/accounts/${unknown}`).set('Authorization', await as('agent'))).status).toBe(404);
    expect(
      (
        await http
          .post(`/accounts/${unknown}/payments`)
          .set('Authorization', await as('agent'))
          .send(payment('p'))
      ).status,
    ).toBe(404);
    expect(
      (await http.get(`/accounts/${id}`).set('Authorization', await as('agent', ['acme-bank']))).status,
    ).toBe(404);
    expect(
      (
        await http
          .post(`/accounts/${id}/payments`)
          .set('Authorization', await as('agent', ['acme-bank']))
          .send(payment('p'))
      ).status,
    ).toBe(404);
    expect(
      (await http.get(`/accounts/${id}`).set('Authorization', await as('agent', ['other-bank']))).status,
    ).toBe(200);
  });

  it('verifies an account’s hash chain for compliance, naming the first event changed after it was stored', async () => {
    const id = await place('CHAIN-1', { creditorId: 'chain-bank' });
    await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send(payment('psp-chain-1', '1000'));
    await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send(payment('psp-chain-2', '1000'));
    const integrity = async (role: Role, creditors?: string[]) =>
      http.get(`/accounts/${id}/integrity`).set('Authorization', await as(role, creditors));
    const { rows } = await db().pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ledger.es_events WHERE stream_id = $1`,
      [`account-${id}`],
    );

    const intact = await integrity('compliance');
    expect(intact.status).toBe(200);
    expect(intact.body).toMatchObject({
      accountId: id,
      intact: true,
      eventsChecked: rows[0].n,
      brokenAtVersion: null,
      reason: null,
    });
    expect((await integrity('agent')).status).toBe(403);
    expect((await integrity('compliance', ['acme-bank'])).status).toBe(404);

    // Someone with database access edits the first payment after the fact.
    const {
      rows: [paid],
    } = await db().pool.query<{ v: string }>(
      `SELECT min(stream_version)::text AS v FROM ledger.es_events WHERE stream_id = $1 AND type = 'PaymentPosted'`,
      [`account-${id}`],
    );
    await db().pool.query(
      `UPDATE ledger.es_events SET metadata = '{"actor":{"id":"nobody","kind":"user"}}' WHERE stream_id = $1 AND stream_version = $2`,
      [`account-${id}`, paid.v],
    );
    const broken = await integrity('compliance', ['chain-bank']);
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({
      accountId: id,
      intact: false,
      brokenAtVersion: Number(paid.v),
      reason: expect.stringMatching(/hash mismatch/),
    });
    const documented = (await http.get('/docs/json')).body.paths['/accounts/{id}/integrity']?.get;
    expect(documented?.responses?.['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/AccountIntegrityDto',
    });
  });

  it('lists accounts with filters and cursor pagination', async () => {
    for (const ref of ['LIST-1', 'LIST-2', 'LIST-3']) await place(ref, { creditorId: 'list-bank' });
    await settled();
    const auth = await as('analyst');
    const first = await http
      .get('/accounts')
      .query({ creditorId: 'list-bank', limit: 2 })
      .set('Authorization', auth);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await http
      .get('/accounts')
      .query({ creditorId: 'list-bank', limit: 2, cursor: first.body.nextCursor })
      .set('Authorization', auth);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const refs = [...first.body.items, ...second.body.items]
      .map((a: { creditorAccountRef: string }) => a.creditorAccountRef)
      .sort();
    expect(refs).toEqual(['LIST-1', 'LIST-2', 'LIST-3']);
    const closed = await http
      .get('/accounts')
      .query({ creditorId: 'list-bank', status: 'closed' })
      .set('Authorization', auth);
    expect(closed.body.items).toEqual([]);
    expect((await http.get('/accounts').query({ limit: 0 }).set('Authorization', auth)).status).toBe(400);
    const scoped = await http
      .get('/accounts')
      .query({ creditorId: 'list-bank' })
      .set('Authorization', await as('analyst', ['acme-bank']));
    expect(scoped.body.items).toEqual([]);
  });

  it('publishes the contract messages, BalanceChanged after each balance change, keyed by debtor', async () => {
    const id = await place('PUB-1', { creditorId: 'pub-bank' });
    await http
      .post(`/accounts/${id}/payments`)
      .set('Authorization', await as('agent'))
      .send(payment('psp-pub'));
    await http
      .post(`/accounts/${id}/write-off`)
      .set('Authorization', await as('supervisor'))
      .send({});
    const bus = createPostgresBus({ connectionString: db().url });
    const seen: ReceivedMessage[] = [];
    const consumer = bus.subscribe({
      topics: [TOPICS.ledger],
      group: 'ledger-test',
      policy: { kind: 'dead-letter', maxAttempts: 1 },
      handler: async (m) => void seen.push(m),
    });
    try {
      const mine = () => seen.filter((m) => (m.payload as { accountId: string }).accountId === id);
      await eventually(() => mine().some((m) => m.type === 'AccountClosed'), {
        what: 'AccountClosed on the bus',
      });
      expect(mine().map((m) => m.type)).toEqual([
        'AccountPlaced',
        'PaymentPosted',
        'BalanceChanged',
        'AccountWrittenOff',
        'AccountClosed',
      ]);
      const changed = mine().find((m) => m.type === 'BalanceChanged');
      expect(changed?.payload).toMatchObject({
        cause: 'PaymentPosted',
        balance: { principal: '98500', interest: '0', fees: '0' },
        totalMinor: '98500',
        delta: { principal: '-1500', interest: '-2000', fees: '-1500' },
        creditorId: 'pub-bank',
        currency: 'COP',
      });
      expect(new Set(mine().map((m) => m.key)).size).toBe(1);
      expect(mine()[0].key).toBe((mine()[0].payload as { debtorId: string }).debtorId);
    } finally {
      await consumer.stop();
      await bus.close();
    }
  });
});
