import { DEFAULT_BUCKETS } from '@cartera/ledger-domain';
import type { Pool } from 'pg';
import type { LedgerTables } from '../ledger.schema';
import type { AccountsCommands } from './accounts.commands';
import { runConcurrently } from './run-concurrently';

export type JobRun = Readonly<{ selected: number; changed: number; failed: number }>;

const SYSTEM = { kind: 'system', id: 'aging-job' } as const;

/**
 * Daily aging. One set-based query over the read model computes each account's date in its
 * debtor's zone, its DPD and the bucket of its creditor's scheme (width_bucket over the scheme's
 * starts), and returns only the accounts whose bucket changes; each gets an AgeAccount.
 */
export class AgingJob {
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
      const { rows } = await this.pool.query<{ account_id: string; as_of: string }>(this.sql, [
        now.toISOString(),
        DEFAULT_BUCKETS.map((b) => b.id),
        DEFAULT_BUCKETS.map((b) => b.fromDpd),
        after,
        chunk,
      ]);
      if (rows.length === 0) break;
      selected += rows.length;
      after = rows[rows.length - 1].account_id;
      const failures = await runConcurrently(rows, this.options.concurrency ?? 16, async (r) => {
        const outcome = await this.accounts.handle(
          r.account_id,
          { type: 'AgeAccount', data: { asOf: r.as_of } },
          { actor: SYSTEM, correlationId: `aging-${r.as_of}` },
        );
        if (outcome.changed) changed++;
      });
      failed += failures.length;
      for (const f of failures.slice(0, 3)) console.warn(`aging: ${String((f as Error)?.message ?? f)}`);
      if (rows.length < chunk) break;
    }
    return { selected, changed, failed };
  }

  private get sql(): string {
    const { accounts, creditorPolicies } = this.t;
    return `
      SELECT a.account_id, d.today::text AS as_of
        FROM ${accounts} a
        LEFT JOIN ${creditorPolicies} p ON p.creditor_id = a.creditor_id
        CROSS JOIN LATERAL (SELECT ($1::timestamptz AT TIME ZONE a.time_zone)::date AS today) d
        CROSS JOIN LATERAL (
          SELECT (coalesce(p.bucket_ids, $2::text[]))[width_bucket(greatest(0, d.today - a.first_unpaid_due_date),
                  coalesce(p.bucket_from_dpd, $3::int[]))] AS bucket) b
       WHERE a.status = 'active' AND a.account_id > $4::uuid
         AND a.bucket IS DISTINCT FROM b.bucket AND (a.last_aged_on IS NULL OR a.last_aged_on < d.today)
       ORDER BY a.account_id
       LIMIT $5`;
  }
}
