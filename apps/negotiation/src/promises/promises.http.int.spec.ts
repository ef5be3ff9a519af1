import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@cartera/testing';
import { account, startNegotiation } from '../testing/negotiation-harness';

describe('promises over HTTP', () => {
  const db = useTestDatabase();
  let n: Awaited<ReturnType<typeof startNegotiation>>;
  beforeAll(async () => {
    n = await startNegotiation(db().url);
  });
  afterAll(() => n?.close());

  const body = (overrides: object = {}) => ({
    ...account(),
    amountMinor: '20000',
    dueOn: '2026-12-10',
    channel: 'phone',
    ...overrides,
  });
  const post = async (
    payload: object,
    roles: Parameters<typeof n.token>[0] = ['agent'],
    creditors?: string[],
  ) =>
    n
      .http()
      .post('/promises')
      .set('Authorization', `Bearer ${await n.token(roles, creditors)}`)
      .send(payload);

  it('makes a promise under the rule in effect and answers a retry with 200', async () => {
    const payload = body({ promiseId: randomUUID() });
    const first = await post(payload);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'open',
      deadline: '2026-12-13',
      ruleVersion: 'default-promise-1',
    });
    const again = await post(payload);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('refuses a different promise under the same id with 409 problem+json', async () => {
    const payload = body({ promiseId: randomUUID() });
    await post(payload);
    const res = await post({ ...payload, amountMinor: '1' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'already_exists' });
  });

  it('names every failing field with 400 problem+json', async () => {
    const res = await post(
      body({ amountMinor: '12.5', currency: 'XYZ', dueOn: '10/12/2026', channel: 'fax' }),
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'amountMinor',
      'channel',
      'currency',
      'dueOn',
    ]);
  });

  it('needs a token and a negotiating role', async () => {
    expect((await n.http().post('/promises').send(body())).status).toBe(401);
    expect((await post(body(), ['analyst'])).status).toBe(403);
  });

  it('hides another creditor’s promise (404), for reading and for making', async () => {
    const made = await post(body({ creditorId: 'acme-bank' }));
    await n.background.caughtUp();
    const other = await n.token(['agent'], ['other-bank']);
    const get = await n
      .http()
      .get(`/promises/${made.body.promiseId}`)
      .set('Authorization', `Bearer ${other}`);
    expect(get.status).toBe(404);
    expect((await post(body({ creditorId: 'acme-bank' }), ['agent'], ['other-bank'])).status).toBe(404);
    const own = await n
      .http()
      .get(`/promises/${made.body.promiseId}`)
      .set('Authorization', `Bearer ${await n.token(['supervisor'], ['acme-bank'])}`);
    expect(own.status).toBe(200);
  });

  it('uses the creditor’s own rule version once it is in effect', async () => {
    const rules = n.app.get((await import('../rules/creditor-rules')).CreditorRules);
    await rules.add('promise', 'strict-bank', {
      version: 'strict-2026-01',
      effectiveFrom: '2026-01-01',
      toleranceDays: 0,
      keptAtBps: 10_000,
      partiallyKeptAtBps: 5_000,
    });
    const res = await post(body({ creditorId: 'strict-bank' }));
    expect(res.body).toMatchObject({ ruleVersion: 'strict-2026-01', deadline: '2026-12-10' });
  });
});
