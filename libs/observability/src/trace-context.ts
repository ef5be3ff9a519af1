import { trace } from '@opentelemetry/api';

/** Trace and span ids of the active span, for log lines (pino `mixin`); empty when none. */
export const traceLogFields = (): { trace_id?: string; span_id?: string } => {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !trace.isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
};
