/**
 * Why a strategy-run command was refused:
 * - `not_assigned` — the case has no strategy yet (AssignStrategy first).
 * - `already_assigned` — the case runs another strategy or version: change it with ReSegment.
 * - `no_matching_segment` — no segment of the strategy takes the case (add a catch-all segment).
 * - `invalid_command` — a field of the command is malformed (an instant, a zone).
 */
export type StrategyRuleCode =
  'not_assigned' | 'already_assigned' | 'no_matching_segment' | 'invalid_command';

export class StrategyRuleViolated extends Error {
  constructor(
    readonly code: StrategyRuleCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'StrategyRuleViolated';
  }
}

/** For `thenThrows`: matches a StrategyRuleViolated with this code. */
export const violates =
  (code: StrategyRuleCode) =>
  (error: Error): boolean =>
    error instanceof StrategyRuleViolated && error.code === code;
