import type { NodeSDKConfiguration } from '@opentelemetry/sdk-node';

export type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];

export type TelemetryOptions = {
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Replaces the span pipeline (tests); exporters from env are then not used for traces. */
  spanProcessors?: SpanProcessor[];
};

export type Telemetry = {
  /** False when OTEL_SDK_DISABLED=true: nothing was loaded or patched. */
  readonly enabled: boolean;
  /** True when OTEL_EXPORTER_OTLP_ENDPOINT is set: traces and metrics leave the process. */
  readonly exporting: boolean;
  shutdown(): Promise<void>;
};

/** Records spans (so trace ids reach logs and outgoing traceparent headers) and drops them. */
const dropSpans: SpanProcessor = {
  onStart: () => undefined,
  onEnd: () => undefined,
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

/** Starts OpenTelemetry; call it first in main.ts. Exports only with OTEL_EXPORTER_OTLP_ENDPOINT set. */
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
    // Unset = from OTEL_TRACES_EXPORTER; unrecorded spans still carry ids into logs and messages.
    ...(exporting ? {} : { spanProcessors: [dropSpans], metricReaders: [] }),
    ...(!exporting && !spanProcessors ? { sampler: new tracing.AlwaysOffSampler() } : {}),
    ...(spanProcessors ? { spanProcessors } : {}),
    // Logs go to stdout through pino, never through OTLP.
    logRecordProcessors: [],
  });
  sdk.start();
  return { enabled: true, exporting, shutdown: () => sdk.shutdown() };
};

/** Loads the SDK on demand, so importing this lib for its redaction helpers stays cheap. */
const load = <T>(id: string): T => require(id) as T;

/** Only the instrumentations Cartera uses; unrecorded, only those carrying context across processes. */
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
