import type { Pool } from 'pg';
import {
  columnArrays,
  copyRows,
  insertStatement,
  qualified,
  type MessageWrites,
  type RowValues,
} from './sql';

/** The envelope fields the timeline keeps of a bus message. */
export type TimelineMessage = Readonly<{
  messageId: string;
  key: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  payload: unknown;
  headers: Readonly<Record<string, string>>;
  topic: string;
  partition: number;
  offset: string;
  /** A rebuild's replay: what it read beside the payload, so a timeline row needs no decode (see `timelineValues`). */
  replayed?: ReplayedFields | undefined;
}>;

/** The payload's text as stored (jsonb output) and its two top-level ids (strings, else null), read by PostgreSQL. */
export type ReplayedFields = Readonly<{
  payloadText: string;
  creditorId: string | null;
  accountId: string | null;
}>;

export const TIMELINE_TABLE_NAMES = ['debtor_timeline'] as const;
export const timelineTable = (schema: string, suffix = ''): string =>
  qualified(schema, `debtor_timeline${suffix}`);

/**
 * No planner statistics for the payload (no query filters on the whole document): ANALYZE would
 * sort a sample of 30,000 jsonb values — measured ~0.8 s of CPU per autoanalyze at 50k rows, a
 * stall of the live projections on a 2-core machine. A rebuild's shadow table inherits the setting.
 */
export const quietTimelineStatistics = (schema: string): string =>
  `ALTER TABLE ${timelineTable(schema)} ALTER COLUMN payload SET STATISTICS 0`;

const TIMELINE_COLUMNS = [
  ['message_id', 'text'],
  ['debtor_id', 'text'],
  ['occurred_at', 'timestamptz'],
  ['source', 'text'],
  ['topic', 'text'],
  ['partition', 'int'],
  ['offset', 'bigint'],
  ['type', 'text'],
  ['schema_version', 'int'],
  ['creditor_id', 'text'],
  ['account_id', 'text'],
  ['payload', 'jsonb'],
] as const;

/** Keys holding personal data in any context's contracts: never copied into reporting. */
const PERSONAL = new Set([
  'fullName',
  'givenName',
  'familyName',
  'dateOfBirth',
  'nationalId',
  'emails',
  'phones',
  'address',
  'email',
  'phone',
]);

/** Whether stripping changes anything: a personal key anywhere, or an object JSON.parse would not make. */
const needsStripping = (value: unknown): boolean => {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(needsStripping);
  if (Object.getPrototypeOf(value) !== Object.prototype) return true;
  for (const [k, v] of Object.entries(value)) if (PERSONAL.has(k) || needsStripping(v)) return true;
  return false;
};

const strip = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !PERSONAL.has(k))
      .map(([k, v]) => [k, strip(v)]),
  );
};

/**
 * The payload without personal data (reporting is read by analysts' own SQL tools). Most payloads
 * hold none and are returned as they are (no copy: a rebuild strips every message).
 */
export const withoutPersonalData = (value: unknown): unknown =>
  needsStripping(value) ? strip(value) : value;

const sourceOf = (m: TimelineMessage): string =>
  (m.headers['ce_source'] ?? m.topic.replace(/\.events$/, '')).replace(/^cartera\//, '');

const field = (payload: unknown, name: string): string | null => {
  const v = payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : null;
};

/** A personal key anywhere in jsonb's output text (`"key": value`; a key inside a string value has escaped quotes). */
const PERSONAL_IN_TEXT = new RegExp(`"(?:${[...PERSONAL].join('|')})"\\s*:`);
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A timeline row. A replayed message without personal data keeps its stored text and ids: no
 * decode, no re-encode (the replay's main Node cost; the jsonb stored is the same document).
 */
export const timelineValues = (m: TimelineMessage): unknown[] => {
  const at = CANONICAL_TIME.test(m.occurredAt) ? m.occurredAt : new Date(m.occurredAt).toISOString();
  const r = m.replayed && !PERSONAL_IN_TEXT.test(m.replayed.payloadText) ? m.replayed : undefined;
  return [
    m.messageId,
    m.key,
    at,
    sourceOf(m),
    m.topic,
    m.partition,
    m.offset,
    m.type,
    m.schemaVersion,
    r ? r.creditorId : field(m.payload, 'creditorId'),
    r ? r.accountId : field(m.payload, 'accountId'),
    r ? r.payloadText : JSON.stringify(withoutPersonalData(m.payload)),
  ];
};

/**
 * Live path: one entry per message (a repeated message id is a no-op); a transaction of many
 * messages inserts all its entries with one statement before COMMIT.
 */
export const applyTimelineSql = (db: MessageWrites, table: string, m: TimelineMessage): void => {
  const insert = (rows: readonly unknown[][]) =>
    db.write(
      insertStatement(table, TIMELINE_COLUMNS, 'ON CONFLICT (message_id) DO NOTHING'),
      columnArrays(TIMELINE_COLUMNS, rows),
    );
  if (!db.spansMessages) return insert([timelineValues(m)]);
  db.deferred(`timeline:${table}`, () => [] as unknown[][], insert).push(timelineValues(m));
};

/**
 * Rebuild path: entries (`timelineValues`) with one COPY into the (index-less) shadow table. No
 * conflict clause: the replay already skips a message id it has seen, as the live inbox does.
 */
export const copyTimelineRows = async (
  pool: Pool,
  table: string,
  rows: readonly RowValues[],
): Promise<void> => {
  const client = await pool.connect();
  try {
    await copyRows(client, table, TIMELINE_COLUMNS, rows);
  } finally {
    client.release();
  }
};
