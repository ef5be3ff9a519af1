import type { Pool } from 'pg';
import type { NegotiationTables } from '../negotiation.schema';
import { PromiseView, viewFromRow } from './promise-view';
import { PROMISE_COLUMNS, promiseRowFromDb } from './promises.table';

export class PromisesQueries {
  constructor(
    private readonly pool: Pool,
    private readonly t: NegotiationTables,
  ) {}

  /** The promise, or undefined when unknown or outside the caller's creditors. */
  async get(promiseId: string, creditors: readonly string[] | undefined): Promise<PromiseView | undefined> {
    const { rows } = await this.pool.query(
      `SELECT ${PROMISE_COLUMNS} FROM ${this.t.promises} WHERE promise_id = $1`,
      [promiseId],
    );
    const row = rows[0] ? promiseRowFromDb(rows[0]) : undefined;
    return row && (!creditors || creditors.includes(row.creditorId)) ? viewFromRow(row) : undefined;
  }
}
