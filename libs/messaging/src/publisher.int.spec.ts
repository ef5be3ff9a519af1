import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@cartera/eventstore';
import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import { eventually, useTestDatabase } from '@cartera/testing';
import type { Bus } from './bus.port';
import { createPostgresBus, type PostgresBus } from './postgres';
import { startPublisher, type ContractMessage, type MappedEvent } from './publisher';
import { collect } from './testing';

// The event store is the outbox: a checkpointed subscription publishes what was committed.
const db = useTestDatabase('buspub');

type Posted = { debtorId: string; seq: number; amount: bigint };
const toContract = (e: RecordedEvent): ContractMessage | undefined => {
  if (e.type !== 'PaymentPosted') return undefined; // NoteAdded stays private to the service
  const d = e.data as Posted;
  return {
    key: d.debtorId,
    type: 'BusTestPing',
    schemaVersion: 1,
    payload: { debtorId: d.debtorId, seq: d.seq, amountMinor: String(d.amount), currency: 'EUR' },
  };
};
const toContracts = (events: readonly RecordedEvent[]): MappedEvent[] =>
  events.flatMap((event) => {
    const message = toContract(event);
    return message ? [{ event, message }] : [];
  });

const appendPayments = async (store: EventStore, from: number, count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let seq = from; seq < from + count; seq++) {
    const id = randomUUID();
    ids.push(id);
    await store.appendToStream(`account-${seq % 4}`, [
      {
        id,
        type: 'PaymentPosted',
        data: { debtorId: `debtor-${seq % 4}`, seq, amount: 1_000n + BigInt(seq) },
        metadata: { correlationId: `req-${seq}` },
      },
      { type: 'NoteAdded', data: { text: 'called the debtor' } },
    ]);
  }
  return ids;
};

describe('publisher: event store → bus', () => {
  let bus: PostgresBus;
  let store: EventStore;
  beforeAll(async () => {
    bus = createPostgresBus({ pool: db().pool, pollIntervalMs: 100 });
    store = await createPostgresEventStore({ pool: db().pool, schema: 'ledger' });
  });
  afterAll(async () => {
    await bus.close();
    await store.close();
  });

  it('publishes mapped events once, with message id = event id and key = debtor id, from one active instance', async () => {
    const topic = `ledger.events.${randomUUID().slice(0, 8)}`;
    const c = collect(bus, { topics: [topic], group: 'pub-test-1' });
    const one = startPublisher({ store, bus, name: `ledger-${topic}`, topic, map: toContracts });
    const two = startPublisher({ store, bus, name: `ledger-${topic}`, topic, map: toContracts }); // a second replica
    const ids = await appendPayments(store, 0, 12);
    await eventually(() => c.received.length === 12);
    expect(c.received.map((r) => r.message.messageId).sort()).toEqual([...ids].sort());
    const first = c.received.find((r) => r.message.messageId === ids[0]);
    expect(first?.message).toMatchObject({
      key: 'debtor-0',
      type: 'BusTestPing',
      payload: { seq: 0, amountMinor: '1000', currency: 'EUR' },
    });
    expect(first?.context.correlationId).toBe('req-0');
    const { rows } = await db().pool.query(`SELECT count(*)::int AS n FROM bus.messages WHERE topic = $1`, [
      topic,
    ]);
    expect(rows[0].n).toBe(12); // the second replica never published
    await Promise.all([one.stop(), two.stop(), c.consumer.stop()]);
  });

  it('a publisher that dies after the bus acknowledged but before its checkpoint republishes on restart: nothing is lost', async () => {
    const topic = `ledger.events.${randomUUID().slice(0, 8)}`;
    const name = `ledger-${topic}`;
    const c = collect(bus, { topics: [topic], group: 'pub-test-2' });
    // A store of its own: a publisher starts from the beginning of its store.
    const store = await createPostgresEventStore({ pool: db().pool, schema: 'ledger_crash' });
    let crashed = false;
    const crashing: Bus = {
      kind: bus.kind,
      ensureTopics: (t) => bus.ensureTopics(t),
      subscribe: (o) => bus.subscribe(o),
      close: async () => undefined,
      publish: async (t, messages) => {
        await bus.publish(t, messages);
        crashed = true;
        throw new Error('process killed before the checkpoint was stored');
      },
    };
    const dying = startPublisher({
      store,
      bus: crashing,
      name,
      topic,
      map: toContracts,
      onError: () => undefined,
    });
    const before = await appendPayments(store, 0, 5);
    await eventually(() => crashed);
    await dying.stop();
    const after = await appendPayments(store, 5, 5);

    const restarted = startPublisher({ store, bus, name, topic, map: toContracts });
    await eventually(() => c.received.length >= 10);
    expect(c.received.map((r) => r.message.messageId).sort()).toEqual([...before, ...after].sort());
    const { rows } = await db().pool.query(`SELECT count(*)::int AS n FROM bus.messages WHERE topic = $1`, [
      topic,
    ]);
    expect(rows[0].n).toBeGreaterThan(10); // the unacknowledged batch went out twice; the inbox applied it once
    await Promise.all([restarted.stop(), c.consumer.stop()]);
  });
});
