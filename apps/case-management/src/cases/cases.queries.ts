import type { Pool } from 'pg';
import type { CaseTables } from '../case-management.schema';
import { CASE_COLUMNS } from './cases.table';

type DbRow = Record<string, unknown>;

/** A case as lists and worklists show it, with the terms of its priority ("why is this first"). */
export type CaseListItem = Readonly<{
  caseId: string;
  debtorId: string;
  creditorId: string;
  status: string;
  agentId: string | null;
  teamId: string | null;
  currency: string;
  balanceMinor: string;
  bucket: string | null;
  dpd: number;
  nextAction: string | null;
  nextActionOn: string | null;
  promiseDueOn: string | null;
  tags: string[];
  openAlerts: string[];
  priority: Readonly<{ score: string; policyVersion: string; terms: unknown; why: string }>;
}>;

export type WorklistFilter = Readonly<{
  agentId?: string;
  teamId?: string;
  bucket?: string;
  creditorId?: string;
  status?: string;
  limit?: number;
  creditors?: readonly string[];
}>;

export type ActiveHold = Readonly<{
  caseId: string;
  holdId: string;
  creditorId: string;
  reason: string;
  endsOn: string | null;
  accountIds: string[];
  placedAt: string;
}>;

export const itemOf = (r: DbRow): CaseListItem => {
  const terms = r['priority_terms'] as { term: string; value: string; why: string }[];
  return {
    caseId: r['case_id'] as string,
    debtorId: r['debtor_id'] as string,
    creditorId: r['creditor_id'] as string,
    status: r['status'] as string,
    agentId: r['agent_id'] as string | null,
    teamId: r['team_id'] as string | null,
    currency: r['currency'] as string,
    balanceMinor: String(r['balance']),
    bucket: r['bucket'] as string | null,
    dpd: Number(r['dpd']),
    nextAction: r['next_action'] as string | null,
    nextActionOn: r['next_action_on'] as string | null,
    promiseDueOn: r['promise_due_on'] as string | null,
    tags: r['tags'] as string[],
    openAlerts: r['open_alerts'] as string[],
    priority: {
      score: String(r['priority_score']),
      policyVersion: r['priority_policy'] as string,
      terms,
      why: terms.map((t) => `${t.term} ${t.value} (${t.why})`).join(' × '),
    },
  };
};

/** Reads of the cases read model; every one is limited to the caller's creditors. */
export class CasesQueries {
  constructor(
    private readonly pool: Pool,
    private readonly t: CaseTables,
  ) {}

  async byDebtor(debtorId: string, creditors?: readonly string[]): Promise<CaseListItem[]> {
    const { rows } = await this.pool.query(
      `SELECT ${CASE_COLUMNS} FROM ${this.t.cases}
       WHERE debtor_id = $1 AND ($2::text[] IS NULL OR creditor_id = ANY($2)) ORDER BY opened_at, case_id`,
      [debtorId, creditors ?? null],
    );
    return rows.map(itemOf);
  }

  /** Highest priority first; held cases only when asked for by status, closed ones never. */
  async worklist(f: WorklistFilter): Promise<CaseListItem[]> {
    const owner = f.agentId !== undefined ? 'agent_id' : 'team_id';
    const { rows } = await this.pool.query(
      `SELECT ${CASE_COLUMNS} FROM ${this.t.cases}
       WHERE ${owner} = $1 AND status <> 'closed'
         AND (CASE WHEN $4::text IS NULL THEN status <> 'on_hold' ELSE status = $4 END)
         AND ($2::text IS NULL OR bucket = $2) AND ($3::text IS NULL OR creditor_id = $3)
         AND ($5::text[] IS NULL OR creditor_id = ANY($5))
       ORDER BY priority_score DESC, case_id LIMIT $6`,
      [
        f.agentId ?? f.teamId,
        f.bucket ?? null,
        f.creditorId ?? null,
        f.status ?? null,
        f.creditors ?? null,
        f.limit ?? 50,
      ],
    );
    return rows.map(itemOf);
  }

  /** The published hold check: holds not lifted whose end date has not passed on `today`. */
  async activeHolds(debtorId: string, today: string, creditors?: readonly string[]): Promise<ActiveHold[]> {
    const { rows } = await this.pool.query(
      `SELECT case_id, hold_id, creditor_id, reason, ends_on::text AS ends_on, account_ids, placed_at FROM ${this.t.holds}
       WHERE debtor_id = $1 AND lifted_at IS NULL AND (ends_on IS NULL OR ends_on >= $2::date)
         AND ($3::text[] IS NULL OR creditor_id = ANY($3)) ORDER BY placed_at, hold_id`,
      [debtorId, today, creditors ?? null],
    );
    return rows.map((r: DbRow) => ({
      caseId: r['case_id'] as string,
      holdId: r['hold_id'] as string,
      creditorId: r['creditor_id'] as string,
      reason: r['reason'] as string,
      endsOn: r['ends_on'] as string | null,
      accountIds: r['account_ids'] as string[],
      placedAt: (r['placed_at'] as Date).toISOString(),
    }));
  }
}
