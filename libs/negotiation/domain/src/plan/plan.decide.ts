import { daysBetween } from '../shared/calendar';
import { NegotiationRuleViolated } from '../shared/errors';
import { sameData } from '../shared/same-data';
import { paymentSchedule } from '../schedule/payment-schedule';
import { matchPayment } from './match-payment';
import { carryShortfall, missedAsOf } from './missed-instalment';
import {
  AgreePlan,
  EvaluatePlan,
  PlanCommand,
  RecordPlanPayment,
  RecordPlanReversal,
  RenegotiatePlan,
} from './plan.commands';
import { PlanEvent } from './plan.events';
import { evolve } from './plan.evolve';
import { agreedOnly, agreementProblem } from './plan.guards';
import { renegotiationLimitProblem } from './plan-policy';
import { AgreedPlan, outstandingOf, PaymentPlan } from './plan.state';

export const decide = (command: PlanCommand, state: PaymentPlan): PlanEvent[] => {
  switch (command.type) {
    case 'AgreePlan':
      return agreePlan(command, state);
    case 'RecordPlanPayment':
      return recordPayment(command, agreedOnly(state));
    case 'RecordPlanReversal':
      return recordReversal(command, agreedOnly(state));
    case 'EvaluatePlan':
      return evaluatePlan(command, agreedOnly(state));
    case 'RenegotiatePlan':
      return renegotiatePlan(command, agreedOnly(state));
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled command ${(unknown as PlanCommand).type}`);
    }
  }
};

const agreePlan = (c: AgreePlan, s: PaymentPlan): PlanEvent[] => {
  if (s.status !== 'none') {
    // When it was agreed is not the plan's content: a retry later is the same plan.
    const { instalments: _i, total: _t, agreedAt: _at, ...recorded } = s.agreement;
    const { agreedAt: _again, ...incoming } = c.data;
    if (sameData(recorded, incoming)) return [];
    throw new NegotiationRuleViolated('already_exists', 'a different plan has this id');
  }
  const problem = agreementProblem(c.data);
  if (problem) throw new NegotiationRuleViolated('invalid_terms', problem);
  const schedule = paymentSchedule(c.data.terms);
  const instalments = schedule.instalments.map(({ number, dueOn, amount }) => ({ number, dueOn, amount }));
  return [{ type: 'PlanAgreed', data: { ...c.data, instalments, total: schedule.total } }];
};

const recordPayment = (c: RecordPlanPayment, s: AgreedPlan): PlanEvent[] => {
  if (s.status === 'defaulted' || s.status === 'renegotiated' || s.payments.has(c.data.paymentId)) return [];
  if (c.data.currency !== s.agreement.terms.currency) throw new NegotiationRuleViolated('currency_mismatch');
  if (c.data.amount <= 0n) throw new NegotiationRuleViolated('invalid_command', 'amount: must be positive');
  const { paymentId, amount, paidOn } = c.data;
  const recorded: PlanEvent = {
    type: 'PlanPaymentRecorded',
    data: { paymentId, amount, paidOn, ...matchPayment(s.instalments, amount) },
  };
  const after = evolve(s, recorded) as AgreedPlan;
  const completes = s.status === 'active' && outstandingOf(after) === 0n;
  return completes ? [recorded, { type: 'PlanCompleted', data: { completedOn: paidOn } }] : [recorded];
};

const recordReversal = (c: RecordPlanReversal, s: AgreedPlan): PlanEvent[] => {
  const payment = s.payments.get(c.data.paymentId);
  if (s.status === 'defaulted' || s.status === 'renegotiated' || !payment || payment.reversed) return [];
  const { paymentId, reversedOn } = c.data;
  const { amount, applied, unapplied } = payment;
  const reversed: PlanEvent = {
    type: 'PlanPaymentReversed',
    data: { paymentId, amount, reversedOn, applied, unapplied },
  };
  const reopens = s.status === 'completed' && outstandingOf(evolve(s, reversed) as AgreedPlan) > 0n;
  return reopens
    ? [reversed, { type: 'PlanReopened', data: { paymentId, reopenedOn: reversedOn } }]
    : [reversed];
};

/** Each instalment past its grace days is missed in turn; the miss that reaches the policy's count defaults the plan. */
const evaluatePlan = (c: EvaluatePlan, s: AgreedPlan): PlanEvent[] => {
  if (s.status !== 'active') return [];
  const { policy } = s.agreement;
  const events: PlanEvent[] = [];
  let state = s;
  for (const missed of missedAsOf(s, c.data.asOf)) {
    const miss: PlanEvent = {
      type: 'InstalmentMissed',
      data: {
        number: missed.number,
        dueOn: missed.dueOn,
        shortfall: missed.amount - missed.paid,
        misses: state.misses + 1,
        policyVersion: policy.version,
        asOf: c.data.asOf,
      },
    };
    state = evolve(state, miss) as AgreedPlan;
    events.push(miss);
    if (policy.defaultAfterMisses !== null && state.misses >= policy.defaultAfterMisses) {
      const data = { misses: state.misses, outstanding: outstandingOf(state), policyVersion: policy.version };
      return [...events, { type: 'PlanDefaulted', data: { ...data, defaultedOn: c.data.asOf } }];
    }
    const carried = carryShortfall(state, missed, c.data.asOf);
    state = evolve(state, carried) as AgreedPlan;
    events.push(carried);
  }
  return events;
};

/** The renegotiations of the plan's chain within the limit's rolling period, ending on `on`. */
const recentRenegotiations = (s: AgreedPlan, on: string, periodDays: number): number =>
  (s.agreement.replaces?.renegotiations ?? []).filter((d) => daysBetween(d, on) < periodDays).length;

const renegotiatePlan = (c: RenegotiatePlan, s: AgreedPlan): PlanEvent[] => {
  if (s.status === 'renegotiated' && s.renegotiatedTo === c.data.newPlanId) return [];
  if (s.status === 'renegotiated' || s.status === 'completed')
    throw new NegotiationRuleViolated('already_closed', `the plan is ${s.status}`);
  const problem = renegotiationLimitProblem(c.data.limit);
  if (problem) throw new NegotiationRuleViolated('invalid_command', problem);
  const { limit, newPlanId, renegotiatedOn, requestedBy, reason } = c.data;
  if (recentRenegotiations(s, renegotiatedOn, limit.periodDays) >= limit.maxRenegotiations)
    throw new NegotiationRuleViolated(
      'renegotiation_limit_reached',
      `${limit.maxRenegotiations} in ${limit.periodDays} days (limit ${limit.version})`,
    );
  return [
    {
      type: 'PlanRenegotiated',
      data: {
        newPlanId,
        outstanding: outstandingOf(s),
        limitVersion: limit.version,
        renegotiatedOn,
        requestedBy,
        reason,
      },
    },
  ];
};
