import { eventually, useTestDatabase } from '@cartera/testing';
import type { RecordedEvent } from '../event-store.port';
import { newEventId } from '../event-ids';
import { createPostgresEventStore, PostgresEventStore } from './postgres-event-store';

/** Writers commit out of order, some roll back: a live subscriber still gets each committed event once. */
const WRITERS = 16;
const EVENTS_PER_WRITER = 500;
const STREAMS = 24;

const db = useTestDatabase('es_stress');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('global order under concurrent, out-of-order commits', () => {
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await createPostgresEventStore({
      connectionString: db().url,
      schema: 'stress',
      poolMax: WRITERS + 4,
      pollIntervalMs: 20,
      batchSize: 250,
    });
  });
  afterAll(() => store?.close());

  it(`${WRITERS} writers × ${EVENTS_PER_WRITER} events: the live subscriber gets every committed event once, in order`, async () => {
    const live: RecordedEvent[] = [];
    const liveSub = store.subscribe({
      checkpointName: 'stress-live',
      handler: async (es) => void live.push(...es),
    });
    await liveSub.started;

    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    // The append owns its stream before taking a transaction id, so it never has to refuse here.
    const orderRefusals: unknown[] = [];
    const writer = async (w: number) => {
      const client = await store.pool.connect();
      try {
        for (let attempted = 0; attempted < EVENTS_PER_WRITER;) {
          const streamId = `stress-${Math.floor(Math.random() * STREAMS)}`;
          const batches = Array.from({ length: 1 + Math.floor(Math.random() * 2) }, () =>
            Array.from({ length: 1 + Math.floor(Math.random() * 3) }, (_, i) => ({
              id: newEventId(),
              type: 'Stressed',
              data: { w, i },
            })),
          );
          await client.query('BEGIN');
          if (Math.random() < 0.3) await pause(Math.random() * 2); // open but no transaction id yet
          try {
            for (const batch of batches) {
              await store.appendInTransaction(client, streamId, batch, { expectedVersion: 'any' });
              await pause(Math.random() * 3); // hold the transaction open so commits land out of id order
            }
          } catch (error) {
            orderRefusals.push(error);
          }
          const ids = batches.flat().map((e) => e.id);
          attempted += ids.length;
          if (orderRefusals.length > 0 || Math.random() < 0.1) {
            await client.query('ROLLBACK');
            ids.forEach((id) => rolledBack.add(id));
          } else {
            await client.query('COMMIT');
            ids.forEach((id) => committed.add(id));
          }
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await liveSub.caughtUp(20_000);
    await liveSub.stop();

    expect(orderRefusals).toEqual([]);
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(live.length).toBe(committed.size);
    const ids = live.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !committed.has(id))).toEqual([]);
    expect(ids.filter((id) => rolledBack.has(id))).toEqual([]);
    for (let i = 1; i < live.length; i++) {
      if (!(live[i - 1].globalPosition < live[i].globalPosition)) {
        throw new Error(
          `position ${live[i].globalPosition} at ${i} does not follow ${live[i - 1].globalPosition}`,
        );
      }
    }
    const versions = new Map<string, number>();
    for (const e of live) {
      const expected = (versions.get(e.streamId) ?? -1) + 1;
      if (e.streamVersion !== expected)
        throw new Error(`${e.streamId}: version ${e.streamVersion} delivered where ${expected} was due`);
      versions.set(e.streamId, expected);
    }

    // A second subscriber from the start, after the writers: the very same sequence, same positions.
    const replay: RecordedEvent[] = [];
    const replaySub = store.subscribe({
      checkpointName: 'stress-replay',
      from: 'start',
      batchSize: 1000,
      handler: async (es) => void replay.push(...es),
    });
    await eventually(() => replay.length >= live.length, { timeoutMs: 20_000, what: 'the replay' });
    await replaySub.stop();
    expect(replay.map((e) => `${e.globalPosition} ${e.id}`)).toEqual(
      live.map((e) => `${e.globalPosition} ${e.id}`),
    );
  });
});
