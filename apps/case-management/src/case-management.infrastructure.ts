import type { Provider } from '@nestjs/common';
import { PG_POOL, PLATFORM_CONFIG, createServiceBus } from '@cartera/platform';
import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { Bus } from '@cartera/messaging';
import { Pool } from 'pg';
import type { CaseManagementConfig } from './case-management.config';
import { caseTables, CaseTables, migrateCaseSchema } from './case-management.schema';
import { CasesCommands } from './cases/cases.commands';
import { CaseLocks } from './cases/case-locks';
import { CasesBulk } from './cases/cases.bulk';
import { CasesQueries } from './cases/cases.queries';
import { SupervisorQueries } from './cases/supervisor.queries';

export const CASE_STORE = Symbol('CASE_STORE');
export const CASE_STORE_POOL = Symbol('CASE_STORE_POOL');
export const CASE_BUS = Symbol('CASE_BUS');
export const CASE_TABLES = Symbol('CASE_TABLES');
export const CLOCK = Symbol('CASE_CLOCK');

const storeFactory = async (config: CaseManagementConfig, pool: Pool): Promise<PostgresEventStore> => {
  if (config.EVENTSTORE !== 'postgres')
    throw new Error(
      `EVENTSTORE=${config.EVENTSTORE} is not available for case management yet (use postgres)`,
    );
  return createPostgresEventStore({ pool, schema: config.DB_SCHEMA, notifyDebounceMs: 20 });
};

/** The store's own pool: its subscriptions hold connections the HTTP queries must not wait for. */
const storePoolFactory = (config: CaseManagementConfig): Pool => {
  const pool = new Pool({
    connectionString: config.DATABASE_URL,
    max: 8,
    application_name: 'case-management-store',
  });
  // A lost connection fails the query using it, never the process (see createServicePool).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
};

const busFactory = (config: CaseManagementConfig, pool: Pool): Promise<Bus> =>
  createServiceBus(config, pool, { clientId: 'case-management', source: 'cartera/case-management' });

export const caseProviders: Provider[] = [
  { provide: CLOCK, useValue: () => new Date() },
  {
    provide: CASE_TABLES,
    inject: [PLATFORM_CONFIG, PG_POOL],
    useFactory: async (config: CaseManagementConfig, pool: Pool): Promise<CaseTables> => {
      const t = caseTables(config.DB_SCHEMA);
      await migrateCaseSchema(pool, t);
      return t;
    },
  },
  { provide: CASE_STORE_POOL, inject: [PLATFORM_CONFIG], useFactory: storePoolFactory },
  { provide: CASE_STORE, inject: [PLATFORM_CONFIG, CASE_STORE_POOL, CASE_TABLES], useFactory: storeFactory },
  { provide: CASE_BUS, inject: [PLATFORM_CONFIG, PG_POOL], useFactory: busFactory },
  {
    provide: CasesCommands,
    inject: [CASE_STORE],
    useFactory: (store: PostgresEventStore) => new CasesCommands(store),
  },
  {
    provide: CasesQueries,
    inject: [PG_POOL, CASE_TABLES],
    useFactory: (pool: Pool, t: CaseTables) => new CasesQueries(pool, t),
  },
  {
    provide: SupervisorQueries,
    inject: [PG_POOL, CASE_TABLES],
    useFactory: (pool: Pool, t: CaseTables) => new SupervisorQueries(pool, t),
  },
  {
    provide: CaseLocks,
    inject: [PG_POOL, CASE_TABLES],
    useFactory: (pool: Pool, t: CaseTables) => new CaseLocks(pool, t),
  },
  {
    provide: CasesBulk,
    inject: [CasesCommands, CasesQueries],
    useFactory: (commands: CasesCommands, queries: CasesQueries) => new CasesBulk(commands, queries),
  },
];
