import { randomBytes } from 'node:crypto';
import { eventually } from '@cartera/testing';
import {
  EventStore,
  InvalidEventStoreInput,
  NewEvent,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionError,
  WrongExpectedVersion,
} from '../event-store.port';
import type { Upcaster } from '../upcasters';

/** Where an adapter differs from the port, the difference is declared here and tested as documented. */
export type EventStoreCapabilities = Readonly<{
  /** PostgreSQL true; KurrentDB false: only a repeat at the original expectedVersion is idempotent. */
  idempotentRepeatWithAnyExpectedVersion: boolean;
}>;

export type EventStoreFactory = (
  options?: Readonly<{ upcasters?: readonly Upcaster[] }>,
) => Promise<EventStore>;

const uid = () => randomBytes(5).toString('hex');
/** A category no other test or earlier run uses, so readAll filters isolate tests. */
const category = () => `c${uid()}`;
const ev = (type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent => ({
  type,
  data,
  ...extra,
});

export const eventStoreContract = (
  name: string,
  factory: EventStoreFactory,
  capabilities: EventStoreCapabilities,
): void =>
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    const extraStores: EventStore[] = [];
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await Promise.all(extraStores.map((s) => s.close()));
      await store?.close();
    });

    const readAllOf = (cat: string, count: number, options: { types?: string[] } = {}) =>
      // readAll returns the gap-free prefix: an unrelated open transaction may hold it back briefly.
      eventually(
        async () => {
          const events = await store.readAll({
            filter: { categories: [cat], ...(options.types ? { types: options.types } : {}) },
          });
          return events.length >= count && events;
        },
        { what: `${count} events of ${cat} in readAll` },
      );

    const collector = (overrides: Partial<SubscribeOptions> & Pick<SubscribeOptions, 'filter'>) => {
      const received: RecordedEvent[] = [];
      const subscription = store.subscribe({
        checkpointName: `sub-${uid()}`,
        handler: async (events) => void received.push(...events),
        ...overrides,
      });
      return { received, subscription };
    };

    describe('append and read a stream', () => {
      it('stores the full envelope and keeps bigint amounts exact', async () => {
        const streamId = `account-${uid()}`;
        const occurredAt = new Date('2026-01-15T10:00:00.000Z');
        const before = Date.now();
        const result = await store.appendToStream(streamId, [
          ev(
            'AccountPlaced',
            {
              amount: 12345678901234567890123n,
              currency: 'EUR',
              nested: { list: [1, -2n, 'x', null, true] },
            },
            {
              metadata: {
                correlationId: 'c-1',
                causationId: 'm-1',
                actor: { kind: 'user', id: 'u-1' },
                creditorId: 'cr-1',
                traceparent: '00-abc',
              },
              occurredAt,
            },
          ),
          ev('PaymentPosted', { amount: 500n }),
        ]);
        expect(result.nextExpectedVersion).toBe(1);
        const events = await store.readStream(streamId);
        expect(events).toHaveLength(2);
        const [first, second] = events;
        expect(first).toMatchObject({
          type: 'AccountPlaced',
          schemaVersion: 1,
          streamId,
          streamVersion: 0,
          occurredAt,
        });
        expect(first.data).toEqual({
          amount: 12345678901234567890123n,
          currency: 'EUR',
          nested: { list: [1, -2n, 'x', null, true] },
        });
        expect(typeof (first.data as { amount: unknown }).amount).toBe('bigint');
        expect(first.metadata).toEqual({
          correlationId: 'c-1',
          causationId: 'm-1',
          actor: { kind: 'user', id: 'u-1' },
          creditorId: 'cr-1',
          traceparent: '00-abc',
        });
        expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(second.streamVersion).toBe(1);
        expect(second.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(first.recordedAt).toBeInstanceOf(Date);
        expect(first.globalPosition < second.globalPosition).toBe(true);
        expect(result.position).toBe(second.globalPosition);
      });

      it('keeps the caller-given id', async () => {
        const streamId = `case-${uid()}`;
        const id = '0190f5c2-7a1b-7cde-8f01-23456789abcd';
        await store.appendToStream(streamId, [ev('CaseOpened', {}, { id })]);
        expect((await store.readStream(streamId))[0].id).toBe(id);
      });

      it('round-trips unicode, quotes and backslashes in data, metadata, types and stream ids', async () => {
        const streamId = `debtor-${uid()}-ñandú-東京-😀-"q"\\n`;
        const data = {
          name: 'Zoë Ångström-Łukasz',
          jp: '東京都',
          ar: 'مرحبا',
          emoji: '👩🏽‍💻🏳️‍🌈',
          combining: 'e\u0301',
          quote: '"\\\n\t',
          nul: 'a\u0000b',
        };
        await store.appendToStream(streamId, [
          ev('NoteAdded✓"\\', data, { metadata: { actor: { kind: 'user', id: 'ü-1' } } }),
        ]);
        const [event] = await store.readStream(streamId);
        expect(event).toMatchObject({
          streamId,
          type: 'NoteAdded✓"\\',
          data,
          metadata: { actor: { kind: 'user', id: 'ü-1' } },
        });
      });

      it('stores and reads a 1 MB payload', async () => {
        const streamId = `message-${uid()}`;
        const body = 'x€'.repeat(350_000) + randomBytes(64).toString('base64');
        await store.appendToStream(streamId, [ev('BigDocument', { body }), ev('Small', { n: 1 })]);
        const events = await store.readStream(streamId);
        expect((events[0].data as { body: string }).body).toBe(body);
        expect(events[1].data).toEqual({ n: 1 });
      });

      it('reads forwards from a version, backwards, and at most maxCount', async () => {
        const streamId = `account-${uid()}`;
        await store.appendToStream(
          streamId,
          Array.from({ length: 10 }, (_, i) => ev('Counted', { i })),
        );
        const versions = (es: RecordedEvent[]) => es.map((e) => e.streamVersion);
        expect(versions(await store.readStream(streamId, { from: 7 }))).toEqual([7, 8, 9]);
        expect(versions(await store.readStream(streamId, { maxCount: 3 }))).toEqual([0, 1, 2]);
        expect(versions(await store.readStream(streamId, { direction: 'backwards' }))).toEqual([
          9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
        ]);
        expect(
          versions(await store.readStream(streamId, { direction: 'backwards', from: 4, maxCount: 2 })),
        ).toEqual([4, 3]);
        expect(await store.readStream(streamId, { from: 10 })).toEqual([]);
        expect(await store.readStream(`account-${uid()}`)).toEqual([]);
      });

      it('reads as of a recorded time and as of a business time', async () => {
        const streamId = `account-${uid()}`;
        await store.appendToStream(streamId, [
          ev('A', {}, { occurredAt: new Date('2026-01-01T00:00:00Z') }),
          ev('B', {}, { occurredAt: new Date('2026-03-01T00:00:00Z') }),
        ]);
        const [, b] = await store.readStream(streamId);
        await eventually(() => Date.now() > b.recordedAt.getTime() + 5, { what: 'the clock to move on' });
        await store.appendToStream(streamId, [ev('C', {}, { occurredAt: new Date('2026-02-01T00:00:00Z') })]);
        const types = (es: RecordedEvent[]) => es.map((e) => e.type);
        // What did we know when B was recorded? A and B, not the late-recorded C.
        expect(types(await store.readStream(streamId, { asOf: { recordedAt: b.recordedAt } }))).toEqual([
          'A',
          'B',
        ]);
        // What was true on 15 February? A and the backdated C.
        expect(
          types(await store.readStream(streamId, { asOf: { occurredAt: new Date('2026-02-15T00:00:00Z') } })),
        ).toEqual(['A', 'C']);
        expect(
          types(await store.readStream(streamId, { asOf: { recordedAt: new Date('2000-01-01T00:00:00Z') } })),
        ).toEqual([]);
      });
    });

    describe('expectedVersion', () => {
      it("'no_stream' creates a stream and refuses an existing one, naming the actual version", async () => {
        const streamId = `case-${uid()}`;
        await store.appendToStream(streamId, [ev('A'), ev('B')], { expectedVersion: 'no_stream' });
        const error = await store
          .appendToStream(streamId, [ev('C')], { expectedVersion: 'no_stream' })
          .catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersion);
        expect(error).toMatchObject({ streamId, expectedVersion: 'no_stream', actualVersion: 1 });
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('a number must equal the current version; -1 means no stream', async () => {
        const streamId = `case-${uid()}`;
        expect(
          (await store.appendToStream(streamId, [ev('A')], { expectedVersion: -1 })).nextExpectedVersion,
        ).toBe(0);
        expect(
          (await store.appendToStream(streamId, [ev('B'), ev('C')], { expectedVersion: 0 }))
            .nextExpectedVersion,
        ).toBe(2);
        await expect(store.appendToStream(streamId, [ev('D')], { expectedVersion: 0 })).rejects.toMatchObject(
          {
            name: 'WrongExpectedVersion',
            actualVersion: 2,
          },
        );
        await expect(
          store.appendToStream(`case-${uid()}`, [ev('D')], { expectedVersion: 3 }),
        ).rejects.toMatchObject({ actualVersion: -1 });
        expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it("'stream_exists' refuses a missing stream; 'any' and no option never check", async () => {
        const streamId = `case-${uid()}`;
        await expect(
          store.appendToStream(streamId, [ev('A')], { expectedVersion: 'stream_exists' }),
        ).rejects.toMatchObject({
          name: 'WrongExpectedVersion',
          actualVersion: -1,
        });
        expect(await store.readStream(streamId)).toEqual([]);
        await store.appendToStream(streamId, [ev('A')], { expectedVersion: 'any' });
        await store.appendToStream(streamId, [ev('B')], { expectedVersion: 'stream_exists' });
        const r = await store.appendToStream(streamId, [ev('C')]);
        expect(r.nextExpectedVersion).toBe(2);
      });

      it('lets exactly one of several concurrent writers with the same expectedVersion win', async () => {
        const streamId = `account-${uid()}`;
        await store.appendToStream(streamId, [ev('Opened')]);
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            store.appendToStream(streamId, [ev('Raced', { i })], { expectedVersion: 0 }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
          expect(r.reason).toBeInstanceOf(WrongExpectedVersion);
        }
        expect(await store.readStream(streamId)).toHaveLength(2);
      });
    });

    describe('idempotent append by event id', () => {
      it('repeating an append with the same ids writes nothing new and returns the same result', async () => {
        const streamId = `account-${uid()}`;
        const events = [
          ev('A', {}, { id: '0190f5c2-0000-7000-8000-' + uid() + '01' }),
          ev('B', {}, { id: '0190f5c2-0000-7000-8000-' + uid() + '02' }),
        ];
        const first = await store.appendToStream(streamId, events, { expectedVersion: 'no_stream' });
        const again = await store.appendToStream(streamId, events, { expectedVersion: 'no_stream' });
        expect(again).toEqual(first);
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it(
        capabilities.idempotentRepeatWithAnyExpectedVersion
          ? 'a repeat is idempotent even after later appends and with a stale expectedVersion'
          : 'KNOWN DIFFERENCE: a repeat with a stale expectedVersion is a WrongExpectedVersion, not a no-op',
        async () => {
          const streamId = `account-${uid()}`;
          const repeated = [ev('A', {}, { id: '0190f5c2-0000-7000-8000-' + uid() + 'aa' })];
          const first = await store.appendToStream(streamId, repeated, { expectedVersion: 'no_stream' });
          await store.appendToStream(streamId, [ev('B')], { expectedVersion: 0 });
          const repeat = store.appendToStream(streamId, repeated, { expectedVersion: 1 });
          if (capabilities.idempotentRepeatWithAnyExpectedVersion)
            await expect(repeat).resolves.toEqual(first);
          else await expect(repeat).rejects.toBeInstanceOf(WrongExpectedVersion);
          expect(await store.readStream(streamId)).toHaveLength(2);
        },
      );
    });

    describe('bad input: a clear error and nothing written', () => {
      const rejects = async (streamId: string, attempt: () => Promise<unknown>, message: RegExp) => {
        const error: Error = await attempt().then(
          () => new Error('accepted'),
          (e: Error) => e,
        );
        expect(error).toBeInstanceOf(InvalidEventStoreInput);
        expect(String(error.message)).toMatch(message);
        if (streamId && streamId.length < 150 && !streamId.startsWith('$'))
          expect(await store.readStream(streamId)).toEqual([]);
      };
      it('rejects an empty, over-long or reserved stream id', async () => {
        await rejects('', () => store.appendToStream('', [ev('A')]), /streamId/);
        await rejects('x', () => store.appendToStream('x'.repeat(201), [ev('A')]), /longer than 200/);
        await rejects('$all', () => store.appendToStream('$all', [ev('A')]), /reserved/);
        await expect(store.readStream('')).rejects.toBeInstanceOf(InvalidEventStoreInput);
      });
      it('rejects data that cannot round-trip, naming the path', async () => {
        const streamId = `case-${uid()}`;
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        await rejects(
          streamId,
          () => store.appendToStream(streamId, [ev('A', { f: () => 1 })]),
          /events\[0\]\.data\.f.*function/,
        );
        await rejects(
          streamId,
          () => store.appendToStream(streamId, [ev('A'), ev('B', { n: NaN })]),
          /events\[1\]\.data\.n/,
        );
        await rejects(streamId, () => store.appendToStream(streamId, [ev('A', circular)]), /circular/);
        await rejects(
          streamId,
          () => store.appendToStream(streamId, [ev('A', { at: new Date() })]),
          /Date.*ISO/,
        );
        await rejects(
          streamId,
          () => store.appendToStream(streamId, [ev('A', { s: '\ud800' })]),
          /surrogate/,
        );
        await rejects(
          streamId,
          () => store.appendToStream(streamId, [ev('A', {}, { metadata: { m: Symbol('x') } as never })]),
          /metadata/,
        );
      });
      it('rejects an unknown expectedVersion, an empty batch, a bad id or type', async () => {
        const streamId = `case-${uid()}`;
        for (const expectedVersion of ['latest', 1.5, -2, null, '3'] as unknown[]) {
          await rejects(
            streamId,
            () => store.appendToStream(streamId, [ev('A')], { expectedVersion: expectedVersion as never }),
            /expectedVersion/,
          );
        }
        await rejects(streamId, () => store.appendToStream(streamId, []), /non-empty/);
        await rejects(
          streamId,
          () => store.appendToStream(streamId, [ev('A', {}, { id: 'not-a-uuid' })]),
          /UUID/,
        );
        await rejects(streamId, () => store.appendToStream(streamId, [ev('')]), /type/);
        const id = '0190f5c2-0000-7000-8000-' + uid() + 'ff';
        await rejects(
          streamId,
          () => store.appendToStream(streamId, [ev('A', {}, { id }), ev('B', {}, { id })]),
          /twice/,
        );
      });
      it('rejects bad read options', async () => {
        await expect(store.readStream('case-1', { maxCount: 0 })).rejects.toBeInstanceOf(
          InvalidEventStoreInput,
        );
        await expect(store.readStream('case-1', { direction: 'sideways' as never })).rejects.toBeInstanceOf(
          InvalidEventStoreInput,
        );
        await expect(store.readAll({ fromPosition: 'garbage' as never })).rejects.toBeInstanceOf(
          InvalidEventStoreInput,
        );
      });
    });

    describe('readAll', () => {
      it('returns events in global order, after a position, filtered by category and type, at most maxCount', async () => {
        const cat = category();
        const other = category();
        await store.appendToStream(`${cat}-1`, [ev('A', { n: 0 }), ev('B', { n: 1 })]);
        await store.appendToStream(`${other}-1`, [ev('A', { n: 99 })]);
        await store.appendToStream(`${cat}-2`, [ev('A', { n: 2 })]);
        await store.appendToStream(`${cat}-1`, [ev('C', { n: 3 })]);
        const all = await readAllOf(cat, 4);
        expect(all.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3]);
        for (let i = 1; i < all.length; i++)
          expect(all[i - 1].globalPosition < all[i].globalPosition).toBe(true);
        const after = await store.readAll({
          fromPosition: all[1].globalPosition,
          filter: { categories: [cat] },
        });
        expect(after.map((e) => e.globalPosition)).toEqual([all[2].globalPosition, all[3].globalPosition]);
        const typed = await store.readAll({ filter: { categories: [cat], types: ['A'] } });
        expect(typed.map((e) => (e.data as { n: number }).n)).toEqual([0, 2]);
        const limited = await store.readAll({ filter: { categories: [cat] }, maxCount: 2 });
        expect(limited.map((e) => e.globalPosition)).toEqual([all[0].globalPosition, all[1].globalPosition]);
        const two = await store.readAll({ filter: { categories: [cat, other] } });
        expect(two).toHaveLength(5);
      });
    });

    describe('upcasters', () => {
      it('upcast old versions on every read path to the latest shape; new events are stamped latest', async () => {
        const cat = category();
        const upcasters: Upcaster[] = [
          { type: 'PaymentPosted', fromVersion: 1, upcast: (d) => ({ ...(d as object), currency: 'EUR' }) },
          {
            type: 'PaymentPosted',
            fromVersion: 2,
            upcast: (d) => ({ ...(d as { amount: bigint }), amountMinor: (d as { amount: bigint }).amount }),
          },
        ];
        const upcasting = await factory({ upcasters });
        extraStores.push(upcasting);
        const streamId = `${cat}-1`;
        await store.appendToStream(streamId, [ev('PaymentPosted', { amount: 5n }, { schemaVersion: 1 })]);
        await upcasting.appendToStream(streamId, [
          ev('PaymentPosted', { amount: 7n, currency: 'USD', amountMinor: 7n }),
        ]);
        const expected = [
          { schemaVersion: 3, data: { amount: 5n, currency: 'EUR', amountMinor: 5n } },
          { schemaVersion: 3, data: { amount: 7n, currency: 'USD', amountMinor: 7n } },
        ];
        expect(await upcasting.readStream(streamId)).toMatchObject(expected);
        const viaAll = await eventually(async () => {
          const es = await upcasting.readAll({ filter: { categories: [cat] } });
          return es.length === 2 && es;
        });
        expect(viaAll).toMatchObject(expected);
        const received: RecordedEvent[] = [];
        const sub = upcasting.subscribe({
          checkpointName: `up-${uid()}`,
          filter: { categories: [cat] },
          handler: async (es) => void received.push(...es),
        });
        await eventually(() => received.length === 2);
        await sub.stop();
        expect(received).toMatchObject(expected);
        // The raw store (no upcasters) still sees what was written: nothing was rewritten.
        expect((await store.readStream(streamId)).map((e) => e.schemaVersion)).toEqual([1, 3]);
        expect((await upcasting.verifyStream(streamId)).ok).toBe(true);
      });
    });

    describe('subscriptions', () => {
      it('delivers every event once in global order, then resumes exactly after its checkpoint', async () => {
        const cat = category();
        const checkpointName = `resume-${uid()}`;
        await store.appendToStream(`${cat}-1`, [ev('A', { n: 0 }), ev('A', { n: 1 })]);
        const first = collector({ checkpointName, filter: { categories: [cat] }, batchSize: 1 });
        await eventually(() => first.received.length === 2);
        await first.subscription.caughtUp();
        const checkpoint = first.subscription.position();
        await first.subscription.stop();
        expect((checkpoint ?? '') >= first.received[1].globalPosition).toBe(true);
        await store.appendToStream(`${cat}-2`, [ev('A', { n: 2 })]);
        const second = collector({ checkpointName, filter: { categories: [cat] } });
        await eventually(() => second.received.length >= 1);
        await second.subscription.caughtUp();
        await second.subscription.stop();
        expect([...first.received, ...second.received].map((e) => (e.data as { n: number }).n)).toEqual([
          0, 1, 2,
        ]);
      });

      it('passes filters and starts from the end when asked', async () => {
        const cat = category();
        await store.appendToStream(`${cat}-1`, [ev('Old')]);
        await readAllOf(cat, 1);
        const fromEnd = collector({ filter: { categories: [cat], types: ['Wanted'] }, from: 'end' });
        await fromEnd.subscription.started;
        await fromEnd.subscription.caughtUp();
        await store.appendToStream(`${cat}-1`, [ev('Unwanted'), ev('Wanted', { n: 1 })]);
        await store.appendToStream(`${category()}-1`, [ev('Wanted', { n: 2 })]);
        await fromEnd.subscription.caughtUp();
        await fromEnd.subscription.stop();
        expect(fromEnd.received.map((e) => e.data)).toEqual([{ n: 1 }]);
      });

      it('stops on a handler error naming the failing event, never skips it, and delivers it again on restart', async () => {
        const cat = category();
        const checkpointName = `fail-${uid()}`;
        await store.appendToStream(`${cat}-1`, [
          ev('Ok', { n: 0 }),
          ev('Poison', { n: 1 }),
          ev('Ok', { n: 2 }),
        ]);
        const handled: number[] = [];
        const errors: SubscriptionError[] = [];
        const failing = store.subscribe({
          checkpointName,
          filter: { categories: [cat] },
          handler: async (events) => {
            for (const e of events) if (e.type === 'Poison') throw new Error('cannot digest');
            handled.push(...events.map((e) => (e.data as { n: number }).n));
          },
          onError: (e) => errors.push(e),
        });
        await eventually(() => errors.length === 1);
        const error = errors[0];
        expect(error).toBeInstanceOf(SubscriptionError);
        expect(error.failedEvent).toMatchObject({ type: 'Poison', streamId: `${cat}-1`, streamVersion: 1 });
        expect(error.message).toMatch(/Poison.*cannot digest/);
        await expect(failing.caughtUp(2000)).rejects.toBeInstanceOf(SubscriptionError);
        expect(handled).toEqual([0]);
        expect((failing.position() ?? '') < error.failedEvent.globalPosition).toBe(true);
        await failing.stop();
        const retried: number[] = [];
        const again = store.subscribe({
          checkpointName,
          filter: { categories: [cat] },
          handler: async (es) => void retried.push(...es.map((e) => (e.data as { n: number }).n)),
        });
        await eventually(() => retried.length === 2);
        await again.stop();
        expect(retried).toEqual([1, 2]);
      });

      it('catching up in small batches (the next one read ahead), stops at a failing event and resumes exactly there', async () => {
        const cat = category();
        const checkpointName = `ahead-${uid()}`;
        await store.appendToStream(
          `${cat}-1`,
          Array.from({ length: 30 }, (_, n) => ev(n === 13 ? 'Poison' : 'Ok', { n })),
        );
        const handled: number[] = [];
        const errors: SubscriptionError[] = [];
        const failing = store.subscribe({
          checkpointName,
          filter: { categories: [cat] },
          batchSize: 4,
          handler: async (events) => {
            for (const e of events) if (e.type === 'Poison') throw new Error('cannot digest');
            handled.push(...events.map((e) => (e.data as { n: number }).n));
          },
          onError: (e) => errors.push(e),
        });
        await eventually(() => errors.length === 1);
        await failing.stop();
        expect(errors[0].failedEvent).toMatchObject({ type: 'Poison', streamVersion: 13 });
        expect(handled).toEqual(Array.from({ length: 13 }, (_, n) => n));
        const retried: number[] = [];
        const again = store.subscribe({
          checkpointName,
          filter: { categories: [cat] },
          batchSize: 4,
          handler: async (es) => void retried.push(...es.map((e) => (e.data as { n: number }).n)),
        });
        await eventually(() => retried.length === 17);
        await again.caughtUp();
        await again.stop();
        expect(retried).toEqual(Array.from({ length: 17 }, (_, i) => 13 + i));
      });

      it('switches from catch-up to live under concurrent writes with no gap and no duplicate', async () => {
        const cat = category();
        const writers = 4;
        const perWriter = 40;
        await store.appendToStream(
          `${cat}-0`,
          Array.from({ length: 50 }, (_, i) => ev('Early', { i })),
        );
        const writing = Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < perWriter; i++)
              await store.appendToStream(`${cat}-${w + 1}`, [ev('Live', { w, i })]);
          }),
        );
        const { received, subscription } = collector({ filter: { categories: [cat] }, batchSize: 7 });
        await writing;
        const total = 50 + writers * perWriter;
        await eventually(() => received.length >= total, { what: `${total} events` });
        await subscription.caughtUp();
        await subscription.stop();
        expect(received).toHaveLength(total);
        expect(new Set(received.map((e) => e.id)).size).toBe(total);
        for (let i = 1; i < received.length; i++)
          expect(received[i - 1].globalPosition < received[i].globalPosition).toBe(true);
        for (let w = 1; w <= writers; w++) {
          expect(received.filter((e) => e.streamId === `${cat}-${w}`).map((e) => e.streamVersion)).toEqual(
            Array.from({ length: perWriter }, (_, i) => i),
          );
        }
      });

      it('runs one active instance per checkpoint name; the standby takes over after stop', async () => {
        const cat = category();
        const checkpointName = `single-${uid()}`;
        const a = collector({ checkpointName, filter: { categories: [cat] } });
        await a.subscription.started;
        const b = collector({ checkpointName, filter: { categories: [cat] } });
        let bStarted = false;
        void b.subscription.started.then(() => (bStarted = true));
        await store.appendToStream(`${cat}-1`, [ev('A')]);
        await eventually(() => a.received.length === 1);
        expect(bStarted).toBe(false);
        await a.subscription.stop();
        await b.subscription.started;
        await store.appendToStream(`${cat}-1`, [ev('B')]);
        await eventually(() => b.received.length === 1);
        await b.subscription.stop();
        expect([...a.received, ...b.received].map((e) => e.type)).toEqual(['A', 'B']);
      });

      it('commits what the handler writes through context.client together with the checkpoint', async () => {
        const cat = category();
        const table = `contract_rm_${uid()}`;
        const checkpointName = `rm-${uid()}`;
        const project = (failOn: string | undefined, seen: number[]) =>
          store.subscribe({
            checkpointName,
            filter: { categories: [cat] },
            handler: async (events, { client }) => {
              await client.query(`CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY)`);
              seen.push(Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n));
              for (const e of events) {
                await client.query(`INSERT INTO ${table} VALUES ($1)`, [e.id]);
                if (e.type === failOn) throw new Error('fails after writing');
              }
            },
          });
        await store.appendToStream(`${cat}-1`, [ev('Ok')]);
        const firstSeen: number[] = [];
        const first = project('Fail', firstSeen);
        await first.caughtUp();
        await store.appendToStream(`${cat}-1`, [ev('Fail')]);
        await expect(first.caughtUp(10_000)).rejects.toBeInstanceOf(SubscriptionError);
        await first.stop();
        const secondSeen: number[] = [];
        const second = project(undefined, secondSeen);
        await second.caughtUp();
        await second.stop();
        // The failed batch's row was rolled back with it, and the event came again.
        expect(firstSeen[0]).toBe(0);
        expect(secondSeen).toEqual([1]);
      });
    });

    describe('verifyStream', () => {
      it('confirms an intact hash chain', async () => {
        const streamId = `account-${uid()}`;
        await store.appendToStream(streamId, [ev('A', { amount: 1n }), ev('B')]);
        await store.appendToStream(streamId, [ev('C', { s: 'ñ' })]);
        expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, events: 3 });
      });
    });
  });
