import type { EventMetadata, GlobalPosition, RecordedEvent } from '../event-store.port';
import { parseJson } from '../json-codec';
import type { UpcasterRegistry } from '../upcasters';
import { formatPosition } from './postgres-position';

/**
 * Columns every read selects; data and metadata come back as the exact stored text, times as epoch
 * seconds (float8: parsing a number is several times cheaper than parsing a timestamptz text).
 */
export const TIME_COLUMNS = `date_part('epoch', e.occurred_at) AS occurred_at, date_part('epoch', e.recorded_at) AS recorded_at`;
export const EVENT_COLUMNS = `e.stream_id, e.stream_version, e.generation, e.schema_version, e.transaction_id::text AS xid,
  e.seq, e.id, e.type, ${TIME_COLUMNS}, e.data::text AS data, e.metadata::text AS metadata`;

export type EventRow = {
  stream_id: string;
  stream_version: string;
  generation: number;
  schema_version: number;
  xid: string;
  seq: string;
  id: string;
  type: string;
  occurred_at: number;
  recorded_at: number;
  data: string | null;
  metadata: string | null;
};

export const rowPosition = (row: Pick<EventRow, 'generation' | 'xid' | 'seq'>): GlobalPosition =>
  formatPosition(row.generation, row.xid, row.seq);

// Stored times are whole milliseconds, so rounding undoes the float's representation error.
export const epochToDate = (seconds: number): Date => new Date(Math.round(seconds * 1000));

export const rowToEvent = (row: EventRow, upcasters: UpcasterRegistry): RecordedEvent =>
  upcasters.upcast({
    id: row.id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: rowPosition(row),
    data: parseJson(row.data ?? 'null'),
    metadata: parseJson<EventMetadata>(row.metadata ?? '{}'),
    occurredAt: epochToDate(row.occurred_at),
    recordedAt: epochToDate(row.recorded_at),
  });
