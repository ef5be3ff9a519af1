import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { RecordedEvent } from '@cartera/eventstore';
import { placement, SYSTEM_CTX, useLedgerStore } from '../testing/ledger-fixtures';
import { accountStreamId } from './account-ids';
import { AccountsCommands } from './accounts.commands';
import { mapLedgerBatch } from './accounts.contracts';

describe('the publisher’s batch mapper', () => {
  const ledger = useLedgerStore();
  let store: PostgresEventStore;
  let commands: AccountsCommands;
  beforeAll(() => {
    store = ledger.store();
    commands = new AccountsCommands(store, ledger.policies());
  });

  const pay = (id: string, paymentId: string, amount: bigint) =>
    commands.handle(
      id,
      {
        type: 'PostPayment',
        data: { paymentId, amount, currency: 'COP', paidAt: '2026-02-01T15:00:00Z', channel: 'card' },
      },
      SYSTEM_CTX,
    );

  /** The messages of each batch, flattened: what the bus would receive. */
  const published = async (map: ReturnType<typeof mapLedgerBatch>, batches: RecordedEvent[][]) => {
    const out = [];
    for (const batch of batches)
      for (const m of await map(batch)) out.push({ event: m.event.streamVersion, ...m.message });
    return out;
  };

  it('maps a stream the same whether it comes in one batch, event by event (from its cached state) or to a fresh mapper mid-stream', async () => {
    const cmd = placement('MAP-1');
    const id = cmd.data.accountId;
    await commands.handle(id, cmd, SYSTEM_CTX);
    await pay(id, 'P-1', 1_000n);
    await pay(id, 'P-2', 2_500n);
    await pay(id, 'P-3', 500n);
    const events = await store.readStream(accountStreamId(id));
    expect(events.length).toBeGreaterThanOrEqual(4);

    const whole = await published(mapLedgerBatch(store), [events]);
    const balances = whole
      .filter((m) => m.type === 'BalanceChanged')
      .map((m) => (m.payload as { totalMinor: string }).totalMinor);
    expect(balances).toEqual(['102500', '100000', '99500']);

    // Event by event: after the first batch each stream's state comes from the cache, not a re-read.
    const reads = jest.spyOn(store, 'readStream');
    const oneByOne = mapLedgerBatch(store);
    expect(
      await published(
        oneByOne,
        events.map((e) => [e]),
      ),
    ).toEqual(whole);
    expect(reads).not.toHaveBeenCalled();

    // A batch replayed after a failure starts below the cached version: its history is read again.
    const tail = events.slice(-2);
    expect(await published(oneByOne, [tail])).toEqual(whole.filter((m) => m.event >= tail[0].streamVersion));
    expect(reads).toHaveBeenCalledTimes(1);

    // A fresh mapper (publisher restarted from its checkpoint) folds the history before the batch.
    expect(await published(mapLedgerBatch(store), [tail])).toEqual(
      whole.filter((m) => m.event >= tail[0].streamVersion),
    );
    reads.mockRestore();
  });

  it('evicts the least recently used streams beyond its size and still maps them right', async () => {
    const ids = [];
    for (const ref of ['MAP-A', 'MAP-B', 'MAP-C']) {
      const cmd = placement(ref);
      await commands.handle(cmd.data.accountId, cmd, SYSTEM_CTX);
      ids.push(cmd.data.accountId);
    }
    const map = mapLedgerBatch(store, 2);
    const all = await Promise.all(ids.map((id) => store.readStream(accountStreamId(id))));
    await published(map, all);
    for (const id of ids) await pay(id, `E-${id}`, 100n);
    const next = await Promise.all(
      ids.map(async (id) => (await store.readStream(accountStreamId(id))).slice(-1)),
    );
    const reads = jest.spyOn(store, 'readStream');
    const messages = await published(map, [next.flat()]);
    // Only the stream that fell out of the cache (the oldest, MAP-A) is read again.
    expect(reads.mock.calls.map(([streamId]) => streamId)).toEqual([accountStreamId(ids[0])]);
    expect(
      messages
        .filter((m) => m.type === 'BalanceChanged')
        .map((m) => (m.payload as { totalMinor: string }).totalMinor),
    ).toEqual(['103400', '103400', '103400']);
    reads.mockRestore();
  });
});
