// Run by telemetry.int.spec.ts in a child process (instrumentation patches Node's require, which
// Jest bypasses): starts telemetry with a capturing span processor, runs one parameterised query
// inside an operation's span and one outside any, prints the spans it recorded as JSON.
import { startTelemetry, type SpanProcessor } from '../telemetry';

type Ended = Parameters<SpanProcessor['onEnd']>[0];

void (async () => {
  const ended: Ended[] = [];
  const capture: SpanProcessor = {
    onStart: () => undefined,
    onEnd: (span) => void ended.push(span),
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  const telemetry = startTelemetry({ serviceName: 'fixture', spanProcessors: [capture] });
  const { Client } = await import('pg');
  const { trace } = await import('@opentelemetry/api');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  // Inside a traced operation (a request, a consumed message): pg spans need a parent.
  await trace.getTracer('fixture').startActiveSpan('operation', async (span) => {
    await client.query('SELECT $1::text AS email, $2::text AS name', ['jane.doe@example.com', 'Jane Doe']);
    span.end();
  });
  await client.query('SELECT 1 AS outside_any_operation');
  await client.end();
  await telemetry.shutdown();
  process.stdout.write(JSON.stringify(ended.map((s) => ({ name: s.name, attributes: s.attributes }))));
})();
