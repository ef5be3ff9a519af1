import { addDays } from '../shared/calendar';
import { PromiseEvent } from './promise.events';
import { MadePromise, PromiseToPay } from './promise.state';

const made = (s: PromiseToPay): MadePromise => {
  if (s.status === 'none') throw new Error('A promise event before PromiseMade');
  return s;
};

export const evolve = (state: PromiseToPay, event: PromiseEvent): PromiseToPay => {
  switch (event.type) {
    case 'PromiseMade':
      return {
        status: 'open',
        terms: event.data,
        deadline: addDays(event.data.dueOn, event.data.rule.toleranceDays),
        decidedOn: null,
        payments: new Map(),
      };
    case 'PromisePaymentRecorded': {
      const s = made(state);
      const { paymentId, amount, paidOn } = event.data;
      return { ...s, payments: new Map(s.payments).set(paymentId, { amount, paidOn, reversed: false }) };
    }
    case 'PromisePaymentReversed': {
      const s = made(state);
      const payment = s.payments.get(event.data.paymentId);
      if (!payment) return s;
      return {
        ...s,
        payments: new Map(s.payments).set(event.data.paymentId, { ...payment, reversed: true }),
      };
    }
    case 'PromiseKept':
      return { ...made(state), status: 'kept', decidedOn: event.data.decidedOn };
    case 'PromisePartiallyKept':
      return { ...made(state), status: 'partially_kept', decidedOn: event.data.decidedOn };
    case 'PromiseBroken':
      return { ...made(state), status: 'broken', decidedOn: event.data.decidedOn };
    case 'PromiseReopened':
      return { ...made(state), status: 'open', decidedOn: null };
    case 'PromiseCancelled':
      return { ...made(state), status: 'cancelled' };
  }
};
