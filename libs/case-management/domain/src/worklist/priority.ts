import { Temporal } from 'temporal-polyfill';
import { CaseStatus } from '../case';

/**
 * How worklists order cases: expected recovery (balance × likelihood of paying) weighted by
 * urgency (days past due, a promise date close or passed). Business data, versioned: every
 * score names the policy version it was computed with.
 */
export type PriorityPolicy = Readonly<{
  version: string;
  /** Likelihood of paying by status, in per mille. */
  likelihood: Readonly<Record<CaseStatus, number>>;
  /** Urgency added from days past due (per mille over a base of 1000), highest threshold reached. */
  dpdUrgency: readonly Readonly<{ fromDpd: number; add: number }>[];
  /** Urgency added when a promise falls due within `withinDays`, and when it is overdue. */
  promiseDueSoon: Readonly<{ withinDays: number; add: number }>;
  promiseOverdue: number;
}>;

export const PRIORITY_POLICY_2026: PriorityPolicy = {
  version: 'priority-2026-12',
  likelihood: {
    promise_active: 800,
    payment_plan: 700,
    pending_payment: 600,
    negotiating: 500,
    contacted: 400,
    new: 300,
    severe_delinquency: 200,
    legal: 100,
    on_hold: 0,
    closed: 0,
  },
  dpdUrgency: [
    { fromDpd: 30, add: 300 },
    { fromDpd: 90, add: 600 },
    { fromDpd: 180, add: 1000 },
  ],
  promiseDueSoon: { withinDays: 3, add: 1000 },
  promiseOverdue: 1500,
};

export type PriorityInput = Readonly<{
  status: CaseStatus;
  /** Open balance of the case, minor units. */
  balance: bigint;
  dpd: number;
  promiseDueOn: string | null;
  /** The day the score is for (`YYYY-MM-DD`). */
  asOf: string;
}>;

/** One factor of the score and why it has that value: the "why is this first" of a worklist. */
export type PriorityTerm = Readonly<{
  term: 'balance' | 'likelihood' | 'urgency';
  value: string;
  why: string;
}>;

export type Priority = Readonly<{ score: bigint; terms: readonly PriorityTerm[]; policyVersion: string }>;

/** score = balance × likelihood‰ × urgency‰ / 10⁶, in integers (minor units of weighted expected recovery). */
export const priorityOf = (input: PriorityInput, policy: PriorityPolicy = PRIORITY_POLICY_2026): Priority => {
  const balance = input.balance > 0n ? input.balance : 0n;
  const likelihood = policy.likelihood[input.status];
  const urgency = urgencyOf(input, policy);
  return {
    score: (balance * BigInt(likelihood) * BigInt(urgency.value)) / 1_000_000n,
    policyVersion: policy.version,
    terms: [
      { term: 'balance', value: balance.toString(), why: 'open balance (minor units)' },
      { term: 'likelihood', value: String(likelihood), why: `status ${input.status}` },
      { term: 'urgency', value: String(urgency.value), why: urgency.why.join('; ') },
    ],
  };
};

const urgencyOf = (input: PriorityInput, policy: PriorityPolicy): { value: number; why: string[] } => {
  const why = [`${input.dpd} days past due`];
  let value = 1000;
  const dpdStep = [...policy.dpdUrgency].reverse().find((s) => input.dpd >= s.fromDpd);
  if (dpdStep) value += dpdStep.add;
  if (input.promiseDueOn !== null) {
    const days = Temporal.PlainDate.from(input.asOf).until(input.promiseDueOn, { largestUnit: 'days' }).days;
    if (days < 0) {
      value += policy.promiseOverdue;
      why.push(`promise overdue by ${-days} days`);
    } else if (days <= policy.promiseDueSoon.withinDays) {
      value += policy.promiseDueSoon.add;
      why.push(`promise due in ${days} days`);
    }
  }
  return { value, why };
};
