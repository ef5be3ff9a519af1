import type { Pool } from 'pg';
import type { LedgerTables } from '../ledger.schema';
import type { JobRun } from './aging.job';
import type { AccountsCommands } from './accounts.commands';
import { runConcurrently } from './run-concurrently';

const SYSTEM = { kind: 'system', id: 'interest-job' } as const;

/**
 * Daily interest accrual: AccrueInterest through yesterday (in the debtor's zone) for accounts
 * with interest terms whose last assessment is older. A second run the same day finds the
 * accounts already assessed (or the domain decides nothing), and a late run catches up.
 */
export class InterestJob {
  constructor(
    private readonly pool: Pool,
    private readonly t: LedgerTables,
    private readonly accounts: AccountsCommands,
    private readonly options: { chunk?: number; concurrency?: number } = {},
  ) {}

  async run(now: Date = new Date()): Promise<JobRun> {
    const chunk = this.options.chunk ?? 5_000;
    let after = '00000000-0000-0000-0000-000000000000';
    let selected = 0;
    let changed = 0;
    let failed = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ account_id: string; through: string }>(
        `SELECT a.account_id, d.yesterday::text AS through
           FROM ${this.t.accounts} a
           CROSS JOIN LATERAL (SELECT ($1::timestamptz AT TIME ZONE a.time_zone)::date - 1 AS yesterday) d
          WHERE a.status = 'active' AND a.interest_rate_bps > 0 AND a.accrued_through < d.yesterday AND a.account_id > $2::uuid
          ORDER BY a.account_id
          LIMIT $3`,
        [now.toISOString(), after, chunk],
      );
      if (rows.length === 0) break;
      selected += rows.length;
      after = rows[rows.length - 1].account_id;
      const failures = await runConcurrently(rows, this.options.concurrency ?? 16, async (r) => {
        const outcome = await this.accounts.handle(
          r.account_id,
          { type: 'AccrueInterest', data: { through: r.through } },
          {
            actor: SYSTEM,
            correlationId: `interest-${r.through}`,
          },
        );
        if (outcome.changed) changed++;
      });
      failed += failures.length;
      for (const f of failures.slice(0, 3)) console.warn(`interest: ${String((f as Error)?.message ?? f)}`);
      if (rows.length < chunk) break;
    }
    return { selected, changed, failed };
  }
}
