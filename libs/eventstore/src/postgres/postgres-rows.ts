import type { EventMetadata, GlobalPosition, RecordedEvent } from '../event-store.port';
import { mayHoldBigint, reviveBigints } from '../json-codec';
import type { UpcasterRegistry } from '../upcasters';

/**
 * What every read selects, cheap for both sides: PostgreSQL formats the position (one text
 * instead of three numbers to parse and pad), times travel as epoch seconds (float8: parsing a
 * number is several times cheaper than parsing a timestamptz text), and data and metadata travel
 * as ONE JSON text `[data,metadata]` built from the stored canonical text, parsed with one
 * JSON.parse; bigints are revived by a walk only when the text holds the tag. Rows come back in
 * `rowMode: 'array'` in the order of `EVENT_COLUMNS`.
 */
export const POSITION_COLUMN = `lpad(e.generation::text, 4, '0') || '/' || lpad(e.transaction_id::text, 20, '0') || '/' || lpad(e.seq::text, 19, '0')`;
export const TIME_COLUMNS = `date_part('epoch', e.occurred_at) AS occurred_at, date_part('epoch', e.recorded_at) AS recorded_at`;
export const PAYLOAD_COLUMN = `'[' || e.data::text || ',' || e.metadata::text || ']'`;
export const EVENT_COLUMNS = `${POSITION_COLUMN} AS position, e.stream_id, e.stream_version, e.schema_version, e.id, e.type,
  ${TIME_COLUMNS}, ${PAYLOAD_COLUMN} AS payload`;

/** A row of `EVENT_COLUMNS` in array mode; the payload is null where a poll's filter left the event out. */
export type EventRow = [
  position: string,
  streamId: string,
  streamVersion: string,
  schemaVersion: number,
  id: string,
  type: string,
  occurredAt: number,
  recordedAt: number,
  payload: string | null,
];

export const rowPosition = (row: EventRow): GlobalPosition => row[0] as GlobalPosition;

// Stored times are whole milliseconds, so rounding undoes the float's representation error.
export const epochToDate = (seconds: number): Date => new Date(Math.round(seconds * 1000));

const parsePayload = (text: string): [unknown, EventMetadata] => {
  const parsed = JSON.parse(text) as [unknown, EventMetadata];
  return mayHoldBigint(text) ? (reviveBigints(parsed) as [unknown, EventMetadata]) : parsed;
};

export const rowToEvent = (row: EventRow, upcasters: UpcasterRegistry): RecordedEvent => {
  const [data, metadata] = parsePayload(row[8] ?? '[null,{}]');
  return upcasters.upcast({
    id: row[4],
    type: row[5],
    schemaVersion: row[3],
    streamId: row[1],
    streamVersion: Number(row[2]),
    globalPosition: row[0] as GlobalPosition,
    data,
    metadata,
    occurredAt: epochToDate(row[6]),
    recordedAt: epochToDate(row[7]),
  });
};

