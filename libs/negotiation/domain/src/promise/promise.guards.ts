import { isCurrency } from '@cartera/money';
import { isIsoDate } from '../shared/calendar';
import { NegotiationRuleViolated } from '../shared/errors';
import { MakePromise } from './promise.commands';
import { promiseRuleProblem } from './promise-rule';
import { MadePromise, PromiseToPay } from './promise.state';

export const madeOnly = (s: PromiseToPay): MadePromise => {
  if (s.status === 'none') throw new NegotiationRuleViolated('not_found', 'no such promise');
  return s;
};

/** Why the terms of a new promise are unusable, naming the fields, or null. */
export const promiseTermsProblem = (d: MakePromise['data']): string | null => {
  const missing = (['promiseId', 'accountId', 'debtorId', 'creditorId'] as const).filter((k) => !d[k]);
  if (missing.length > 0) return `${missing.join(', ')}: required`;
  if (d.amount <= 0n) return 'amount: must be positive';
  if (!isCurrency(d.currency)) return 'currency: not an ISO 4217 code';
  if (!isIsoDate(d.dueOn)) return 'dueOn: must be a date';
  if (!d.takenBy.id) return 'takenBy.id: required';
  return promiseRuleProblem(d.rule);
};
