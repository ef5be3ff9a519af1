import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { DynamicModule } from '@nestjs/common';
import type { BaseConfig } from '../config/base.config';
import { PG_POOL } from '../database/pg-pool';
import { PLATFORM_CONFIG } from '../platform.tokens';
import { quoteIdentifier } from './pg-pool';

export type ReadModelsOptions = {
  /** Entity classes; by default every entity registered with TypeOrmModule.forFeature is loaded. */
  entities?: NonNullable<TypeOrmModuleOptions['entities']>;
};

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
  // Development and tests create tables from the entities; production must use migrations.
  synchronize: config.NODE_ENV !== 'production',
  logging: false,
});

/**
 * `imports: [ReadModels.forService()]` — TypeORM for read models. Waits for PG_POOL so the schema
 * exists before TypeORM synchronizes into it.
 */
export const ReadModels = {
  forService: (options: ReadModelsOptions = {}): DynamicModule =>
    TypeOrmModule.forRootAsync({
      inject: [PLATFORM_CONFIG, PG_POOL],
      useFactory: (config: BaseConfig) => typeOrmOptionsFor(config, options),
    }),
};
