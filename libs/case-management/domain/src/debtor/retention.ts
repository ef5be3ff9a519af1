import { Temporal } from 'temporal-polyfill';
import type { IsoDate, Jurisdiction, RuleRef } from './debtor.profile';

/**
 * How long records must be kept after the last collection activity, per jurisdiction (`US`, or
 * `US-CA` for a state rule that outranks the country's), effective-dated: law is data.
 */
export type RetentionPolicy = Readonly<{
  id: string;
  version: number;
  jurisdiction: string;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  retainYearsAfterLastActivity: number;
  citation: string;
}>;

/** US Regulation F (12 CFR 1006.100): evidence of compliance kept 3 years after the last collection activity. */
export const DEFAULT_RETENTION_POLICIES: readonly RetentionPolicy[] = [
  {
    id: 'us-reg-f-1006.100',
    version: 1,
    jurisdiction: 'US',
    effectiveFrom: '2021-11-30',
    retainYearsAfterLastActivity: 3,
    citation: '12 CFR 1006.100(a)',
  },
];

/** What the service knows about the debtor's accounts and holds on the day of the request. */
export type RetentionFacts = Readonly<{
  jurisdiction: Jurisdiction;
  today: IsoDate;
  accounts: readonly Readonly<{
    accountId: string;
    openBalanceMinor: bigint;
    currency: string;
    lastCollectionActivityOn: IsoDate | null;
  }>[];
  /** Disputes and legal holds in force (reason as case management names it). */
  activeHolds: readonly Readonly<{ holdId: string; reason: string; accountIds: readonly string[] }>[];
}>;

/** Why the data must stay for now; erasure is refused while any stands. */
export type RetentionHold =
  | Readonly<{ kind: 'open_balance'; accountIds: readonly string[] }>
  | Readonly<{ kind: 'active_hold'; holdId: string; reason: string }>
  | Readonly<{ kind: 'retention_period'; policy: RuleRef; until: IsoDate }>;

/** The policy in force for the jurisdiction on `day`: the region's rule first, else the country's. */
export const retentionPolicyFor = (
  jurisdiction: Jurisdiction,
  day: IsoDate,
  policies: readonly RetentionPolicy[],
): RetentionPolicy | undefined => {
  const inForce = (p: RetentionPolicy) =>
    p.effectiveFrom <= day && (p.effectiveTo === undefined || day <= p.effectiveTo);
  const latest = (code: string) =>
    policies
      .filter((p) => p.jurisdiction === code && inForce(p))
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  const region = jurisdiction.region && latest(`${jurisdiction.country}-${jurisdiction.region}`);
  return region || latest(jurisdiction.country);
};

const openBalances = (facts: RetentionFacts): RetentionHold[] => {
  const open = facts.accounts.filter((a) => a.openBalanceMinor > 0n).map((a) => a.accountId);
  return open.length ? [{ kind: 'open_balance', accountIds: open }] : [];
};

const retentionPeriod = (facts: RetentionFacts, policy: RetentionPolicy | undefined): RetentionHold[] => {
  const days = facts.accounts.map((a) => a.lastCollectionActivityOn).filter((d): d is IsoDate => !!d);
  if (!policy || days.length === 0) return [];
  const last = days.sort().at(-1) as IsoDate;
  const until = Temporal.PlainDate.from(last).add({ years: policy.retainYearsAfterLastActivity }).toString();
  return until >= facts.today
    ? [{ kind: 'retention_period', policy: { id: policy.id, version: policy.version }, until }]
    : [];
};

/** Every hold that stands against erasing this debtor today (empty: erasure may go ahead). */
export const retentionHolds = (
  facts: RetentionFacts,
  policy: RetentionPolicy | undefined,
): RetentionHold[] => [
  ...openBalances(facts),
  ...facts.activeHolds.map((h): RetentionHold => ({
    kind: 'active_hold',
    holdId: h.holdId,
    reason: h.reason,
  })),
  ...retentionPeriod(facts, policy),
];

export const describeHold = (h: RetentionHold): string =>
  h.kind === 'open_balance'
    ? `open balance on ${h.accountIds.join(', ')}`
    : h.kind === 'active_hold'
      ? `${h.reason} hold ${h.holdId}`
      : `retention period of ${h.policy.id} v${h.policy.version} until ${h.until}`;
