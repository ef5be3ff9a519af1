import type { Decider } from '@cartera/decider';
import { useTestDatabase } from '@cartera/testing';
import { eventIdsFromMessage } from './event-ids';
import { handleCommand } from './handle-command';
import { createPostgresEventStore, PostgresEventStore } from './postgres/postgres-event-store';

type Account = { balance: bigint; paymentIds: string[] };
type PostPayment = { type: 'PostPayment'; data: { paymentId: string; amount: bigint } };
type PaymentPosted = { type: 'PaymentPosted'; data: { paymentId: string; amount: bigint } };

const account: Decider<Account, PostPayment, PaymentPosted> = {
  initialState: () => ({ balance: 0n, paymentIds: [] }),
  evolve: (s, e) => ({ balance: s.balance + e.data.amount, paymentIds: [...s.paymentIds, e.data.paymentId] }),
  decide: (c, s) =>
    s.paymentIds.includes(c.data.paymentId) ? [] : [{ type: 'PaymentPosted', data: c.data }],
};
const pay = (paymentId: string, amount: bigint): PostPayment => ({
  type: 'PostPayment',
  data: { paymentId, amount },
});

const db = useTestDatabase('es_handle');

describe('handleCommand', () => {
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await createPostgresEventStore({ pool: db().pool, schema: 'handle' });
  });
  afterAll(() => store?.close());

  it('reads, folds, decides and appends with the folded version, passing metadata and business time', async () => {
    const occurredAt = new Date('2026-05-01T12:00:00Z');
    const first = await handleCommand(store, 'account-1', account, pay('p1', 1000n), {
      metadata: { correlationId: 'c1' },
      occurredAt,
    });
    expect(first).toEqual({
      newEvents: [{ type: 'PaymentPosted', data: { paymentId: 'p1', amount: 1000n } }],
      newState: { balance: 1000n, paymentIds: ['p1'] },
      nextExpectedVersion: 0,
    });
    const second = await handleCommand(store, 'account-1', account, pay('p2', 1n));
    expect(second.newState.balance).toBe(1001n);
    expect(second.nextExpectedVersion).toBe(1);
    const [stored] = await store.readStream('account-1');
    expect(stored).toMatchObject({ metadata: { correlationId: 'c1' }, occurredAt });
  });

  it('decides nothing for a command already applied and leaves the version', async () => {
    await handleCommand(store, 'account-2', account, pay('p1', 5n));
    const again = await handleCommand(store, 'account-2', account, pay('p1', 5n));
    expect(again).toEqual({
      newEvents: [],
      newState: { balance: 5n, paymentIds: ['p1'] },
      nextExpectedVersion: 0,
    });
  });

  it('retries after losing a race, deciding again on the new state', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        handleCommand(store, 'account-3', account, pay(`p${i}`, 10n), { maxRetries: 10 }),
      ),
    );
    expect(results.map((r) => r.nextExpectedVersion).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const events = await store.readStream('account-3');
    expect(events.map((e) => e.streamVersion)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Math.max(...results.map((r) => Number(r.newState.balance)))).toBe(60);
  });

  it('sixteen concurrent writers on one stream all succeed with the default retries', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => handleCommand(store, 'account-5', account, pay(`p${i}`, 1n))),
    );
    expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 16 }, (_, i) => i),
    );
    expect((await store.readStream('account-5')).map((e) => e.data)).toHaveLength(16);
  });

  it('with maxRetries 0 the losing writer sees the conflict', async () => {
    await handleCommand(store, 'account-6', account, pay('p0', 1n));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        handleCommand(store, 'account-6', account, pay(`q${i}`, 1n), { maxRetries: 0 }),
      ),
    );
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((o) => (o as PromiseRejectedResult).reason.name === 'WrongExpectedVersion')).toBe(
      true,
    );
  });

  it('with ids derived from the message id, a redelivered message appends nothing twice', async () => {
    const notIdempotent: typeof account = {
      ...account,
      decide: (c) => [{ type: 'PaymentPosted', data: c.data }],
    };
    const ids = eventIdsFromMessage('msg-42');
    await handleCommand(store, 'account-4', notIdempotent, pay('p1', 7n), { eventIds: ids });
    await handleCommand(store, 'account-4', notIdempotent, pay('p1', 7n), { eventIds: ids });
    const events = await store.readStream('account-4');
    expect(events).toHaveLength(1);
    expect(events[0].id).toBe(ids(0));
  });
});
