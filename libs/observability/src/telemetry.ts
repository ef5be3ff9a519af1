import type { NodeSDKConfiguration } from '@opentelemetry/sdk-node';

export type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];

export type TelemetryOptions = {
  /** `service.name` of every span and metric, e.g. `ledger`. */
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Replaces the span pipeline (tests, custom processing); exporters from env are then not used for traces. */
  spanProcessors?: SpanProcessor[];
};

export type Telemetry = {
  /** False when OTEL_SDK_DISABLED=true: nothing was loaded or patched. */
  readonly enabled: boolean;
  /** True when OTEL_EXPORTER_OTLP_ENDPOINT is set: traces and metrics leave the process. */
  readonly exporting: boolean;
  /** Flushes and stops the SDK; part of graceful shutdown. */
  shutdown(): Promise<void>;
};

/** Records spans (so trace ids reach logs and outgoing traceparent headers) and drops them. */
const dropSpans: SpanProcessor = {
  onStart: () => undefined,
  onEnd: () => undefined,
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

/**
 * Starts OpenTelemetry. Call it before anything else is imported (apps/<service>/src/telemetry.ts,
 * the first import of main.ts): instrumentations patch http, express, pg, kafkajs and Nest as they
 * are first required.
 *
 * - OTEL_SDK_DISABLED=true: the SDK is not even loaded.
 * - OTEL_EXPORTER_OTLP_ENDPOINT set: OTLP traces and metrics (protocol, headers and the rest from
 *   the standard OTEL_* variables).
 * - otherwise: spans are created unrecorded, for context propagation and log correlation only;
 *   nothing is exported.
 */
export const startTelemetry = ({
  serviceName,
  env = process.env,
  spanProcessors,
}: TelemetryOptions): Telemetry => {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') {
    return { enabled: false, exporting: false, shutdown: async () => undefined };
  }
  const exporting = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim());
  const { NodeSDK, tracing } = load<typeof import('@opentelemetry/sdk-node')>('@opentelemetry/sdk-node');
  const recording = exporting || spanProcessors !== undefined;
  const sdk = new NodeSDK({
    serviceName,
    instrumentations: instrumentations(recording),
    // Unset = configured from OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER (default: otlp).
    // Nothing leaves the process: spans are not recorded (no attributes, no timings), but each
    // still has ids, so trace context reaches logs, outgoing requests and bus messages.
    ...(exporting ? {} : { spanProcessors: [dropSpans], metricReaders: [] }),
    ...(!exporting && !spanProcessors ? { sampler: new tracing.AlwaysOffSampler() } : {}),
    ...(spanProcessors ? { spanProcessors } : {}),
    // Logs go to stdout through pino, never through OTLP.
    logRecordProcessors: [],
  });
  sdk.start();
  return { enabled: true, exporting, shutdown: () => sdk.shutdown() };
};

/**
 * Loads the SDK on demand, synchronously (it must be running before the next import of main.ts),
 * so that importing this lib for its redaction helpers stays cheap.
 */
const load = <T>(id: string): T => require(id) as T;

/**
 * Only the instrumentations Cartera uses; loading all of auto-instrumentations-node costs start-up
 * time. When spans are not recorded, only those that carry trace context across processes (HTTP,
 * Kafka) are loaded: Express, pg and Nest spans would be made and dropped on every middleware and
 * query (measured: ~0.6 ms of CPU per request, ~1–2 ms per payment command, on the 2-core VM).
 */
const instrumentations = (recording: boolean): NonNullable<NodeSDKConfiguration['instrumentations']> => {
  const { HttpInstrumentation } = load<typeof import('@opentelemetry/instrumentation-http')>(
    '@opentelemetry/instrumentation-http',
  );
  const { KafkaJsInstrumentation } = load<typeof import('@opentelemetry/instrumentation-kafkajs')>(
    '@opentelemetry/instrumentation-kafkajs',
  );
  const propagation = [
    new HttpInstrumentation({
      // Probes and scrapes would drown the traces.
      ignoreIncomingRequestHook: (req) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? ''),
    }),
    new KafkaJsInstrumentation(),
  ];
  if (!recording) return propagation;
  const { ExpressInstrumentation } = load<typeof import('@opentelemetry/instrumentation-express')>(
    '@opentelemetry/instrumentation-express',
  );
  const { PgInstrumentation } = load<typeof import('@opentelemetry/instrumentation-pg')>(
    '@opentelemetry/instrumentation-pg',
  );
  const { NestInstrumentation } = load<typeof import('@opentelemetry/instrumentation-nestjs-core')>(
    '@opentelemetry/instrumentation-nestjs-core',
  );
  return [
    ...propagation,
    new ExpressInstrumentation(),
    new PgInstrumentation({
      // Query parameters carry personal data: never attach them (the statement text has only $n).
      enhancedDatabaseReporting: false,
      addSqlCommenterCommentToQueries: false,
      // Queries outside a traced operation (subscription polls, background jobs) make no root spans.
      requireParentSpan: true,
    }),
    new NestInstrumentation(),
  ];
};
