import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { DynamicModule } from '@nestjs/common';
import type { BaseConfig } from '../config/base.config';
import { PG_POOL } from '../database/pg-pool';
import { PLATFORM_CONFIG } from '../platform.tokens';
import { quoteIdentifier } from './pg-pool';

export type ReadModelsOptions = {
  /** Entity classes; by default every entity registered with TypeOrmModule.forFeature is loaded. */
  entities?: NonNullable<TypeOrmModuleOptions['entities']>;
  /** The service's migration classes, in version order: they create and change its tables at start. */
  migrations?: NonNullable<TypeOrmModuleOptions['migrations']>;
};

/** Where each service records the migrations it ran (in its own schema). */
export const MIGRATIONS_TABLE = 'read_model_migrations';

/** TypeORM options for a service: same URL and schema as the pg pool. */
export const typeOrmOptionsFor = (
  config: BaseConfig,
  options: ReadModelsOptions = {},
): TypeOrmModuleOptions => ({
  type: 'postgres',
  url: config.DATABASE_URL,
  schema: config.DB_SCHEMA,
  extra: { options: `-c search_path=${quoteIdentifier(config.DB_SCHEMA)},public`, max: 5 },
  ...(options.entities ? { entities: options.entities } : { autoLoadEntities: true }),
  // Tables come from versioned migrations in every environment, so what is tested is what is deployed.
  synchronize: false,
  migrationsRun: true,
  migrations: options.migrations ?? [],
  migrationsTableName: MIGRATIONS_TABLE,
  migrationsTransactionMode: 'each',
  logging: false,
});

/**
 * `imports: [ReadModels.forService({ entities, migrations })]` — TypeORM for read models. Waits for
 * PG_POOL so the schema exists before the migrations run in it.
 */
export const ReadModels = {
  forService: (options: ReadModelsOptions = {}): DynamicModule =>
    TypeOrmModule.forRootAsync({
      inject: [PLATFORM_CONFIG, PG_POOL],
      useFactory: (config: BaseConfig) => typeOrmOptionsFor(config, options),
    }),
};
