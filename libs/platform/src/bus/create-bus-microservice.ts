import type { INestMicroservice, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BusExceptionFilter } from './bus-exception.filter';
import { BusTransport, type BusTransportOptions } from './bus.transport';

/**
 * A Nest microservice whose `@EventPattern` handlers consume the bus. For an HTTP app that also
 * consumes: `app.connectMicroservice({ strategy: new BusTransport(options) }, { inheritAppConfig: true })`
 * and `app.useGlobalFilters(new BusExceptionFilter())`.
 */
export const createBusMicroservice = async (
  module: Parameters<typeof NestFactory.createMicroservice>[0],
  options: BusTransportOptions & { logger?: LoggerService | LogLevel[] | false },
): Promise<{ app: INestMicroservice; transport: BusTransport }> => {
  const { logger, ...transportOptions } = options;
  const transport = new BusTransport(transportOptions);
  const app = await NestFactory.createMicroservice(module, {
    strategy: transport,
    ...(logger === undefined ? {} : { logger }),
  });
  app.useGlobalFilters(new BusExceptionFilter());
  return { app, transport };
};
