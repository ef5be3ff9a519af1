import type { SeverityPolicy } from '@cartera/case-management-domain';

/**
 * When days past due make a case severely delinquent: business data, effective-dated. The policy
 * in force on the aging date decides, and the status change records its version.
 */
export const SEVERITY_POLICIES: readonly (SeverityPolicy & { effectiveFrom: string })[] = [
  { version: 'severity-2026-01', effectiveFrom: '2000-01-01', severeFromDpd: 91 },
];

export const severityPolicyOn = (date: string): SeverityPolicy => {
  const inForce = SEVERITY_POLICIES.filter((p) => p.effectiveFrom <= date).at(-1) ?? SEVERITY_POLICIES[0];
  return { version: inForce.version, severeFromDpd: inForce.severeFromDpd };
};
