import { parse } from 'csv-parse';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { FieldError } from './placement-row';

export type PlacementFormat = 'csv' | 'ndjson';

export type SourceRecord =
  | Readonly<{ row: number; record: Record<string, unknown> }>
  | Readonly<{ row: number; errors: readonly FieldError[] }>;

/** The format of a request body from its content type (CSV unless it says JSON lines). */
export const formatOf = (contentType: string | undefined): PlacementFormat | undefined => {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl')
    return 'ndjson';
  return undefined;
};

/**
 * Streams the records of a placement file, one at a time (nothing holds the whole file). Rows are
 * numbered as a spreadsheet shows them: a CSV header is row 1; an NDJSON file counts its lines.
 */
export async function* readRecords(input: Readable, format: PlacementFormat): AsyncGenerator<SourceRecord> {
  if (format === 'ndjson') {
    let line = 0;
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        yield { row: line, errors: [{ field: 'row', reason: 'not a JSON object' }] };
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        yield { row: line, errors: [{ field: 'row', reason: 'not a JSON object' }] };
      else yield { row: line, record: value as Record<string, unknown> };
    }
    return;
  }
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
  );
  input.on('error', (error) => parser.destroy(error));
  let header: string[] | undefined;
  let row = 0;
  for await (const fields of parser as AsyncIterable<string[]>) {
    row++;
    if (!header) {
      header = fields;
      continue;
    }
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
