import { CE_HEADERS, type IntegrationMessage } from '@cartera/contracts';
import type { OutgoingMessage } from './bus.port';

/** JSON that keeps bigint exact: a bigint is written as its decimal string (contracts' money rule). */
export const encodePayload = (payload: unknown): string =>
  JSON.stringify(payload, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)) ??
  'null';

export const decodePayload = (text: string): unknown => JSON.parse(text);

const isoTime = (t: Date | string | undefined, now: Date): string =>
  t === undefined ? now.toISOString() : typeof t === 'string' ? new Date(t).toISOString() : t.toISOString();

/** CloudEvents binary-mode headers (+ correlation, trace) of an outgoing message. */
export const headersFor = (message: OutgoingMessage, source: string, now: Date): Record<string, string> => {
  const headers: Record<string, string> = {
    ...message.headers,
    [CE_HEADERS.id]: message.messageId,
    [CE_HEADERS.type]: message.type,
    [CE_HEADERS.source]: source,
    [CE_HEADERS.time]: isoTime(message.occurredAt, now),
    [CE_HEADERS.specversion]: '1.0',
    [CE_HEADERS.subject]: message.key,
    [CE_HEADERS.schemaVersion]: String(message.schemaVersion),
    [CE_HEADERS.contentType]: 'application/json',
    [CE_HEADERS.correlationId]:
      message.correlationId ?? message.headers?.[CE_HEADERS.correlationId] ?? message.messageId,
  };
  const causation = message.causationId ?? message.headers?.[CE_HEADERS.causationId];
  if (causation) headers[CE_HEADERS.causationId] = causation;
  if (message.traceparent) headers[CE_HEADERS.traceparent] = message.traceparent;
  return headers;
};

/** Rebuilds the envelope from transport headers and the raw payload text. */
export const envelopeFrom = (
  key: string,
  headers: Readonly<Record<string, string>>,
  payloadText: string,
): IntegrationMessage => ({
  messageId: headers[CE_HEADERS.id] ?? '',
  type: headers[CE_HEADERS.type] ?? '',
  schemaVersion: Number(headers[CE_HEADERS.schemaVersion] ?? 0),
  key,
  occurredAt: headers[CE_HEADERS.time] ?? '',
  payload: decodePayload(payloadText),
  headers,
});

export const validateOutgoing = (topic: string, messages: readonly OutgoingMessage[]): void => {
  for (const m of messages) {
    if (!m.key || !m.messageId || !m.type || !Number.isInteger(m.schemaVersion)) {
      throw new Error(
        `publish(${topic}): every message needs key, messageId, type and an integer schemaVersion`,
      );
    }
  }
};
