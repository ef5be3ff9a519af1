import type { EventMetadata, GlobalPosition, RecordedEvent } from '../event-store.port';
import { mayHoldBigint, reviveBigints } from '../json-codec';
import type { UpcasterRegistry } from '../upcasters';
import { formatPosition } from './postgres-position';

/** A timestamptz column as epoch milliseconds (int8): stored times are whole milliseconds. */
export const epochMs = (column: string): string => `(date_part('epoch', ${column}) * 1000)::int8`;

/**
 * What every read selects: the envelope's ten small values as ONE text joined by U+001F (kept out of
 * ids and types by validation), because the driver's cost is per field; then data and metadata as the
 * stored canonical JSON. Rows come in `rowMode: 'array'`: [envelope, data, metadata] (+ extra column).
 */
export const ENVELOPE_COLUMN = `concat_ws(E'\\x1f', e.generation, e.transaction_id, e.seq, e.stream_version, e.schema_version, e.id,
  ${epochMs('e.occurred_at')}, ${epochMs('e.recorded_at')}, e.type, e.stream_id) AS envelope`;
// json, whose output is the stored text as is: a `::text` cast would be an I/O conversion.
export const EVENT_COLUMNS = `${ENVELOPE_COLUMN}, e.data AS data, e.metadata AS metadata`;

/** A row of `EVENT_COLUMNS` in array mode; data and metadata are null where a poll's filter left it out. */
export type EventRow = [envelope: string, data: string | null, metadata: string | null];

export type EventRowOf<Extra> = [...EventRow, Extra];

export const extraColumn = <Extra>(row: EventRowOf<Extra>): Extra => row[3];

const SEPARATOR = '\x1f';

/** Writes an envelope the way `ENVELOPE_COLUMN` does (tests build rows with it). */
export const envelopeText = (
  e: Readonly<{
    generation: number;
    transactionId: string;
    seq: string | number;
    streamVersion: number;
    schemaVersion: number;
    id: string;
    occurredAtMs: number;
    recordedAtMs: number;
    type: string;
    streamId: string;
  }>,
): string =>
  [
    e.generation,
    e.transactionId,
    e.seq,
    e.streamVersion,
    e.schemaVersion,
    e.id,
    e.occurredAtMs,
    e.recordedAtMs,
    e.type,
    e.streamId,
  ].join(SEPARATOR);

// The events of one transaction share generation and transaction id: their padded prefix is made once.
let prefixKey = '';
let prefix = '';

const positionAt = (envelope: string, afterSeq: number): GlobalPosition => {
  const afterTransaction = envelope.lastIndexOf(SEPARATOR, afterSeq - 1);
  const key = envelope.slice(0, afterTransaction);
  if (key !== prefixKey) {
    const afterGeneration = envelope.indexOf(SEPARATOR);
    prefix = formatPosition(
      Number(envelope.slice(0, afterGeneration)),
      envelope.slice(afterGeneration + 1, afterTransaction),
      0,
    ).slice(0, -19);
    prefixKey = key;
  }
  return `${prefix}${envelope.slice(afterTransaction + 1, afterSeq).padStart(19, '0')}` as GlobalPosition;
};

/** Index of the separator after the n-th value (1-based) of an envelope. */
const afterValue = (envelope: string, n: number): number => {
  let at = -1;
  for (let i = 0; i < n; i++) at = envelope.indexOf(SEPARATOR, at + 1);
  return at;
};

export const rowPosition = (row: EventRow | EventRowOf<unknown>): GlobalPosition =>
  positionAt(row[0], afterValue(row[0], 3));

const asText = (value: string): string => value;
/** Parsers for `EVENT_COLUMNS` (the query's `types`): int4 as a number, everything else as received. */
export const EVENT_ROW_TYPES = {
  getTypeParser: (oid: number): ((value: string) => unknown) => (oid === 23 ? Number : asText),
};

const parseStored = (text: string): unknown =>
  mayHoldBigint(text) ? reviveBigints(JSON.parse(text)) : JSON.parse(text);

// Consecutive events mostly share one metadata text (one command, one import batch): parsed once, the
// frozen object shared.
const EMPTY_METADATA: EventMetadata = Object.freeze({});
let lastMetadataText: string | undefined;
let lastMetadata: EventMetadata = EMPTY_METADATA;
const metadataOf = (text: string | null): EventMetadata => {
  if (text === null) return EMPTY_METADATA;
  if (text !== lastMetadataText) {
    lastMetadata = deepFreeze(parseStored(text)) as EventMetadata;
    lastMetadataText = text;
  }
  return lastMetadata;
};
const deepFreeze = (value: unknown): unknown => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
};

export const rowToEvent = (
  row: EventRow | EventRowOf<unknown>,
  upcasters: UpcasterRegistry,
): RecordedEvent => {
  const envelope = row[0];
  // generation, transaction id, seq | version | schema version | id | occurred | recorded | type | stream
  const afterSeq = afterValue(envelope, 3);
  const afterVersion = envelope.indexOf(SEPARATOR, afterSeq + 1);
  const afterSchema = envelope.indexOf(SEPARATOR, afterVersion + 1);
  const afterId = envelope.indexOf(SEPARATOR, afterSchema + 1);
  const afterOccurred = envelope.indexOf(SEPARATOR, afterId + 1);
  const afterRecorded = envelope.indexOf(SEPARATOR, afterOccurred + 1);
  const afterType = envelope.indexOf(SEPARATOR, afterRecorded + 1);
  const data = row[1] === null ? null : parseStored(row[1]);
  const metadata = metadataOf(row[2]);
  return upcasters.upcast({
    id: envelope.slice(afterSchema + 1, afterId),
    type: envelope.slice(afterRecorded + 1, afterType),
    schemaVersion: Number(envelope.slice(afterVersion + 1, afterSchema)),
    // Last, so that it is whatever follows the ninth separator.
    streamId: envelope.slice(afterType + 1),
    streamVersion: Number(envelope.slice(afterSeq + 1, afterVersion)),
    globalPosition: positionAt(envelope, afterSeq),
    data,
    metadata,
    occurredAt: new Date(Number(envelope.slice(afterId + 1, afterOccurred))),
    recordedAt: new Date(Number(envelope.slice(afterOccurred + 1, afterRecorded))),
  });
};
