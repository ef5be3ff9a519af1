/**
 * Why case management refused a command (the platform maps every CaseRuleViolated to 409
 * problem+json with this code; the detail names the case's current status).
 * - `case_not_open` — no case exists yet (no account was placed).
 * - `illegal_transition` — the status machine does not allow this move from the current status.
 * - `case_closed` — every account is closed: nothing more is worked.
 * - `case_on_hold` — a hold stops every contact and treatment step.
 * - `currency_mismatch` — an account in another currency than the case's.
 * - `unknown_account` — a fact about an account this case does not link.
 * - `unknown_hold`, `unknown_dispute`, `unknown_task` — the id names nothing on this case.
 * - `dispute_unverified` — a dispute hold is lifted only by answering the dispute with a verification.
 * - `hold_conflict`, `dispute_conflict`, `task_conflict` — the id is taken by different content.
 * - `time_barred` — an open account is past its statute of limitations: no legal step.
 * - `invalid_command` — a field is malformed (a date, a missing promise date…).
 */
export type CaseRuleCode =
  | 'case_not_open'
  | 'illegal_transition'
  | 'case_closed'
  | 'case_on_hold'
  | 'currency_mismatch'
  | 'unknown_account'
  | 'unknown_hold'
  | 'unknown_dispute'
  | 'unknown_task'
  | 'dispute_unverified'
  | 'hold_conflict'
  | 'dispute_conflict'
  | 'task_conflict'
  | 'time_barred'
  | 'invalid_command';

export class CaseRuleViolated extends Error {
  constructor(
    readonly code: CaseRuleCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'CaseRuleViolated';
  }
}

/** For `thenThrows`: matches a CaseRuleViolated with this code (and, if given, a detail containing `detail`). */
export const violatesCaseRule =
  (code: CaseRuleCode, detail?: string) =>
  (error: Error): boolean =>
    error instanceof CaseRuleViolated &&
    error.code === code &&
    (detail === undefined || (error.detail ?? '').includes(detail));
