import type { EventMetadata, GlobalPosition, RecordedEvent } from '../event-store.port';
import { mayHoldBigint, reviveBigints } from '../json-codec';
import type { UpcasterRegistry } from '../upcasters';
import { formatPosition } from './postgres-position';

/**
 * What every read selects, chosen for the server's cost: a catch-up is bound by the one backend
 * that produces its windows, so the columns are the stored values with the cheapest output
 * functions and the client does the rest (measured: 4.6 µs a row for server and wire instead of
 * 6.9 with the position padded and the payload concatenated in SQL). The position travels as its
 * three numbers and is padded here; times as epoch seconds (float8: parsing a number is several
 * times cheaper than a timestamptz text); data and metadata as the stored canonical JSON texts,
 * each parsed as it arrives (no concatenation to flatten); bigints are revived by a walk only when
 * the text holds the tag.
 * Rows come back in `rowMode: 'array'` in the order of `EVENT_COLUMNS`.
 */
export const POSITION_COLUMNS = `e.generation, e.transaction_id, e.seq`;
export const ENVELOPE_COLUMNS = `e.stream_id, e.stream_version, e.schema_version, e.id, e.type,
  date_part('epoch', e.occurred_at) AS occurred_at, date_part('epoch', e.recorded_at) AS recorded_at`;
export const EVENT_COLUMNS = `${POSITION_COLUMNS}, ${ENVELOPE_COLUMNS}, e.data::text AS data, e.metadata::text AS metadata`;

/** A row of `EVENT_COLUMNS` in array mode; data and metadata are null where a poll's filter left the event out. */
export type EventRow = [
  generation: number,
  transactionId: string,
  seq: string,
  streamId: string,
  streamVersion: string,
  schemaVersion: number,
  id: string,
  type: string,
  occurredAt: number,
  recordedAt: number,
  data: string | null,
  metadata: string | null,
];

/** A row of `EVENT_COLUMNS` followed by one more column. */
export type EventRowOf<Extra> = [...EventRow, Extra];

/** The column after the twelve of `EVENT_COLUMNS`. */
export const extraColumn = <Extra>(row: EventRowOf<Extra>): Extra => row[12];

// The events of one transaction share generation and transaction id: their padded prefix is made once.
let prefixGeneration = -1;
let prefixTransaction = '';
let prefix = '';

export const rowPosition = (row: EventRow | EventRowOf<unknown>): GlobalPosition => {
  if (row[0] !== prefixGeneration || row[1] !== prefixTransaction) {
    prefixGeneration = row[0];
    prefixTransaction = row[1];
    prefix = formatPosition(row[0], row[1], 0).slice(0, -19);
  }
  return `${prefix}${row[2].padStart(19, '0')}` as GlobalPosition;
};

const asText = (value: string): string => value;
/**
 * Parsers of `EVENT_COLUMNS` (pass as the query's `types`): int4 and float8 as numbers, everything
 * else as the text received (pg's default for int8 re-checks every value with a regular expression).
 */
export const EVENT_ROW_TYPES = {
  getTypeParser: (oid: number): ((value: string) => unknown) => (oid === 23 || oid === 701 ? Number : asText),
};

// Stored times are whole milliseconds, so rounding undoes the float's representation error.
export const epochToDate = (seconds: number): Date => new Date(Math.round(seconds * 1000));

const parseStored = (text: string): unknown => (mayHoldBigint(text) ? reviveBigints(JSON.parse(text)) : JSON.parse(text));

// Consecutive events mostly carry the same metadata text (the events of one command, of one
// import batch): it is parsed once and the (deeply frozen, as the type says it is read-only)
// object shared by them.
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

export const rowToEvent = (row: EventRow | EventRowOf<unknown>, upcasters: UpcasterRegistry): RecordedEvent => {
  const data = row[10] === null ? null : parseStored(row[10]);
  const metadata = metadataOf(row[11]);
  return upcasters.upcast({
    id: row[6],
    type: row[7],
    schemaVersion: row[5],
    streamId: row[3],
    streamVersion: Number(row[4]),
    globalPosition: rowPosition(row),
    data,
    metadata,
    occurredAt: epochToDate(row[8]),
    recordedAt: epochToDate(row[9]),
  });
};

