import type { Pool } from 'pg';
import type { LedgerTables } from '../ledger.schema';
import type { FieldError } from './placement-row';

export type PlacementStatus = 'running' | 'completed' | 'failed';

/** Progress and counts of one import. */
export type PlacementSummary = {
  placementId: string;
  status: PlacementStatus;
  format: string;
  source: string | null;
  createdBy: string;
  rowsRead: number;
  rowsPlaced: number;
  rowsDuplicate: number;
  rowsRejected: number;
  failure: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export type RowError = FieldError & Readonly<{ row: number }>;
export type Counts = Readonly<{ read: number; placed: number; duplicate: number; rejected: number }>;

/** The placements and placement_errors tables: an import's progress and its error report. */
export class PlacementsTable {
  constructor(
    private readonly pool: Pool,
    private readonly t: LedgerTables,
  ) {}

  /** False when an import with this id exists already. `creditors`: whose placement it is before any row is read. */
  async start(
    id: string,
    format: string,
    createdBy: string,
    source: string | null,
    creditors: readonly string[] = [],
  ): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.t.placements} (placement_id, status, format, created_by, source, creditor_ids) VALUES ($1, 'running', $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [id, format, createdBy, source, [...creditors]],
    );
    return rowCount === 1;
  }

  async progress(
    id: string,
    c: Counts,
    errors: readonly RowError[],
    creditors: readonly string[] = [],
  ): Promise<void> {
    if (errors.length > 0) {
      await this.pool.query(
        `INSERT INTO ${this.t.placementErrors} (placement_id, row_number, field, reason)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
        [id, errors.map((e) => e.row), errors.map((e) => e.field), errors.map((e) => e.reason.slice(0, 500))],
      );
    }
    await this.pool.query(
      `UPDATE ${this.t.placements} SET rows_read = rows_read + $2, rows_placed = rows_placed + $3, rows_duplicate = rows_duplicate + $4,
         rows_rejected = rows_rejected + $5, creditor_ids = ARRAY(SELECT DISTINCT unnest(creditor_ids || $6::text[]) ORDER BY 1)
       WHERE placement_id = $1`,
      [id, c.read, c.placed, c.duplicate, c.rejected, [...creditors]],
    );
  }

  async finish(id: string, failure?: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.t.placements} SET status = $2, failure = $3, finished_at = now() WHERE placement_id = $1`,
      [id, failure ? 'failed' : 'completed', failure ?? null],
    );
  }

  /**
   * The placement if the caller may see it: `creditors` undefined = every creditor; otherwise the
   * placement must hold rows of these creditors only (a placement of no known creditor is nobody's).
   */
  async get(id: string, creditors?: readonly string[]): Promise<PlacementSummary | undefined> {
    const { rows } = await this.pool.query(
      `SELECT * FROM ${this.t.placements} WHERE placement_id = $1
         AND ($2::text[] IS NULL OR (cardinality(creditor_ids) > 0 AND creditor_ids <@ $2::text[]))`,
      [id, creditors ? [...creditors] : null],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      placementId: r.placement_id,
      status: r.status,
      format: r.format,
      source: r.source,
      createdBy: r.created_by,
      rowsRead: Number(r.rows_read),
      rowsPlaced: Number(r.rows_placed),
      rowsDuplicate: Number(r.rows_duplicate),
      rowsRejected: Number(r.rows_rejected),
      failure: r.failure,
      startedAt: r.started_at.toISOString(),
      finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
    };
  }

  /** The error report in row order, page by page (a large report never sits in memory). */
  async *errors(id: string, pageSize = 5_000): AsyncGenerator<RowError[]> {
    let after: [number, string] = [0, ''];
    for (;;) {
      const { rows } = await this.pool.query<{ row_number: string; field: string; reason: string }>(
        `SELECT row_number, field, reason FROM ${this.t.placementErrors} WHERE placement_id = $1 AND (row_number, field) > ($2, $3)
         ORDER BY row_number, field LIMIT $4`,
        [id, after[0], after[1], pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map((r) => ({ row: Number(r.row_number), field: r.field, reason: r.reason }));
      const last = rows[rows.length - 1];
      after = [Number(last.row_number), last.field];
      if (rows.length < pageSize) return;
    }
  }
}
