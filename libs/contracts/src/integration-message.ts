/**
 * The envelope of every integration event on the bus. Integration events are the public contract
 * between services, deliberately separate from the domain events stored in each service's store.
 */
export type IntegrationMessage<Type extends string = string, Payload = unknown> = Readonly<{
  /** Unique id; a publisher uses the id of the domain event it maps, so a replay is recognised. */
  messageId: string;
  /** Contract type, past tense (`PaymentPosted`); also the Nest `@EventPattern`. */
  type: Type;
  /** Version of the contract's schema (`<message>.v<N>.ts`). */
  schemaVersion: number;
  /** Partition key: the debtor id, so that one debtor's events stay ordered. */
  key: string;
  /** Business time of the fact, ISO 8601. */
  occurredAt: string;
  /** JSON payload; money travels as a string of minor units plus an ISO 4217 currency. */
  payload: Payload;
  /** Transport headers (CloudEvents binary mode `ce_*`, `traceparent`, correlation). */
  headers: Readonly<Record<string, string>>;
}>;

/** CloudEvents binary-mode header names used by every bus adapter. */
export const CE_HEADERS = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  specversion: 'ce_specversion',
  subject: 'ce_subject',
  schemaVersion: 'ce_schemaversion',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
  contentType: 'content-type',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;
