import { useTestDatabase } from '@cartera/testing';
import {
  account,
  Account,
  paymentPosted,
  paymentReversed,
  startNegotiation,
} from '../testing/negotiation-harness';

// The default rule: kept at 95 % within 3 tolerance days, partially kept from 25 %.
describe('promises decided from ledger payments over the real bus', () => {
  const db = useTestDatabase();
  let n: Awaited<ReturnType<typeof startNegotiation>>;
  beforeAll(async () => {
    n = await startNegotiation(db().url);
  });
  afterAll(() => n?.close());

  const promise = async (a: Account, amountMinor = '20000', dueOn = '2026-12-10') => {
    const res = await n
      .http()
      .post('/promises')
      .set('Authorization', `Bearer ${await n.token(['agent'])}`)
      .send({ ...a, amountMinor, dueOn, channel: 'phone' });
    expect(res.status).toBe(201);
    await n.background.caughtUp();
    return res.body.promiseId as string;
  };
  const view = async (id: string) =>
    (
      await n
        .http()
        .get(`/promises/${id}`)
        .set('Authorization', `Bearer ${await n.token(['agent'])}`)
    ).body;

  it('keeps a promise paid in full, and says so on negotiation.events', async () => {
    const a = account();
    const id = await promise(a);
    await n.publishLedger(paymentPosted(a, 'psp-1', 200_00n, '2026-12-09'));
    expect(await view(id)).toMatchObject({ status: 'kept', paidMinor: '20000', decidedOn: '2026-12-09' });
    expect(await n.messagesOf(id)).toEqual(['PromiseMade', 'PromiseKept']);
  });

  it('records a redelivered payment once', async () => {
    const a = account();
    const id = await promise(a);
    const message = paymentPosted(a, 'psp-2', 50_00n, '2026-12-09');
    await n.publishLedger(message);
    await n.publishLedger(message);
    await n.publishLedger({ ...message, messageId: crypto.randomUUID() });
    expect(await view(id)).toMatchObject({ status: 'open', paidMinor: '5000' });
  });

  it('partially keeps a promise paid in part, at the daily check after the tolerance days', async () => {
    const a = account();
    const id = await promise(a);
    await n.publishLedger(paymentPosted(a, 'psp-3', 100_00n, '2026-12-12'));
    expect((await n.background.checkPromises('2026-12-13')).decided).toBe(0);
    await n.background.checkPromises('2026-12-14');
    await n.background.caughtUp();
    expect(await view(id)).toMatchObject({
      status: 'partially_kept',
      paidMinor: '10000',
      decidedOn: '2026-12-14',
    });
    expect(await n.messagesOf(id)).toEqual(['PromiseMade', 'PromisePartiallyKept']);
  });

  it('breaks a promise with no payment at the daily check', async () => {
    const a = account();
    const id = await promise(a);
    await n.background.checkPromises('2026-12-14');
    await n.background.checkPromises('2026-12-15');
    await n.background.caughtUp();
    expect(await view(id)).toMatchObject({ status: 'broken', paidMinor: '0', decidedOn: '2026-12-14' });
    expect(await n.messagesOf(id)).toEqual(['PromiseMade', 'PromiseBroken']);
  });

  it('re-opens a kept promise whose payment the ledger reverses, then breaks it at the check', async () => {
    const a = account();
    const id = await promise(a);
    await n.publishLedger(paymentPosted(a, 'psp-4', 200_00n, '2026-12-08'));
    await n.publishLedger(paymentReversed(a, 'psp-4', 200_00n, '2026-12-11'));
    expect(await view(id)).toMatchObject({ status: 'open', paidMinor: '0', decidedOn: null });
    await n.background.checkPromises('2026-12-14');
    await n.background.caughtUp();
    expect(await view(id)).toMatchObject({ status: 'broken' });
    expect(await n.messagesOf(id)).toEqual([
      'PromiseMade',
      'PromiseKept',
      'PromiseReopened',
      'PromiseBroken',
    ]);
  });
});
