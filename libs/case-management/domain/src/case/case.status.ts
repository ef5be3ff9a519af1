import { CaseRuleViolated } from './case.errors';
import { CaseStatusChanged } from './case.events';
import { Cause, CaseStatus, OpenedCase, WorkStatus } from './case.state';
import { Instant } from './case.time';

/**
 * The moves an agent or supervisor may make explicitly. `new` is only where a case starts;
 * `on_hold` and `closed` follow holds and the accounts, never a command.
 */
export const ALLOWED_MOVES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['contacted', 'negotiating', 'pending_payment', 'severe_delinquency', 'legal'],
  contacted: [
    'negotiating',
    'pending_payment',
    'promise_active',
    'payment_plan',
    'severe_delinquency',
    'legal',
  ],
  negotiating: [
    'contacted',
    'pending_payment',
    'promise_active',
    'payment_plan',
    'severe_delinquency',
    'legal',
  ],
  pending_payment: [
    'contacted',
    'negotiating',
    'promise_active',
    'payment_plan',
    'severe_delinquency',
    'legal',
  ],
  promise_active: ['contacted', 'negotiating', 'pending_payment', 'payment_plan', 'severe_delinquency'],
  payment_plan: ['contacted', 'negotiating', 'pending_payment', 'severe_delinquency'],
  severe_delinquency: ['contacted', 'negotiating', 'promise_active', 'payment_plan', 'legal'],
  legal: ['negotiating', 'payment_plan'],
  on_hold: [],
  closed: [],
};

export const isWorkStatus = (s: CaseStatus): s is WorkStatus => s !== 'on_hold' && s !== 'closed';

/** The explicit move: refused with the current status named; a repeat of the current status decides nothing. */
export const explicitMove = (
  s: OpenedCase,
  to: CaseStatus,
  at: Instant,
  cause: Cause,
): CaseStatusChanged[] => {
  if (s.status === to) return [];
  if (!ALLOWED_MOVES[s.status].includes(to))
    throw new CaseRuleViolated('illegal_transition', `current status ${s.status}: cannot move to ${to}`);
  return [statusChanged(s.status, to, at, cause)];
};

/**
 * A move driven by a fact (a payment, an aging, an interaction) when the case is in one of
 * `from`: a held or closed case does not move, so a hold still returns to where it was.
 */
export const factMove = (
  s: OpenedCase,
  from: readonly WorkStatus[] | 'any',
  to: WorkStatus,
  at: Instant,
  cause: Cause,
  rule?: string,
): CaseStatusChanged[] => {
  if (!isWorkStatus(s.status) || s.status === to) return [];
  if (from !== 'any' && !from.includes(s.status)) return [];
  return [statusChanged(s.status, to, at, cause, rule)];
};

export const statusChanged = (
  from: CaseStatus,
  to: CaseStatus,
  changedAt: Instant,
  cause: Cause,
  rule?: string,
): CaseStatusChanged => ({
  type: 'CaseStatusChanged',
  data: { from, to, changedAt, cause, ...(rule ? { rule } : {}) },
});
