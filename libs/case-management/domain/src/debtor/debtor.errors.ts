import type { RetentionHold } from './retention';

/**
 * Why the registry refused a command (mapped to 409 problem+json with the code):
 * - `debtor_not_registered` — no such debtor yet.
 * - `already_registered` — the id is taken by another registration.
 * - `debtor_merged` — this record was merged into another; act on the survivor.
 * - `debtor_erased` — the person's data was erased: nothing more is linked or decided.
 * - `unknown_review` / `invalid_review_decision` — no such open review, or `link` without one of its candidates.
 * - `unknown_account` — split of an account this debtor does not hold.
 * - `retention_hold` — erasure refused: a hold stands (`holds` names each).
 */
export type DebtorRuleCode =
  | 'debtor_not_registered'
  | 'already_registered'
  | 'debtor_merged'
  | 'debtor_erased'
  | 'unknown_review'
  | 'invalid_review_decision'
  | 'unknown_account'
  | 'retention_hold';

export class DebtorRuleViolated extends Error {
  constructor(
    readonly code: DebtorRuleCode,
    readonly detail?: string,
    readonly holds: readonly RetentionHold[] = [],
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DebtorRuleViolated';
  }
}

export const violatesDebtorRule =
  (code: DebtorRuleCode) =>
  (error: Error): boolean =>
    error instanceof DebtorRuleViolated && error.code === code;
