import { randomUUID } from 'node:crypto';
import { ROLES } from '@cartera/platform';
import { walkAsAnotherCreditor } from '@cartera/platform/testing';
import { useTestDatabase } from '@cartera/testing';
import { account, startNegotiation } from './testing/negotiation-harness';

const OWNER = 'scope-owner-bank';

describe('negotiation: every route applies the caller’s creditor scope', () => {
  const db = useTestDatabase();
  let n: Awaited<ReturnType<typeof startNegotiation>>;
  afterAll(() => n?.close());
  const owned = account(OWNER);
  const promise = {
    ...owned,
    promiseId: randomUUID(),
    amountMinor: '20000',
    dueOn: '2026-12-10',
    channel: 'phone',
  };
  const plan = {
    ...owned,
    planId: randomUUID(),
    principalMinor: '30000',
    firstDueOn: '2027-01-31',
    frequency: 'monthly',
    instalments: 3,
  };
  const settlement = {
    ...owned,
    balance: { principalMinor: '80000', interestMinor: '15000', feesMinor: '5000' },
    settlementAmountMinor: '60000',
    form: 'lump_sum',
    dueOn: '2026-12-20',
    expiresOn: '2026-12-15',
  };
  let settlementId = '';

  beforeAll(async () => {
    n = await startNegotiation(db().url);
    const owner = `Bearer ${await n.token(['supervisor'], [OWNER])}`;
    await n.http().post('/promises').set('Authorization', owner).send(promise).expect(201);
    // Beyond the agent's limit: the offer waits for an approval, which the walk then tries.
    const offered = await n
      .http()
      .post('/settlements')
      .set('Authorization', `Bearer ${await n.token(['agent'], [OWNER])}`)
      .send(settlement);
    expect(offered.status).toBe(201);
    settlementId = offered.body.offerId;
  });

  const walk = async (creditors: string[] | undefined) =>
    walkAsAnotherCreditor(n.app, {
      token: await n.token([...ROLES], creditors),
      params: { id: promise.promiseId },
      secrets: [OWNER, owned.accountId, promise.promiseId],
      routes: {
        'POST /promises': { body: { ...promise, promiseId: randomUUID() } },
        'POST /plans/preview': {
          body: {
            creditorId: OWNER,
            currency: 'USD',
            frequency: 'monthly',
            principalMinor: '100000',
            firstDueOn: '2027-01-31',
            instalments: 12,
          },
        },
        'POST /plans': { body: plan },
        'POST /settlements': { body: settlement },
        'POST /settlements/{id}/approve': { params: { id: settlementId }, body: {} },
      },
    });

  it('answers another creditor on every documented route without any of the owner’s data', async () => {
    const probes = await walk(['scope-other-bank']);
    expect(probes.map((p) => [p.key, p.status])).toEqual([
      ['POST /promises', 404],
      ['GET /promises/{id}', 404],
      ['POST /plans/preview', 404],
      ['POST /plans', 404],
      ['POST /settlements', 404],
      ['POST /settlements/{id}/approve', 404],
    ]);
    expect(probes.filter((p) => p.leaked.length > 0)).toEqual([]);
  });

  it('the same walk unscoped sees the owner’s data (the walk can find a leak)', async () => {
    const leaking = (await walk(undefined)).filter((p) => p.leaked.length > 0).map((p) => p.key);
    expect(leaking).toEqual(expect.arrayContaining(['POST /promises', 'POST /settlements/{id}/approve']));
  });
});
