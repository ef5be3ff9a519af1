import type { PoolClient } from 'pg';
import { GlobalPosition, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import {
  asSubscription,
  CheckpointedSubscription,
  SubscriptionSession,
} from '../checkpoints/subscription-runner';
import { validateNames } from '../validation';
import type { PgEventStore } from './postgres-event-store';
import { BEFORE_START, parsePosition } from './postgres-position';
import { EVENT_ROW_TYPES, EventRow, rowPosition, rowToEvent } from './postgres-rows';

type Queryable = Pick<PoolClient, 'query'>;

/** Rows decoded between two turns of the event loop while a window is read ahead. */
const DECODE_SLICE = 250;

/**
 * One poll loop for catch-up and live alike: read the next window of positions below the gate,
 * hand the matching events to the handler, store the checkpoint in the handler's transaction,
 * repeat. There is no switch from catch-up to live, so there is nothing to lose or double at it.
 * NOTIFY (sent by writers after commit) only cuts the sleep short.
 */
export const subscribePostgres = (store: PgEventStore, options: SubscribeOptions): Subscription => {
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

  // A window is kept as the rows PostgreSQL sent: only its last position is needed to ask for the
  // next window ahead, so decoding (the client's main cost) overlaps the server's work on the next one.
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
  // While the next window is being read, decoding yields to the event loop every DECODE_SLICE
  // rows: the socket is drained as the server writes, so the server keeps producing that window
  // instead of stalling on a full socket buffer until this one is decoded (a 2,000-row window is
  // ~1 MB; the socket holds a fraction of it). Server and client work then overlap.
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
    // Catching up (the last window was full), the next window is read on another connection
    // while the handler works on this one: reading and handling overlap. It starts after this
    // window's last position, which is where the checkpoint will stand if the handler succeeds;
    // if it fails the subscription stops and the window read ahead is dropped (once its query
    // has ended, so that a stopped subscription holds no pooled connection).
    let ahead: Promise<Window> | undefined;
    try {
      if (session.position === undefined && options.from !== undefined && options.from !== 'start') {
        // "From end" is the newest row below the gate, not the raw maximum; it is stored at once so
        // that a restart before the first event does not silently move the start forwards.
        const start =
          options.from === 'end' ? await store.endPositionOn(client) : (options.from as GlobalPosition);
        if (start) await session.advance(start);
      }
      session.markStarted();
      // After a wake-up that found nothing below the gate yet (an older transaction is still open),
      // look again soon with a doubling delay instead of waiting the whole interval.
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
