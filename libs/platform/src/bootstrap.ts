import type { Server } from 'node:http';
import { Logger as NestLogger, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { BaseConfig } from './config/base.config';
import { ConfigError, loadConfig, redactedConfig } from './config/load-config';
import { configSchemaOf } from './platform.module';
import { withPlatformEnv } from './platform-env';
import { PLATFORM_CONFIG, SERVICE_NAME } from './platform.tokens';

export type AppOptions = {
  /** Variables to read the configuration from (default: process.env). */
  env?: NodeJS.ProcessEnv;
};

export type BootstrapOptions = AppOptions & {
  /** Interface to listen on (default: all). */
  host?: string;
  /** Runs last on shutdown, e.g. flushing telemetry. */
  onShutdown?: () => Promise<void>;
};

/**
 * The configured, initialised application, not listening: what `bootstrap` starts and what HTTP tests drive
 * with supertest (`request(app.getHttpServer())`). Close it with `app.close()`.
 */
export const createApp = async (
  appModule: Type<unknown>,
  { env = process.env }: AppOptions = {},
): Promise<INestApplication> =>
  withPlatformEnv(env, async () => {
    // Fail on configuration before Nest starts, so the message naming the variables stands alone.
    const schema = configSchemaOf(appModule);
    if (schema) loadConfig(schema, env);
    const app = await NestFactory.create(appModule, { bufferLogs: true, abortOnError: false });
    app.useLogger(app.get(Logger));
    app.flushLogs();
    const name = app.get<string>(SERVICE_NAME);
    if (schema)
      new NestLogger('Config').log(
        { config: redactedConfig(schema, app.get<BaseConfig>(PLATFORM_CONFIG)) },
        `${name} configuration`,
      );
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(`Cartera ${name}`)
        .setDescription(
          `HTTP API of the ${name} service. Every route needs a bearer JWT (\`npm run token -- --role admin\`).`,
        )
        .setVersion('0.1.0')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
        .addSecurityRequirements('bearer')
        .build(),
    );
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
    await app.init();
    return app;
  });

/**
 * What every apps/<service>/src/main.ts calls: builds the app, listens on PORT and stops
 * gracefully on SIGTERM/SIGINT. A configuration error prints the variables at fault and exits 1.
 */
export const bootstrap = async (
  appModule: Type<unknown>,
  options: BootstrapOptions = {},
): Promise<INestApplication> => {
  const started = Date.now();
  let app: INestApplication;
  try {
    app = await createApp(appModule, options);
  } catch (error) {
    // Before the logger exists: plain stderr, so the cause is the last thing an operator sees.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const config = app.get<BaseConfig>(PLATFORM_CONFIG);
  await app.listen(config.PORT, options.host ?? '0.0.0.0');
  const logger = new NestLogger('Bootstrap');
  logger.log(
    `${app.get<string>(SERVICE_NAME)} listening on http://localhost:${config.PORT} (docs: /docs) in ${Date.now() - started} ms`,
  );
  stopGracefully(app, config.SHUTDOWN_TIMEOUT_MS, logger, options.onShutdown);
  return app;
};

/**
 * Nest's enableShutdownHooks() would run onModuleDestroy before the HTTP server closes, so
 * requests in flight could meet closed pools. Order here: stop accepting and finish in-flight
 * requests, then Nest's shutdown hooks (consumers, projections, pools), then onShutdown.
 */
const stopGracefully = (
  app: INestApplication,
  timeoutMs: number,
  logger: NestLogger,
  onShutdown?: () => Promise<void>,
): void => {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    const force = setTimeout(() => {
      logger.error(`shutdown took more than ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs);
    force.unref();
    try {
      const server = app.getHttpServer() as Server;
      const began = Date.now();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      await onShutdown?.();
      logger.log(`stopped in ${Date.now() - began} ms`);
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void stop(s));
};
