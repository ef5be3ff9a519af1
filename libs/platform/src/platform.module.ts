import {
  Inject,
  Module,
  type Type,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Pool } from 'pg';
import { AuthGuard, TOKEN_VERIFIER } from './auth/auth.guard';
import { createTokenVerifier } from './auth/token-verifier';
import type { BaseConfig } from './config/base.config';
import { loadConfig, type ConfigSchema } from './config/load-config';
import { createServicePool, PG_POOL } from './database/pg-pool';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness.registry';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation';
import { loggerParams } from './logging/logger.params';
import {
  createMetricsRegistry,
  HttpMetricsMiddleware,
  METRICS_REGISTRY,
  MetricsController,
} from './metrics/metrics';
import { platformEnv } from './platform-env';
import { PLATFORM_CONFIG, SERVICE_NAME } from './platform.tokens';

export type ServiceOptions<C extends BaseConfig> = {
  /** e.g. `ledger`, `case-management`: log `service` field, metrics label, OpenAPI title. */
  name: string;
  configSchema: ConfigSchema<C>;
};

const schemas = new WeakMap<object, ConfigSchema<BaseConfig>>();

/**
 * The configuration schema of an app module that imports PlatformModule.forService directly, so
 * that createApp can validate the environment before Nest starts (and prints its noise).
 */
export const configSchemaOf = (appModule: Type<unknown>): ConfigSchema<BaseConfig> | undefined => {
  const imports: unknown[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, appModule) ?? [];
  for (const imported of imports) {
    const schema = typeof imported === 'object' && imported !== null ? schemas.get(imported) : undefined;
    if (schema) return schema;
  }
  return undefined;
};

/** Holds PLATFORM_CONFIG, shared by the platform and the logger factory. */
@Module({})
class PlatformConfigModule {}

/** Closes the pool after HTTP has stopped and every module's shutdown hook ran. */
class PoolLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * What every service imports once: `PlatformModule.forService({ name: 'ledger', configSchema: LedgerConfig })`.
 * Global: PLATFORM_CONFIG, PG_POOL, METRICS_REGISTRY, ReadinessRegistry; plus the auth guard,
 * validation pipe, problem+json filter, JSON logs, /health/live, /health/ready and /metrics.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forService<C extends BaseConfig>({ name, configSchema }: ServiceOptions<C>): DynamicModule {
    const configProvider: Provider = {
      provide: PLATFORM_CONFIG,
      useFactory: () => loadConfig(configSchema, platformEnv()),
    };
    // Its own module so the logger's factory can inject the configuration.
    const configModule: DynamicModule = {
      module: PlatformConfigModule,
      providers: [configProvider],
      exports: [PLATFORM_CONFIG],
    };
    const platform: DynamicModule = {
      module: PlatformModule,
      global: true,
      imports: [
        configModule,
        LoggerModule.forRootAsync({
          imports: [configModule],
          inject: [PLATFORM_CONFIG],
          useFactory: (config: BaseConfig) => loggerParams(name, config.LOG_LEVEL),
        }),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: name },
        {
          provide: PG_POOL,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: BaseConfig) =>
            createServicePool({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, applicationName: name }),
        },
        PoolLifecycle,
        { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(name) },
        ReadinessRegistry,
        {
          provide: TOKEN_VERIFIER,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: BaseConfig) => createTokenVerifier(config),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [configModule, SERVICE_NAME, PG_POOL, METRICS_REGISTRY, ReadinessRegistry],
    };
    schemas.set(platform, configSchema);
    return platform;
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
