import { parse } from 'csv-parse';
import { createInterface } from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { headerProblem, NotAPlacementFile } from './placement-header';
import type { FieldError } from './placement-row';

export type PlacementFormat = 'csv' | 'ndjson';

export type SourceRecord =
  | Readonly<{ row: number; record: Record<string, unknown> }>
  | Readonly<{ row: number; errors: readonly FieldError[] }>;

/** A placement file whose header was read and checked; its records stream on from there. */
export type PlacementFile = Readonly<{ records: AsyncGenerator<SourceRecord> }>;

/** A CSV line (or NDJSON line) longer than this is not a placement row: the file is refused there. */
export const MAX_RECORD_BYTES = 64 * 1024;

/** The format of a request body from its content type (CSV unless it says JSON lines). */
export const formatOf = (contentType: string | undefined): PlacementFormat | undefined => {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl')
    return 'ndjson';
  return undefined;
};

/** The input, failing with a 413 NotAPlacementFile once more than `max` bytes came through (bodies sent without a length). */
export const limitBytes = (input: Readable, max: number): Readable => {
  let seen = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(new NotAPlacementFile(`the file is larger than ${max} bytes`, 413));
      else done(null, chunk);
    },
  });
  input.on('error', (error) => limited.destroy(error));
  return input.pipe(limited);
};

/**
 * Reads the first record of a placement file and checks it (a CSV header, the keys of the first
 * NDJSON object); throws NotAPlacementFile when it is not one. Nothing holds the whole file.
 */
export const openPlacementFile = async (
  input: Readable,
  format: PlacementFormat,
  options: { withDefaultCreditor: boolean },
): Promise<PlacementFile> => (format === 'ndjson' ? openNdjson(input, options) : openCsv(input, options));

const malformed = (error: unknown) =>
  new NotAPlacementFile(`not a readable CSV file: ${(error as Error).message.slice(0, 200)}`);

const openCsv = async (
  input: Readable,
  options: { withDefaultCreditor: boolean },
): Promise<PlacementFile> => {
  const parser = input.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: MAX_RECORD_BYTES,
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  const rows = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  const first = await rows.next().catch((error: unknown) => {
    throw malformed(error);
  });
  if (first.done) throw new NotAPlacementFile('the file is empty: a header row is expected');
  const header = first.value;
  const problem = headerProblem(header, { ...options, complete: true });
  if (problem) throw new NotAPlacementFile(problem);
  return { records: csvRecords(rows, header) };
};

async function* csvRecords(rows: AsyncIterator<string[]>, header: string[]): AsyncGenerator<SourceRecord> {
  // The header is row 1, as a spreadsheet shows it.
  for (let row = 2; ; row++) {
    const next = await rows.next();
    if (next.done) return;
    const fields = next.value;
    if (fields.length !== header.length) {
      yield {
        row,
        errors: [{ field: 'row', reason: `expected ${header.length} fields, got ${fields.length}` }],
      };
      continue;
    }
    const record: Record<string, unknown> = {};
    header.forEach((name, i) => (record[name] = fields[i]));
    yield { row, record };
  }
}

const asObject = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const openNdjson = async (
  input: Readable,
  options: { withDefaultCreditor: boolean },
): Promise<PlacementFile> => {
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let line = 0;
  let first: IteratorResult<string>;
  do {
    first = await lines.next();
    line++;
  } while (!first.done && first.value.trim() === '');
  if (first.done) throw new NotAPlacementFile('the file is empty: one JSON object per line is expected');
  const record = first.value.length <= MAX_RECORD_BYTES ? asObject(first.value) : undefined;
  if (!record) throw new NotAPlacementFile('not NDJSON: the first line is not a JSON object');
  const problem = headerProblem(Object.keys(record), { ...options, complete: false });
  if (problem) throw new NotAPlacementFile(problem);
  return { records: ndjsonRecords(lines, { row: line, record }) };
};

async function* ndjsonRecords(
  lines: AsyncIterator<string>,
  first: SourceRecord,
): AsyncGenerator<SourceRecord> {
  yield first;
  for (let row = first.row + 1; ; row++) {
    const next = await lines.next();
    if (next.done) return;
    const text = next.value;
    if (text.trim() === '') continue;
    const record = text.length <= MAX_RECORD_BYTES ? asObject(text) : undefined;
    const reason = text.length > MAX_RECORD_BYTES ? 'longer than 64 KiB' : 'not a JSON object';
    yield record ? { row, record } : { row, errors: [{ field: 'row', reason }] };
  }
}
