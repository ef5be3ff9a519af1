import { ConflictException } from '@nestjs/common';
import { problem, PROBLEM_TYPES } from '@cartera/platform';
import type { Pool } from 'pg';
import type { CaseTables } from '../case-management.schema';

export type CaseLock = Readonly<{ caseId: string; agentId: string; expiresAt: string }>;

const locked = (lock: CaseLock) =>
  new ConflictException(
    problem(409, {
      type: PROBLEM_TYPES.ruleViolated,
      title: 'Case locked',
      code: 'case_locked',
      detail: `case is being worked by ${lock.agentId} until ${lock.expiresAt}`,
    }),
  );

/** So two agents don't work the same case at once: a lease per case, renewed by its holder, lapsing by itself. */
export class CaseLocks {
  constructor(
    private readonly pool: Pool,
    private readonly t: CaseTables,
    private readonly ttlSeconds = 600,
  ) {}

  /** Takes or renews the lock; another agent's live lock is 409 naming its holder. */
  async acquire(caseId: string, agentId: string, now: Date): Promise<CaseLock> {
    const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000);
    const { rows } = await this.pool.query(
      `INSERT INTO ${this.t.locks} AS l (case_id, agent_id, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET agent_id = excluded.agent_id, expires_at = excluded.expires_at
         WHERE l.agent_id = excluded.agent_id OR l.expires_at <= $4
       RETURNING agent_id`,
      [caseId, agentId, expiresAt, now],
    );
    if (rows.length === 0) throw locked(await this.holder(caseId));
    return { caseId, agentId, expiresAt: expiresAt.toISOString() };
  }

  async release(caseId: string, agentId: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t.locks} WHERE case_id = $1 AND agent_id = $2`, [
      caseId,
      agentId,
    ]);
  }

  /** Refuses work on a case another agent holds the live lock of. */
  async assertFree(caseId: string, agentId: string, now: Date): Promise<void> {
    const { rows } = await this.pool.query(
      `SELECT agent_id, expires_at FROM ${this.t.locks} WHERE case_id = $1 AND agent_id <> $2 AND expires_at > $3`,
      [caseId, agentId, now],
    );
    if (rows.length > 0)
      throw locked({
        caseId,
        agentId: rows[0].agent_id,
        expiresAt: (rows[0].expires_at as Date).toISOString(),
      });
  }

  private async holder(caseId: string): Promise<CaseLock> {
    const { rows } = await this.pool.query(
      `SELECT agent_id, expires_at FROM ${this.t.locks} WHERE case_id = $1`,
      [caseId],
    );
    return {
      caseId,
      agentId: rows[0]?.agent_id ?? 'another agent',
      expiresAt: (rows[0]?.expires_at as Date | undefined)?.toISOString() ?? '',
    };
  }
}
