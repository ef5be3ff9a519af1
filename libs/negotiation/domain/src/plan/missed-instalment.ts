import { allocateAmount } from '@cartera/money';
import { addDays, IsoDate } from '../shared/calendar';
import { dueDateOf } from '../schedule/frequency';
import { PlanEvent } from './plan.events';
import { AgreedPlan, PlanInstalment } from './plan.state';

/** Instalments still short once the grace days after their due date have passed. */
export const missedAsOf = (s: AgreedPlan, asOf: IsoDate): PlanInstalment[] =>
  s.instalments.filter(
    (i) => !i.missed && i.paid < i.amount && addDays(i.dueOn, s.agreement.policy.graceDays) < asOf,
  );

/** The shortfall as a new instalment one period after the current last one. */
const appendToEnd = (s: AgreedPlan, missed: PlanInstalment, shortfall: bigint): PlanEvent => {
  const number = Math.max(...s.instalments.map((i) => i.number)) + 1;
  const { firstDueOn, frequency } = s.agreement.terms;
  return {
    type: 'MissedAmountAppended',
    data: {
      fromNumber: missed.number,
      instalment: { number, dueOn: dueDateOf(firstDueOn, frequency, number - 1), amount: shortfall },
      policyVersion: s.agreement.policy.version,
    },
  };
};

/** The shortfall shared over the instalments not yet due (largest remainder); appended when none is left. */
const respread = (s: AgreedPlan, missed: PlanInstalment, shortfall: bigint, asOf: IsoDate): PlanEvent => {
  const remaining = s.instalments.filter((i) => !i.missed && i.dueOn > asOf && i.number !== missed.number);
  if (remaining.length === 0) return appendToEnd(s, missed, shortfall);
  const parts = allocateAmount(
    shortfall,
    remaining.map(() => 1),
  );
  return {
    type: 'MissedAmountRespread',
    data: {
      fromNumber: missed.number,
      added: remaining.map((i, index) => ({ number: i.number, amount: parts[index] })),
      policyVersion: s.agreement.policy.version,
    },
  };
};

/** What the policy does with the shortfall of a missed instalment that does not default the plan. */
export const carryShortfall = (s: AgreedPlan, missed: PlanInstalment, asOf: IsoDate): PlanEvent => {
  const shortfall = missed.amount - missed.paid;
  return s.agreement.policy.carry === 'append_to_end'
    ? appendToEnd(s, missed, shortfall)
    : respread(s, missed, shortfall, asOf);
};
