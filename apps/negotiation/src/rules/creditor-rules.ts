import { inEffect } from '@cartera/negotiation-domain';
import type {
  ApprovalLimits,
  IsoDate,
  MissedInstalmentPolicy,
  PromiseRule,
  RenegotiationLimit,
  Versioned,
} from '@cartera/negotiation-domain';
import type { Pool } from 'pg';
import type { NegotiationTables } from '../negotiation.schema';

/** The kinds of versioned rule a creditor sets, and the shape of each. */
export type RuleBodies = {
  promise: PromiseRule;
  missed_instalment: MissedInstalmentPolicy;
  renegotiation: RenegotiationLimit;
  approval: ApprovalLimits;
};
export type RuleKind = keyof RuleBodies;

const SINCE = { effectiveFrom: '2000-01-01' };

/** Cartera's defaults, used for a creditor (and kind) without rows of its own. */
export const DEFAULT_RULES: { [K in RuleKind]: RuleBodies[K] } = {
  promise: {
    version: 'default-promise-1',
    ...SINCE,
    toleranceDays: 3,
    keptAtBps: 9_500,
    partiallyKeptAtBps: 2_500,
  },
  missed_instalment: {
    version: 'default-missed-1',
    ...SINCE,
    graceDays: 5,
    carry: 'append_to_end',
    defaultAfterMisses: 3,
  },
  renegotiation: { version: 'default-renegotiation-1', ...SINCE, maxRenegotiations: 2, periodDays: 365 },
  approval: {
    version: 'default-approval-1',
    ...SINCE,
    maxDiscountBps: { agent: 1_000, negotiator: 2_000, supervisor: 3_500, admin: 5_000 },
  },
};

/** Reads a creditor's rule versions from `creditor_rules`; the version in effect on a date wins. */
export class CreditorRules {
  constructor(
    private readonly pool: Pool,
    private readonly t: NegotiationTables,
  ) {}

  async inEffect<K extends RuleKind>(kind: K, creditorId: string, on: IsoDate): Promise<RuleBodies[K]> {
    const { rows } = await this.pool.query<{
      creditor_id: string;
      version: string;
      effective_from: string;
      body: object;
    }>(
      `SELECT creditor_id, version, effective_from::text AS effective_from, body FROM ${this.t.creditorRules}
        WHERE kind = $1 AND creditor_id = ANY($2::text[])`,
      [kind, [creditorId, '*']],
    );
    const versions = (id: string): (RuleBodies[K] & Versioned)[] =>
      rows
        .filter((r) => r.creditor_id === id)
        .map((r) => ({ ...(r.body as RuleBodies[K]), version: r.version, effectiveFrom: r.effective_from }));
    return inEffect(versions(creditorId), on) ?? inEffect(versions('*'), on) ?? DEFAULT_RULES[kind];
  }

  /** Adds a version (tests, the admin console later). */
  async add<K extends RuleKind>(kind: K, creditorId: string, rule: RuleBodies[K]): Promise<void> {
    const { version, effectiveFrom, ...body } = rule;
    await this.pool.query(
      `INSERT INTO ${this.t.creditorRules} (creditor_id, kind, version, effective_from, body) VALUES ($1, $2, $3, $4, $5)`,
      [creditorId, kind, version, effectiveFrom, JSON.stringify(body)],
    );
  }
}
