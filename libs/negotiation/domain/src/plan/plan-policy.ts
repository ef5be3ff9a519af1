import { Versioned } from '../shared/versioned';

/**
 * A creditor's policy for missed instalments, as versioned data. An instalment not fully paid
 * `graceDays` after its due date is **missed**; the shortfall is then carried — appended as a new
 * instalment at the end, or re-spread over the instalments not yet due — unless this is miss
 * number `defaultAfterMisses`, which **defaults** the plan (null: never by count).
 */
export type MissedInstalmentPolicy = Versioned &
  Readonly<{
    graceDays: number;
    carry: 'append_to_end' | 'respread_remaining';
    defaultAfterMisses: number | null;
  }>;

/** How many times a debtor's plan may be renegotiated within a rolling period of `periodDays`. */
export type RenegotiationLimit = Versioned & Readonly<{ maxRenegotiations: number; periodDays: number }>;

const isWhole = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

export const missedPolicyProblem = (p: MissedInstalmentPolicy): string | null => {
  if (!p.version) return 'policy.version: required';
  if (!isWhole(p.graceDays, 0, 90)) return 'policy.graceDays: a whole number from 0 to 90';
  if (p.carry !== 'append_to_end' && p.carry !== 'respread_remaining')
    return 'policy.carry: append_to_end or respread_remaining';
  if (p.defaultAfterMisses !== null && !isWhole(p.defaultAfterMisses, 1, 100))
    return 'policy.defaultAfterMisses: a whole number from 1 to 100, or null';
  return null;
};

export const renegotiationLimitProblem = (l: RenegotiationLimit): string | null => {
  if (!l.version) return 'limit.version: required';
  if (!isWhole(l.maxRenegotiations, 0, 100)) return 'limit.maxRenegotiations: a whole number from 0 to 100';
  if (!isWhole(l.periodDays, 1, 3_660)) return 'limit.periodDays: a whole number from 1 to 3660';
  return null;
};
