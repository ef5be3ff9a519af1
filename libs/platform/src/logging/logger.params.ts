import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactionPaths, traceLogFields } from '@cartera/observability';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';

const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's id is honoured only if it is short and plain: it is echoed into logs and headers. */
const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

export const requestIdOf = (request: IncomingMessage, response: ServerResponse): string => {
  const header = request.headers[REQUEST_ID_HEADER];
  const id = typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
};

/** Probes and scrapes every few seconds are noise in the request log. */
const QUIET_PATHS = /^\/(health|metrics)(\/|$|\?)/;

/**
 * JSON logs with a request id on every line and no personal data: request bodies are never
 * logged, query strings are dropped (searches carry names), auth headers and the personal-data
 * keys of @cartera/observability are redacted wherever they appear in a logged object.
 */
export const loggerParams = (service: string, level: string): Params => ({
  pinoHttp: {
    level,
    base: { service },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: traceLogFields,
    redact: { paths: redactionPaths(), censor: '[redacted]' },
    genReqId: requestIdOf,
    autoLogging: { ignore: (request) => QUIET_PATHS.test(request.url ?? '') },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (request: { id: unknown; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  },
});
