import type { Pool } from 'pg';
import type { CaseTables } from '../case-management.schema';
import { CASE_COLUMNS } from './cases.table';
import { itemOf, type CaseListItem } from './cases.queries';

export type QueueSize = Readonly<{ teamId: string | null; status: string; cases: number }>;

/** What a supervisor watches: queue sizes, cases nobody works, cases nobody touched lately. */
export class SupervisorQueries {
  constructor(
    private readonly pool: Pool,
    private readonly t: CaseTables,
  ) {}

  async queues(creditors?: readonly string[]): Promise<QueueSize[]> {
    const { rows } = await this.pool.query(
      `SELECT team_id, status, count(*)::int AS cases FROM ${this.t.cases}
       WHERE status <> 'closed' AND ($1::text[] IS NULL OR creditor_id = ANY($1))
       GROUP BY team_id, status ORDER BY team_id NULLS FIRST, status`,
      [creditors ?? null],
    );
    return rows.map((r) => ({ teamId: r.team_id, status: r.status, cases: r.cases }));
  }

  async unassigned(limit: number, creditors?: readonly string[]): Promise<CaseListItem[]> {
    const { rows } = await this.pool.query(
      `SELECT ${CASE_COLUMNS} FROM ${this.t.cases}
       WHERE agent_id IS NULL AND status <> 'closed' AND ($1::text[] IS NULL OR creditor_id = ANY($1))
       ORDER BY priority_score DESC, case_id LIMIT $2`,
      [creditors ?? null, limit],
    );
    return rows.map(itemOf);
  }

  /** Open cases with no change since `before`, the longest untouched first. */
  async stale(before: Date, limit: number, creditors?: readonly string[]): Promise<CaseListItem[]> {
    const { rows } = await this.pool.query(
      `SELECT ${CASE_COLUMNS} FROM ${this.t.cases}
       WHERE status <> 'closed' AND last_activity_at < $1 AND ($2::text[] IS NULL OR creditor_id = ANY($2))
       ORDER BY last_activity_at, case_id LIMIT $3`,
      [before, creditors ?? null, limit],
    );
    return rows.map(itemOf);
  }

  /** The open cases an agent holds, for a bulk reassignment. */
  async openCasesOf(agentId: string, creditors?: readonly string[]): Promise<string[]> {
    const { rows } = await this.pool.query(
      `SELECT case_id FROM ${this.t.cases}
       WHERE agent_id = $1 AND status <> 'closed' AND ($2::text[] IS NULL OR creditor_id = ANY($2))`,
      [agentId, creditors ?? null],
    );
    return rows.map((r) => r.case_id as string);
  }
}
