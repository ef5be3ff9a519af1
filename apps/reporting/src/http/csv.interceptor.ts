import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV field (RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with '). */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Rows → CSV with a header line from the first row's keys. */
export const toCsv = (rows: readonly Record<string, unknown>[]): string => {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]);
  return (
    [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\r\n') +
    '\r\n'
  );
};

/**
 * Every list answers `Accept: text/csv`: the page's `items` as CSV; the next page's cursor goes
 * in the `X-Next-Cursor` header.
 */
@Injectable()
export class CsvInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const wantsCsv = request.accepts(['application/json', 'text/csv']) === 'text/csv';
    if (!wantsCsv) return next.handle();
    return next.handle().pipe(
      map((body: { items?: Record<string, unknown>[]; nextCursor?: string | null }) => {
        const response = http.getResponse<Response>();
        response.type('text/csv; charset=utf-8');
        if (body.nextCursor) response.setHeader('X-Next-Cursor', body.nextCursor);
        return toCsv(Array.isArray(body.items) ? body.items : [body as Record<string, unknown>]); // a single resource is one row
      }),
    );
  }
}
