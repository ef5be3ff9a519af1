import { Logger, type Provider } from '@nestjs/common';
import {
  loadConfig,
  PG_POOL,
  PLATFORM_CONFIG,
  platformEnv,
  type BaseConfig,
  createServiceBus,
} from '@cartera/platform';
import { createPostgresEventStore, type PostgresEventStore } from '@cartera/eventstore/postgres';
import type { Bus } from '@cartera/messaging';
import {
  createBlindIndexer,
  createLocalKeyWrapper,
  createPiiVault,
  deriveKey,
  loadOrCreateMasterKeyFile,
  parseMasterKey,
  type BlindIndexer,
  type PiiVault,
} from '@cartera/pii';
import type { Pool } from 'pg';
import { DebtorsPiiConfig } from './debtors.config';
import { debtorTables, migrateDebtorTables, type DebtorTables } from './debtors.schema';

export const DEBTORS_STORE = Symbol('DEBTORS_STORE');
export const DEBTORS_BUS = Symbol('DEBTORS_BUS');
export const DEBTOR_TABLES = Symbol('DEBTOR_TABLES');
export const PII_VAULT = Symbol('PII_VAULT');
export const BLIND_INDEX = Symbol('BLIND_INDEX');
export const MASTER_KEY = Symbol('MASTER_KEY');
export const DEBTORS_CLOCK = Symbol('DEBTORS_CLOCK');

/** PII_MASTER_KEY, or the embedded default's key file (generated on first start, and said so). */
const masterKeyFactory = (config: BaseConfig): Buffer => {
  const pii = loadConfig(DebtorsPiiConfig, platformEnv());
  if (pii.PII_MASTER_KEY) return parseMasterKey(pii.PII_MASTER_KEY);
  if (config.NODE_ENV === 'production')
    throw new Error('PII_MASTER_KEY is required when NODE_ENV=production (or a KMS KeyWrapper)');
  const { key, created } = loadOrCreateMasterKeyFile(pii.PII_MASTER_KEY_FILE);
  const logger = new Logger('Debtors');
  if (created)
    logger.warn(
      `No PII_MASTER_KEY: generated one into ${pii.PII_MASTER_KEY_FILE} (keep it: losing it loses every debtor's data)`,
    );
  else logger.log(`PII master key read from ${pii.PII_MASTER_KEY_FILE}`);
  return key;
};

const busFactory = (config: BaseConfig, pool: Pool): Promise<Bus> =>
  createServiceBus(config, pool, { clientId: 'case-management-debtors', source: 'cartera/case-management' });

export const debtorsInfrastructure: Provider[] = [
  { provide: DEBTORS_CLOCK, useValue: () => new Date() },
  {
    provide: DEBTOR_TABLES,
    inject: [PLATFORM_CONFIG, PG_POOL],
    useFactory: async (config: BaseConfig, pool: Pool): Promise<DebtorTables> => {
      const t = debtorTables(config.DB_SCHEMA);
      await migrateDebtorTables(pool, t);
      return t;
    },
  },
  { provide: MASTER_KEY, inject: [PLATFORM_CONFIG], useFactory: masterKeyFactory },
  {
    provide: PII_VAULT,
    inject: [PLATFORM_CONFIG, PG_POOL, MASTER_KEY],
    useFactory: (config: BaseConfig, pool: Pool, key: Buffer): Promise<PiiVault> =>
      createPiiVault({ pool, schema: config.DB_SCHEMA, wrapper: createLocalKeyWrapper(key) }),
  },
  {
    provide: BLIND_INDEX,
    inject: [MASTER_KEY],
    useFactory: (key: Buffer): BlindIndexer => createBlindIndexer(deriveKey(key, 'debtor-match-keys')),
  },
  {
    provide: DEBTORS_STORE,
    inject: [PLATFORM_CONFIG, DEBTOR_TABLES],
    useFactory: (config: BaseConfig): Promise<PostgresEventStore> => {
      if (config.EVENTSTORE !== 'postgres')
        throw new Error(
          `EVENTSTORE=${config.EVENTSTORE} is not available for the debtor registry yet (use postgres)`,
        );
      return createPostgresEventStore({
        connectionString: config.DATABASE_URL,
        schema: config.DB_SCHEMA,
        poolMax: 6,
      });
    },
  },
  { provide: DEBTORS_BUS, inject: [PLATFORM_CONFIG, PG_POOL], useFactory: busFactory },
];
