import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReceivedMessage } from './bus.port';

// With no OpenTelemetry SDK registered these calls are no-ops and the incoming traceparent is
// passed through unchanged; with the SDK, the consumer span is a child of the producer's.
const tracer = () => trace.getTracer('@cartera/messaging');

/** Runs `publish` inside a producer span and gives it the trace headers to stamp on messages. */
export const withProducerSpan = async <T>(
  topic: string,
  count: number,
  publish: (traceHeaders: Record<string, string>) => Promise<T>,
): Promise<T> =>
  tracer().startActiveSpan(
    `${topic} publish`,
    {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.destination.name': topic, 'messaging.batch.message_count': count },
    },
    async (span) => {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      try {
        return await publish(carrier);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );

/** Runs one delivery attempt inside a consumer span whose parent is the message's trace context. */
export const withConsumerSpan = async <T>(
  message: ReceivedMessage,
  group: string,
  run: (traceparent: string | undefined) => Promise<T>,
): Promise<T> => {
  const parent = propagation.extract(ROOT_CONTEXT, message.headers);
  return tracer().startActiveSpan(
    `${message.topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.destination.name': message.topic,
        'messaging.consumer.group.name': group,
        'messaging.message.id': message.messageId,
        'messaging.destination.partition.id': String(message.partition),
      },
    },
    parent,
    async (span) => {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      try {
        return await run(carrier['traceparent'] ?? message.headers['traceparent']);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
};
