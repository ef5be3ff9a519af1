import { Versioned } from '../shared/versioned';

/**
 * A creditor's rule for judging a promise, as versioned data: the promise is **kept** once at
 * least `keptAtBps` of its amount is paid by the due date plus `toleranceDays`; at the deadline it
 * is **partially kept** with at least `partiallyKeptAtBps` paid, and **broken** below that.
 * Basis points of the promised amount: 9500 = 95 %.
 */
export type PromiseRule = Versioned &
  Readonly<{ toleranceDays: number; keptAtBps: number; partiallyKeptAtBps: number }>;

export type PromiseOutcome = 'kept' | 'partially_kept' | 'broken';

const isWhole = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/** Why a rule is unusable, naming its fields, or null. */
export const promiseRuleProblem = (rule: PromiseRule): string | null => {
  if (!rule.version) return 'rule.version: required';
  if (!isWhole(rule.toleranceDays, 0, 60)) return 'rule.toleranceDays: a whole number from 0 to 60';
  if (!isWhole(rule.keptAtBps, 1, 10_000)) return 'rule.keptAtBps: a whole number from 1 to 10000';
  if (!isWhole(rule.partiallyKeptAtBps, 1, rule.keptAtBps))
    return 'rule.partiallyKeptAtBps: a whole number from 1 to keptAtBps';
  return null;
};

const reaches = (paid: bigint, promised: bigint, bps: number): boolean =>
  paid * 10_000n >= promised * BigInt(bps);

export const isKept = (paid: bigint, promised: bigint, rule: PromiseRule): boolean =>
  reaches(paid, promised, rule.keptAtBps);

/** The outcome at the deadline, from what was paid within it. */
export const outcomeAtDeadline = (paid: bigint, promised: bigint, rule: PromiseRule): PromiseOutcome =>
  isKept(paid, promised, rule)
    ? 'kept'
    : paid > 0n && reaches(paid, promised, rule.partiallyKeptAtBps)
      ? 'partially_kept'
      : 'broken';
