import { sameData } from '../shared/same-data';
import { NegotiationRuleViolated } from '../shared/errors';
import { IsoDate } from '../shared/calendar';
import {
  CancelPromise,
  EvaluatePromise,
  MakePromise,
  PromiseCommand,
  RecordPayment,
  RecordReversal,
} from './promise.commands';
import { PromiseEvent } from './promise.events';
import { evolve } from './promise.evolve';
import { madeOnly, promiseTermsProblem } from './promise.guards';
import { isKept, outcomeAtDeadline } from './promise-rule';
import { MadePromise, paidWithin, PromiseToPay } from './promise.state';

export const decide = (command: PromiseCommand, state: PromiseToPay): PromiseEvent[] => {
  switch (command.type) {
    case 'MakePromise':
      return makePromise(command, state);
    case 'RecordPayment':
      return recordPayment(command, madeOnly(state));
    case 'RecordReversal':
      return recordReversal(command, madeOnly(state));
    case 'EvaluatePromise':
      return evaluatePromise(command, madeOnly(state));
    case 'CancelPromise':
      return cancelPromise(command, madeOnly(state));
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled command ${(unknown as PromiseCommand).type}`);
    }
  }
};

const makePromise = (c: MakePromise, s: PromiseToPay): PromiseEvent[] => {
  if (s.status !== 'none') {
    // When it was taken, and the rule then in effect, are not the promise's content: a retry a second later is the same promise.
    const { madeAt: _at, rule: _rule, ...recorded } = s.terms;
    const { madeAt: _again, rule: _rule2, ...incoming } = c.data;
    if (sameData(recorded, incoming)) return [];
    throw new NegotiationRuleViolated('already_exists', 'a different promise has this id');
  }
  const problem = promiseTermsProblem(c.data);
  if (problem) throw new NegotiationRuleViolated('invalid_terms', problem);
  return [
    {
      type: 'PromiseMade',
      data: { ...c.data, currency: c.data.currency as MadePromise['terms']['currency'] },
    },
  ];
};

/** The decision an open promise has reached on `on`: kept as soon as enough is paid, the rest at the deadline. */
const decisionOn = (s: MadePromise, on: IsoDate): PromiseEvent[] => {
  const paid = paidWithin(s);
  const promised = s.terms.amount;
  const base = { paid, ruleVersion: s.terms.rule.version, decidedOn: on };
  if (isKept(paid, promised, s.terms.rule)) return [{ type: 'PromiseKept', data: base }];
  if (on <= s.deadline) return [];
  const shortfall = promised - paid;
  return outcomeAtDeadline(paid, promised, s.terms.rule) === 'partially_kept'
    ? [{ type: 'PromisePartiallyKept', data: { ...base, shortfall } }]
    : [{ type: 'PromiseBroken', data: { ...base, shortfall } }];
};

const recordPayment = (c: RecordPayment, s: MadePromise): PromiseEvent[] => {
  if (s.status === 'cancelled' || s.payments.has(c.data.paymentId)) return [];
  if (c.data.currency !== s.terms.currency) throw new NegotiationRuleViolated('currency_mismatch');
  if (c.data.amount <= 0n) throw new NegotiationRuleViolated('invalid_command', 'amount: must be positive');
  const { paymentId, amount, paidOn } = c.data;
  const counts = paidOn <= s.deadline ? amount : 0n;
  const recorded: PromiseEvent = {
    type: 'PromisePaymentRecorded',
    data: { paymentId, amount, paidOn, paid: paidWithin(s) + counts },
  };
  if (s.status !== 'open') return [recorded];
  return [recorded, ...decisionOn(evolve(s, recorded) as MadePromise, paidOn)];
};

/** Whether the decision taken still holds once the reversal is counted. */
const stillHolds = (s: MadePromise): boolean => {
  const paid = paidWithin(s);
  if (s.status === 'kept') return isKept(paid, s.terms.amount, s.terms.rule);
  if (s.status === 'partially_kept')
    return outcomeAtDeadline(paid, s.terms.amount, s.terms.rule) !== 'broken';
  return true;
};

const recordReversal = (c: RecordReversal, s: MadePromise): PromiseEvent[] => {
  const payment = s.payments.get(c.data.paymentId);
  if (s.status === 'cancelled' || !payment || payment.reversed) return [];
  const { paymentId, reversedOn } = c.data;
  const counted = payment.paidOn <= s.deadline ? payment.amount : 0n;
  const reversed: PromiseEvent = {
    type: 'PromisePaymentReversed',
    data: { paymentId, amount: payment.amount, reversedOn, paid: paidWithin(s) - counted },
  };
  const after = evolve(s, reversed) as MadePromise;
  if (stillHolds(after)) return [reversed];
  const reopened: PromiseEvent = {
    type: 'PromiseReopened',
    data: { reason: 'payment_reversed', paymentId, paid: paidWithin(after), reopenedOn: reversedOn },
  };
  return [reversed, reopened, ...decisionOn(evolve(after, reopened) as MadePromise, reversedOn)];
};

const evaluatePromise = (c: EvaluatePromise, s: MadePromise): PromiseEvent[] =>
  s.status === 'open' ? decisionOn(s, c.data.asOf) : [];

const cancelPromise = (c: CancelPromise, s: MadePromise): PromiseEvent[] => {
  if (s.status === 'cancelled') return [];
  if (s.status !== 'open') throw new NegotiationRuleViolated('already_closed', `the promise is ${s.status}`);
  return [{ type: 'PromiseCancelled', data: c.data }];
};
