import { START, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { Pool } from 'pg';
import { GlobalPosition, SubscribeOptions, Subscription } from '../event-store.port';
import {
  asSubscription,
  CheckpointedSubscription,
  Logger,
  SubscriptionSession,
} from '../checkpoints/subscription-runner';
import type { UpcasterRegistry } from '../upcasters';
import { validateNames } from '../validation';
import { parseKurrentPosition, serverFilter, toRecorded } from './kurrentdb-mapping';

/** What the subscription needs of the store: the store depends on this module, never the reverse. */
export type KurrentSubscriptionStore = Readonly<{
  client: KurrentDBClient;
  upcasters: UpcasterRegistry;
  settings: Readonly<{
    pool: Pool;
    schema: string;
    lockRetryMs: number;
    idleInTransactionTimeoutMs: number;
    logger: Logger;
  }>;
  lastPosition(
    categories: string[] | undefined,
    types: string[] | undefined,
  ): Promise<GlobalPosition | undefined>;
}>;

/** A filtered catch-up subscription to $all (ordered), one event per batch so the checkpoint is exact. */
export const subscribeKurrent = (
  store: KurrentSubscriptionStore,
  options: SubscribeOptions,
): Subscription => {
  if (!options.checkpointName) throw new TypeError('subscribe: checkpointName is required');
  if (typeof options.from === 'string' && options.from !== 'start' && options.from !== 'end')
    parseKurrentPosition(options.from);
  const categories = validateNames('filter.categories', options.filter?.categories);
  const types = validateNames('filter.types', options.filter?.types);

  const run = async (session: SubscriptionSession) => {
    if (session.position === undefined && options.from !== undefined && options.from !== 'start') {
      const start =
        options.from === 'end'
          ? await store.lastPosition(categories, types)
          : (options.from as GlobalPosition);
      if (start) await session.advance(start);
    }
    const from = session.position;
    const subscription = store.client.subscribeToAll({
      fromPosition: from ? parseKurrentPosition(from) : START,
      filter: serverFilter(categories, types),
    });
    session.markStarted();
    // stop() wakes the session: end the stream so the loop below returns.
    const watcher = (async () => {
      while (!session.stopping) await session.sleep(1_000);
      await subscription.unsubscribe().catch(() => undefined);
    })();
    try {
      for await (const resolved of subscription) {
        if (session.stopping) break;
        const event = toRecorded(resolved, store.upcasters);
        if (!event || (from && event.globalPosition <= from)) continue;
        if (types && !types.includes(event.type)) continue;
        await session.handle([event], event.globalPosition);
      }
    } finally {
      session.wake();
      await subscription.unsubscribe().catch(() => undefined);
      await watcher.catch(() => undefined);
    }
  };

  return asSubscription(
    new CheckpointedSubscription({
      pool: store.settings.pool,
      schema: store.settings.schema,
      options,
      logger: store.settings.logger,
      lockRetryMs: store.settings.lockRetryMs,
      idleInTransactionTimeoutMs: store.settings.idleInTransactionTimeoutMs,
      run,
      latestPosition: () => store.lastPosition(categories, types),
    }),
  );
};
