import { randomUUID } from 'node:crypto';
import type { EventStore } from '@cartera/eventstore';
import { useTestDatabase } from '@cartera/testing';
import { NEGOTIATION_STORE } from '../negotiation.infrastructure';
import { account, startNegotiation } from '../testing/negotiation-harness';

describe('plan schedule preview over HTTP', () => {
  const db = useTestDatabase();
  let n: Awaited<ReturnType<typeof startNegotiation>>;
  beforeAll(async () => {
    n = await startNegotiation(db().url);
  });
  afterAll(() => n?.close());

  const preview = async (terms: object, creditors?: string[]) =>
    n
      .http()
      .post('/plans/preview')
      .set('Authorization', `Bearer ${await n.token(['negotiator'], creditors)}`)
      .send({ creditorId: 'acme-bank', currency: 'USD', frequency: 'monthly', ...terms });

  it('previews an amortised monthly schedule that falls on month ends', async () => {
    const res = await preview({
      principalMinor: '100000',
      firstDueOn: '2027-01-31',
      instalments: 12,
      annualRateBps: 1200,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      totalMinor: '106619',
      regularAmountMinor: '8884',
      interestMinor: '6619',
    });
    expect(res.body.instalments.slice(0, 2).map((i: { dueOn: string }) => i.dueOn)).toEqual([
      '2027-01-31',
      '2027-02-28',
    ]);
  });

  it('puts the down payment first', async () => {
    const res = await preview({
      principalMinor: '100000',
      firstDueOn: '2027-01-15',
      frequency: 'weekly',
      instalmentAmountMinor: '30000',
      downPaymentMinor: '10000',
      downPaymentDueOn: '2027-01-08',
    });
    expect(res.body.instalments.map((i: { amountMinor: string }) => i.amountMinor)).toEqual([
      '10000',
      '30000',
      '30000',
      '30000',
    ]);
  });

  it('names the failing fields: shapes with 400, rules with 409', async () => {
    const shape = await preview({ principalMinor: '-5', firstDueOn: '2027-02-30', frequency: 'daily' });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'firstDueOn',
      'frequency',
      'instalments',
      'principalMinor',
    ]);
    const rule = await preview({
      principalMinor: '100000',
      firstDueOn: '2027-01-31',
      instalments: 2,
      downPaymentMinor: '100000',
      downPaymentDueOn: '2027-01-15',
    });
    expect(rule.status).toBe(409);
    expect(rule.body).toMatchObject({ code: 'invalid_terms' });
    expect(rule.body.detail).toMatch(/downPayment.amount/);
  });

  it('is creditor-scoped', async () => {
    const res = await preview({ principalMinor: '100000', firstDueOn: '2027-01-31', instalments: 3 }, [
      'other-bank',
    ]);
    expect(res.status).toBe(404);
  });
});

describe('agreeing a plan over HTTP', () => {
  const db = useTestDatabase();
  let n: Awaited<ReturnType<typeof startNegotiation>>;
  beforeAll(async () => {
    n = await startNegotiation(db().url);
  });
  afterAll(() => n?.close());

  const agree = async (payload: object, creditors?: string[]) =>
    n
      .http()
      .post('/plans')
      .set('Authorization', `Bearer ${await n.token(['agent'], creditors)}`)
      .send(payload);
  const plan = (planId = randomUUID()) => ({
    ...account(),
    planId,
    principalMinor: '30000',
    firstDueOn: '2027-01-31',
    frequency: 'monthly',
    instalments: 3,
  });

  it('agrees a plan on plan-<id> under the missed-instalment policy in effect; a retry answers 200', async () => {
    const payload = plan();
    const first = await agree(payload);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'active',
      policyVersion: 'default-missed-1',
      totalMinor: '30000',
    });
    expect(first.body.instalments.map((i: { dueOn: string }) => i.dueOn)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
    ]);
    expect((await agree(payload)).status).toBe(200);
    const store = n.app.get<EventStore>(NEGOTIATION_STORE);
    expect((await store.readStream(`plan-${payload.planId}`)).map((e) => e.type)).toEqual(['PlanAgreed']);
  });

  it('refuses a plan for another creditor (404)', async () =>
    expect((await agree({ ...plan(), creditorId: 'acme-bank' }, ['other-bank'])).status).toBe(404));
});
