import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { collect, ping } from './testing';
import { eventually, useTestDatabase } from '@cartera/testing';
import { createPostgresBus, type PostgresBus } from './postgres';

// A real OpenTelemetry SDK (in-memory exporter): the consumer's span must be a child of the producer's.
const exporter = new InMemorySpanExporter();
const db = useTestDatabase('bustrace');

describe('trace propagation through the bus', () => {
  let bus: PostgresBus;
  beforeAll(() => {
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    );
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    bus = createPostgresBus({ pool: db().pool, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await bus.close();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('carries traceparent in the headers; the consumer span is the producer span’s child', async () => {
    const c = collect(bus, { topics: ['trace.events'], group: 'trace-test' });
    await c.consumer.started;
    await trace.getTracer('test').startActiveSpan('POST /payments', async (request) => {
      await bus.publish('trace.events', [ping('debtor-1', 0)]);
      request.end();
    });
    await eventually(() => c.received.length === 1);
    const spans = exporter.getFinishedSpans();
    const [request] = spans.filter((s) => s.name === 'POST /payments');
    const [producer] = spans.filter((s) => s.name === 'trace.events publish');
    const consumer = await eventually(() =>
      exporter.getFinishedSpans().find((s) => s.name === 'trace.events process'),
    );
    expect(producer.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumer.spanContext().traceId).toBe(request.spanContext().traceId);
    const { message, context: handlerContext } = c.received[0];
    expect(message.headers['traceparent']).toBe(
      `00-${producer.spanContext().traceId}-${producer.spanContext().spanId}-01`,
    );
    // What the handler stamps on the events it appends points at the consumer span.
    expect(handlerContext.eventMetadata.traceparent).toBe(
      `00-${consumer.spanContext().traceId}-${consumer.spanContext().spanId}-01`,
    );
    await c.consumer.stop();
  });

  it('keeps a traceparent given with the message (the event’s own, when a publisher maps it)', async () => {
    const c = collect(bus, { topics: ['trace.given'], group: 'trace-test' });
    await c.consumer.started;
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await bus.publish('trace.given', [ping('debtor-1', 0, { traceparent })]);
    await eventually(() => c.received.length === 1);
    expect(c.received[0].message.headers['traceparent']).toBe(traceparent);
    const consumer = await eventually(() =>
      exporter.getFinishedSpans().find((s) => s.name === 'trace.given process'),
    );
    expect(consumer.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    await c.consumer.stop();
  });
});
