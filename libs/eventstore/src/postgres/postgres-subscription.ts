import type { Pool, PoolClient } from 'pg';
import { GlobalPosition, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import {
  asSubscription,
  CheckpointedSubscription,
  Logger,
  SubscriptionSession,
} from '../checkpoints/subscription-runner';
import type { UpcasterRegistry } from '../upcasters';
import { validateNames } from '../validation';
import { BEFORE_START, parsePosition } from './postgres-position';
import { EVENT_ROW_TYPES, EventRow, rowPosition, rowToEvent } from './postgres-rows';

type Queryable = Pick<PoolClient, 'query'>;

/** What the poll loop needs of the store: the store depends on this module, never the reverse. */
export type SubscriptionStore = Readonly<{
  pool: Pool;
  schema: string;
  channel: string;
  upcasters: UpcasterRegistry;
  settings: Readonly<{
    batchSize: number;
    pollIntervalMs: number;
    lockRetryMs: number;
    idleInTransactionTimeoutMs: number;
    logger: Logger;
  }>;
  pollSql(filtered: boolean): string;
  endPositionOn(client: PoolClient): Promise<GlobalPosition | undefined>;
  latestPosition(): Promise<GlobalPosition | undefined>;
}>;

/** Rows decoded between two turns of the event loop while a window is read ahead. */
const DECODE_SLICE = 250;

/**
 * One poll loop for catch-up and live alike (no switch, so nothing lost or doubled at it): read a
 * window below the gate, hand it over, store the checkpoint in the handler's transaction, repeat.
 */
export const subscribePostgres = (store: SubscriptionStore, options: SubscribeOptions): Subscription => {
  if (!options.checkpointName) throw new TypeError('subscribe: checkpointName is required');
  if (typeof options.handler !== 'function') throw new TypeError('subscribe: handler must be a function');
  if (typeof options.from === 'string' && options.from !== 'start' && options.from !== 'end')
    parsePosition(options.from);
  const categories = validateNames('filter.categories', options.filter?.categories) ?? null;
  const types = validateNames('filter.types', options.filter?.types) ?? null;
  const filtered = categories !== null || types !== null;
  const batchSize = options.batchSize ?? store.settings.batchSize;
  const pollText = store.pollSql(filtered);
  const pollName = `es_poll_${filtered ? 'f' : 'a'}_${store.schema}`;
  const { pollIntervalMs } = store.settings;
  const readAhead = options.readAhead ?? true;

  // Kept as sent: only the last position is needed to ask for the next window before decoding this one.
  type Window = { rows: EventRow[]; last: GlobalPosition | undefined; full: boolean };
  const poll = async (db: Queryable, after: GlobalPosition | undefined): Promise<Window> => {
    const from = after ? parsePosition(after) : BEFORE_START;
    const { rows } = await db.query<EventRow>({
      name: pollName,
      text: pollText,
      values: filtered
        ? [from.generation, from.transactionId, from.seq, batchSize, categories, types]
        : [from.generation, from.transactionId, from.seq, batchSize],
      rowMode: 'array',
      types: EVENT_ROW_TYPES,
    });
    return {
      rows,
      last: rows.length > 0 ? rowPosition(rows[rows.length - 1]) : undefined,
      full: rows.length === batchSize,
    };
  };
  // A row without payload is one the filter left out: it only moves the checkpoint.
  // While the next window is read, decoding yields every DECODE_SLICE rows so the socket drains and
  // the server keeps writing instead of stalling on a full buffer.
  const decode = async (rows: EventRow[], readingAhead: boolean): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (readingAhead && i > 0 && i % DECODE_SLICE === 0)
        await new Promise<void>((resolve) => setImmediate(resolve));
      const row = rows[i];
      if (row[1] !== null) events.push(rowToEvent(row, store.upcasters));
    }
    return events;
  };

  const run = async (session: SubscriptionSession) => {
    const client = session.client;
    const onNotification = () => session.wake();
    client.on('notification', onNotification);
    await client.query(`LISTEN "${store.channel}"`);
    // Catching up, the next window is read on another connection while the handler works on this
    // one; on failure the subscription stops and the read-ahead is dropped once its query ended.
    let ahead: Promise<Window> | undefined;
    try {
      if (session.position === undefined && options.from !== undefined && options.from !== 'start') {
        // "From end" is the newest row below the gate, stored at once so a restart keeps that start.
        const start =
          options.from === 'end' ? await store.endPositionOn(client) : (options.from as GlobalPosition);
        if (start) await session.advance(start);
      }
      session.markStarted();
      // Woken but nothing below the gate yet (an older transaction is open): look again, doubling the delay.
      let retry = 0;
      while (!session.stopping) {
        const window = ahead ? await ahead : await poll(session.client, session.position);
        ahead = undefined;
        const { rows, last, full } = window;
        if (full && last && readAhead) {
          ahead = poll(store.pool, last);
          ahead.catch(() => undefined);
        }
        if (last) {
          await session.handle(await decode(rows, ahead !== undefined), last);
          retry = 0;
        }
        if (full || session.stopping) continue;
        if (!last && retry > 0) retry = Math.min(retry * 2, pollIntervalMs);
        const woken = await session.sleep(retry || pollIntervalMs);
        if (woken && retry === 0) retry = 5;
      }
    } finally {
      await ahead?.catch(() => undefined);
      client.removeListener('notification', onNotification);
      await client.query('UNLISTEN *').catch(() => undefined);
    }
  };

  const subscription = new CheckpointedSubscription({
    pool: store.pool,
    schema: store.schema,
    options,
    logger: store.settings.logger,
    lockRetryMs: store.settings.lockRetryMs,
    idleInTransactionTimeoutMs: store.settings.idleInTransactionTimeoutMs,
    run,
    latestPosition: () => store.latestPosition(),
  });
  return asSubscription(subscription);
};
