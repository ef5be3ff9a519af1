import type { Provider } from '@nestjs/common';
import { PG_POOL, PLATFORM_CONFIG, createServiceBus } from '@cartera/platform';
import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { Bus } from '@cartera/messaging';
import type { Pool } from 'pg';
import { migrate } from './migrations/migrations';
import { CLOCK } from './negotiation.clock';
import type { NegotiationConfig } from './negotiation.config';
import { negotiationTables, NegotiationTables } from './negotiation.schema';
import { LedgerPaymentsConsumer } from './promises/ledger-payments.consumer';
import { PromiseCheckJob } from './promises/promise-check.job';
import { PromisesCommands } from './promises/promises.commands';
import { PromisesQueries } from './promises/promises.queries';
import { PlansCommands } from './plans/plans.commands';
import { CreditorRules } from './rules/creditor-rules';
import { SettlementsCommands } from './settlements/settlements.commands';

export const NEGOTIATION_STORE = Symbol('NEGOTIATION_STORE');
export const NEGOTIATION_BUS = Symbol('NEGOTIATION_BUS');
export const NEGOTIATION_TABLES = Symbol('NEGOTIATION_TABLES');

/** The store owns its pool (subscriptions hold connections); NegotiationBackground closes it. */
const storeFactory = (config: NegotiationConfig): Promise<PostgresEventStore> => {
  if (config.EVENTSTORE !== 'postgres')
    throw new Error(`EVENTSTORE=${config.EVENTSTORE} is not available for negotiation yet (use postgres)`);
  return createPostgresEventStore({
    connectionString: config.DATABASE_URL,
    schema: config.DB_SCHEMA,
    poolMax: 8,
    notifyDebounceMs: 20,
  });
};

const busFactory = (config: NegotiationConfig, pool: Pool): Promise<Bus> =>
  createServiceBus(config, pool, { clientId: 'negotiation', source: 'cartera/negotiation' });

export const negotiationProviders: Provider[] = [
  { provide: CLOCK, useValue: () => new Date() },
  {
    provide: NEGOTIATION_TABLES,
    inject: [PLATFORM_CONFIG, PG_POOL],
    useFactory: async (config: NegotiationConfig, pool: Pool): Promise<NegotiationTables> => {
      const t = negotiationTables(config.DB_SCHEMA);
      await migrate(pool, t);
      return t;
    },
  },
  // NEGOTIATION_TABLES first: the read model exists before the store's subscribers run.
  { provide: NEGOTIATION_STORE, inject: [PLATFORM_CONFIG, NEGOTIATION_TABLES], useFactory: storeFactory },
  { provide: NEGOTIATION_BUS, inject: [PLATFORM_CONFIG, PG_POOL], useFactory: busFactory },
  {
    provide: CreditorRules,
    inject: [PG_POOL, NEGOTIATION_TABLES],
    useFactory: (pool: Pool, t: NegotiationTables) => new CreditorRules(pool, t),
  },
  {
    provide: PromisesCommands,
    inject: [NEGOTIATION_STORE],
    useFactory: (store: PostgresEventStore) => new PromisesCommands(store),
  },
  {
    provide: PlansCommands,
    inject: [NEGOTIATION_STORE],
    useFactory: (store: PostgresEventStore) => new PlansCommands(store),
  },
  {
    provide: SettlementsCommands,
    inject: [NEGOTIATION_STORE],
    useFactory: (store: PostgresEventStore) => new SettlementsCommands(store),
  },
  {
    provide: PromisesQueries,
    inject: [PG_POOL, NEGOTIATION_TABLES],
    useFactory: (pool: Pool, t: NegotiationTables) => new PromisesQueries(pool, t),
  },
  {
    provide: LedgerPaymentsConsumer,
    inject: [PromisesCommands, NEGOTIATION_TABLES],
    useFactory: (c: PromisesCommands, t: NegotiationTables) => new LedgerPaymentsConsumer(c, t),
  },
  {
    provide: PromiseCheckJob,
    inject: [PG_POOL, NEGOTIATION_TABLES, PromisesCommands],
    useFactory: (pool: Pool, t: NegotiationTables, c: PromisesCommands) => new PromiseCheckJob(pool, t, c),
  },
];
