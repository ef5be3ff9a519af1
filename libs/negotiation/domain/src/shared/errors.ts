/**
 * Why negotiation refused a command (mapped once by the platform to 409 problem+json with the code).
 * - `invalid_terms` — the terms of a promise, plan or offer are unusable; the detail names the fields.
 * - `invalid_command` — a field of another command is malformed (a non-positive payment, a bad date).
 * - `not_found` — the promise, plan or offer does not exist yet.
 * - `already_exists` — a different promise, plan or offer already has this id.
 * - `already_closed` — the promise, plan or offer is decided or cancelled: nothing more changes it.
 * - `currency_mismatch` — the amount is not in the agreement's currency.
 * - `renegotiation_limit_reached` — the creditor's limit of renegotiations per period is used up.
 * - `not_awaiting_approval` — approval of an offer that needs none.
 * - `approval_beyond_limit` — the approver's own limit does not cover the discount.
 */
export type NegotiationRuleCode =
  | 'invalid_terms'
  | 'invalid_command'
  | 'not_found'
  | 'already_exists'
  | 'already_closed'
  | 'currency_mismatch'
  | 'renegotiation_limit_reached'
  | 'not_awaiting_approval'
  | 'approval_beyond_limit';

export class NegotiationRuleViolated extends Error {
  constructor(
    readonly code: NegotiationRuleCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'NegotiationRuleViolated';
  }
}

/** For `thenThrows`: matches a NegotiationRuleViolated with this code. */
export const violates =
  (code: NegotiationRuleCode) =>
  (error: Error): boolean =>
    error instanceof NegotiationRuleViolated && error.code === code;
