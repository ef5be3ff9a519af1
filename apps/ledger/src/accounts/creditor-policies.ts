import {
  bucketSchemeProblem,
  DEFAULT_BUCKETS,
  DEFAULT_WATERFALL,
  waterfallProblem,
} from '@cartera/ledger-domain';
import type { BucketScheme, Component, Waterfall } from '@cartera/ledger-domain';
import type { Pool } from 'pg';
import type { LedgerTables } from '../ledger.schema';

export type CreditorPolicy = Readonly<{
  waterfall: Waterfall;
  buckets: BucketScheme;
  /** The most a payment may exceed what is owed (to the credit balance), minor units; null = no limit. */
  overpaymentTolerance: bigint | null;
}>;

export const DEFAULT_POLICY: CreditorPolicy = {
  waterfall: DEFAULT_WATERFALL,
  buckets: DEFAULT_BUCKETS,
  overpaymentTolerance: null,
};

/**
 * Per-creditor waterfall and bucket scheme (table `creditor_policies`), cached in memory: the
 * table is tiny and a command needs its creditor's policy synchronously, inside the decision.
 */
export class CreditorPolicies {
  private policies = new Map<string, CreditorPolicy>();

  constructor(
    private readonly pool: Pool,
    private readonly t: LedgerTables,
  ) {}

  of(creditorId: string): CreditorPolicy {
    return this.policies.get(creditorId) ?? DEFAULT_POLICY;
  }

  async refresh(): Promise<void> {
    const { rows } = await this.pool.query<{
      creditor_id: string;
      waterfall: string[] | null;
      bucket_ids: string[] | null;
      bucket_from_dpd: number[] | null;
      overpayment_tolerance_minor: string | null;
    }>(
      `SELECT creditor_id, waterfall, bucket_ids, bucket_from_dpd, overpayment_tolerance_minor FROM ${this.t.creditorPolicies}`,
    );
    const next = new Map<string, CreditorPolicy>();
    for (const r of rows) {
      const waterfall = (r.waterfall as Component[] | null) ?? DEFAULT_WATERFALL;
      const froms = r.bucket_from_dpd;
      const buckets =
        r.bucket_ids && froms ? r.bucket_ids.map((id, i) => ({ id, fromDpd: froms[i] })) : DEFAULT_BUCKETS;
      // A broken row must not stop payments: it falls back to the default and says so.
      if (waterfallProblem(waterfall) || bucketSchemeProblem(buckets)) {
        console.warn(`creditor_policies: unusable policy for ${r.creditor_id}, using the default`);
        continue;
      }
      const tolerance = r.overpayment_tolerance_minor;
      next.set(r.creditor_id, {
        waterfall,
        buckets,
        overpaymentTolerance: tolerance === null ? null : BigInt(tolerance),
      });
    }
    this.policies = next;
  }

  /** Sets (or clears, with null parts) a creditor's policy and reloads the cache. */
  async set(creditorId: string, policy: Partial<CreditorPolicy>): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.t.creditorPolicies} (creditor_id, waterfall, bucket_ids, bucket_from_dpd, overpayment_tolerance_minor)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (creditor_id) DO UPDATE SET waterfall = excluded.waterfall, bucket_ids = excluded.bucket_ids,
         bucket_from_dpd = excluded.bucket_from_dpd, overpayment_tolerance_minor = excluded.overpayment_tolerance_minor,
         updated_at = now()`,
      [
        creditorId,
        policy.waterfall ?? null,
        policy.buckets?.map((b) => b.id) ?? null,
        policy.buckets?.map((b) => b.fromDpd) ?? null,
        policy.overpaymentTolerance?.toString() ?? null,
      ],
    );
    await this.refresh();
  }
}
