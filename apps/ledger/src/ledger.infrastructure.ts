import type { Provider } from '@nestjs/common';
import { PG_POOL, PLATFORM_CONFIG, createServiceBus } from '@cartera/platform';
import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { Bus } from '@cartera/messaging';
import { Pool } from 'pg';
import { AccountsCommands } from './accounts/accounts.commands';
import { AccountsQueries } from './accounts/accounts.queries';
import { AgingJob } from './accounts/aging.job';
import { CreditorPolicies } from './accounts/creditor-policies';
import { InterestJob } from './accounts/interest.job';
import type { LedgerConfig } from './ledger.config';
import { ledgerTables, LedgerTables, migrateLedgerSchema, STORE_CONNECTION_OPTIONS } from './ledger.schema';
import { PlacementImporter } from './placements/placement-import';
import { PlacementsTable } from './placements/placements.table';

export const LEDGER_STORE = Symbol('LEDGER_STORE');
export const LEDGER_STORE_POOL = Symbol('LEDGER_STORE_POOL');
export const LEDGER_BUS = Symbol('LEDGER_BUS');
export const LEDGER_TABLES = Symbol('LEDGER_TABLES');
export const CLOCK = Symbol('CLOCK');

/**
 * The event store of the service. The import appends several streams per transaction, which
 * only the PostgreSQL adapter offers; EVENTSTORE=kurrentdb is refused until its adapter exists.
 */
const storeFactory = async (config: LedgerConfig, pool: Pool): Promise<PostgresEventStore> => {
  if (config.EVENTSTORE !== 'postgres')
    throw new Error(`EVENTSTORE=${config.EVENTSTORE} is not available for the ledger yet (use postgres)`);
  // Subscribers (read model, publisher) are woken at most every 20 ms: under load each wake-up
  // then finds several events, and an idle stream is still seen within a few tens of ms.
  return createPostgresEventStore({ pool, schema: config.DB_SCHEMA, notifyDebounceMs: 20 });
};

/** The store's own pool (subscriptions hold connections; STORE_CONNECTION_OPTIONS); LedgerBackground ends it. */
const storePoolFactory = (config: LedgerConfig): Pool => {
  const pool = new Pool({
    connectionString: config.DATABASE_URL,
    max: 12,
    options: STORE_CONNECTION_OPTIONS,
    application_name: 'ledger-store',
  });
  // A lost connection fails the query using it, never the process (see createServicePool).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
};

const busFactory = (config: LedgerConfig, pool: Pool): Promise<Bus> =>
  createServiceBus(config, pool, { clientId: 'ledger', source: 'cartera/ledger' });

export const ledgerProviders: Provider[] = [
  { provide: CLOCK, useValue: () => new Date() },
  {
    provide: LEDGER_TABLES,
    inject: [PLATFORM_CONFIG, PG_POOL],
    useFactory: async (config: LedgerConfig, pool: Pool): Promise<LedgerTables> => {
      const t = ledgerTables(config.DB_SCHEMA);
      await migrateLedgerSchema(pool, t);
      return t;
    },
  },
  { provide: LEDGER_STORE_POOL, inject: [PLATFORM_CONFIG], useFactory: storePoolFactory },
  // LEDGER_TABLES first: the read model and placements tables exist before anything runs.
  {
    provide: LEDGER_STORE,
    inject: [PLATFORM_CONFIG, LEDGER_STORE_POOL, LEDGER_TABLES],
    useFactory: storeFactory,
  },
  { provide: LEDGER_BUS, inject: [PLATFORM_CONFIG, PG_POOL], useFactory: busFactory },
  {
    provide: CreditorPolicies,
    inject: [PG_POOL, LEDGER_TABLES],
    useFactory: async (pool: Pool, t: LedgerTables) => {
      const policies = new CreditorPolicies(pool, t);
      await policies.refresh();
      return policies;
    },
  },
  {
    provide: AccountsCommands,
    inject: [LEDGER_STORE, CreditorPolicies, CLOCK],
    useFactory: (store: PostgresEventStore, policies: CreditorPolicies, clock: () => Date) =>
      new AccountsCommands(store, policies, clock),
  },
  {
    provide: AccountsQueries,
    inject: [PG_POOL, LEDGER_TABLES, LEDGER_STORE, CLOCK],
    useFactory: (pool: Pool, t: LedgerTables, store: PostgresEventStore, clock: () => Date) =>
      new AccountsQueries(pool, t, store, clock),
  },
  {
    provide: AgingJob,
    inject: [PG_POOL, LEDGER_TABLES, AccountsCommands],
    useFactory: (p: Pool, t: LedgerTables, c: AccountsCommands) => new AgingJob(p, t, c),
  },
  {
    provide: InterestJob,
    inject: [PG_POOL, LEDGER_TABLES, AccountsCommands],
    useFactory: (p: Pool, t: LedgerTables, c: AccountsCommands) => new InterestJob(p, t, c),
  },
  {
    provide: PlacementsTable,
    inject: [PG_POOL, LEDGER_TABLES],
    useFactory: (pool: Pool, t: LedgerTables) => new PlacementsTable(pool, t),
  },
  {
    provide: PlacementImporter,
    inject: [LEDGER_STORE, PG_POOL, LEDGER_TABLES, CreditorPolicies, PlacementsTable],
    useFactory: (
      store: PostgresEventStore,
      pool: Pool,
      t: LedgerTables,
      policies: CreditorPolicies,
      placements: PlacementsTable,
    ) => new PlacementImporter(store, pool, t, policies, placements),
  },
];
