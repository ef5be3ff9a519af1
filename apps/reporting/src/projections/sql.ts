import { pipeline } from 'node:stream/promises';
import type { ClientBase, QueryConfig, QueryResultRow } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ProjectedMessage } from './portfolio.projection';

/** A quoted, schema-qualified table name. */
export const qualified = (schema: string, table: string): string => `"${schema}"."${table}"`;

/** Selects a timestamptz as the ISO string JavaScript writes (so rows compare equal across paths). */
export const isoText = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export type ColumnSpec = readonly [name: string, pgType: string];

/** Rows as arrays in `columns` order; bigint written as its decimal string. */
export type RowValues = readonly unknown[];

const asParam = (v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v);

/** INSERT … SELECT * FROM unnest($1::type[], …): many rows in one statement, one array parameter per column. */
export const insertStatement = (table: string, columns: readonly ColumnSpec[], conflict = ''): string => {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${params}) ${conflict}`;
};

/** The parameters of `insertStatement`: one array per column. */
export const columnArrays = (columns: readonly ColumnSpec[], rows: readonly RowValues[]): unknown[][] =>
  columns.map((_, i) => rows.map((r) => asParam(r[i])));

const SPECIAL = /[\\\n\r\t]/;
const escapes: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value as a field of COPY's text format (what `unnest` of a typed array would read from the same value). */
const copyField = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return SPECIAL.test(v) ? v.replace(/[\\\n\r\t]/g, (c) => escapes[c]) : v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  throw new TypeError(`COPY field of unsupported type ${typeof v}`);
};

function* copyText(rows: readonly RowValues[], chunk = 1_000): Generator<string> {
  for (let from = 0; from < rows.length; from += chunk) {
    let text = '';
    for (let i = from; i < Math.min(rows.length, from + chunk); i++) {
      const row = rows[i];
      for (let c = 0; c < row.length; c++) text += (c ? '\t' : '') + copyField(row[c]);
      text += '\n';
    }
    yield text;
  }
}

/**
 * Loads rows with one `COPY … FROM STDIN` (text format): for the rebuild's empty shadow tables the
 * cheapest load there is, on both sides — no array literals to build and parse (measured: Node
 * spent more time serialising `unnest` arrays than PostgreSQL spent inserting).
 */
export const copyRows = async (
  client: ClientBase,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly RowValues[],
): Promise<void> => {
  if (rows.length === 0) return;
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  await pipeline(copyText(rows), client.query(copyFrom(`COPY ${table} (${names}) FROM STDIN`)));
};

const statementNames = new Map<string, string>();

/** A prepared-statement name per distinct text, so each connection parses and plans a write once. */
const nameOf = (text: string): string => {
  const known = statementNames.get(text);
  if (known) return known;
  const name = `reporting-write-${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
};

/**
 * The writes one message causes, held until `flush()` (or the next read, which must see them)
 * and then sent in order as prepared statements, each with its own snapshot (READ COMMITTED).
 * Projections decide first and write last, which keeps the locks they take short.
 */
export class MessageWrites {
  private pending: { text: string; values: readonly unknown[] }[] = [];
  private readonly deferredValues = new Map<
    string,
    { value: unknown; emit: (value: unknown) => void; last: boolean }
  >();

  /**
   * @param spansMessages true when one instance serves every message of an inbox transaction (the
   * live consumer): projections may then merge what is commutative (aggregate deltas) with
   * `deferred` and write it once, in `finish()`.
   */
  constructor(
    private readonly client: Pick<ClientBase, 'query'>,
    readonly spansMessages = false,
    /** Every message of the transaction, in order, when `spansMessages` (what projections may read ahead for). */
    readonly messages: readonly ProjectedMessage[] = [],
  ) {}

  async read<R extends QueryResultRow>(config: QueryConfig): Promise<R[]> {
    await this.flush();
    return (await this.client.query<R>(config)).rows;
  }

  write(text: string, values: readonly unknown[] = []): void {
    this.pending.push({ text, values });
  }

  /**
   * The value under `key` for this transaction; `emit` turns it into writes when `finish()` runs,
   * in the order of creation — except `last` ones, which come after all others (writes that take a
   * lock shared between transactions: it is then held only until COMMIT).
   */
  deferred<T>(
    key: string,
    create: () => T,
    emit: (value: T) => void,
    { last = false }: { last?: boolean } = {},
  ): T {
    const known = this.deferredValues.get(key);
    if (known) return known.value as T;
    const value = create();
    this.deferredValues.set(key, { value, emit: emit as (value: unknown) => void, last });
    return value;
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    for (const p of pending)
      await this.client.query({ name: nameOf(p.text), text: p.text, values: p.values.map(asParam) });
  }

  /** Emits the deferred values' writes, then flushes everything (last thing before COMMIT). */
  async finish(): Promise<void> {
    const all = [...this.deferredValues.values()];
    const deferred = [...all.filter((d) => !d.last), ...all.filter((d) => d.last)];
    this.deferredValues.clear();
    for (const d of deferred) d.emit(d.value);
    await this.flush();
  }
}
