import { violates } from '../shared/errors';
import {
  decision,
  given,
  makePromise,
  paymentRecorded,
  promiseMade,
  recordPayment,
} from './promise.fixtures';

describe('promise to pay: making it', () => {
  it('records the promise with the rule in effect', () =>
    given([]).when(makePromise()).then([promiseMade()]));
  it('decides nothing when the same promise is made again', () =>
    given([promiseMade()]).when(makePromise()).thenNothingHappened());
  it('decides nothing when the request is retried later', () =>
    given([promiseMade()])
      .when(makePromise({ madeAt: '2025-03-01T15:00:05Z' }))
      .thenNothingHappened());
  it('refuses a different promise under the same id', () =>
    given([promiseMade()])
      .when(makePromise({ amount: 1n }))
      .thenThrows(violates('already_exists')));
  it('refuses a non-positive amount', () =>
    given([])
      .when(makePromise({ amount: 0n }))
      .thenThrows(violates('invalid_terms')));
  it('refuses an unknown currency', () =>
    given([])
      .when(makePromise({ currency: 'XYZ' }))
      .thenThrows(violates('invalid_terms')));
  it('refuses a due date that is no date', () =>
    given([])
      .when(makePromise({ dueOn: '2025-02-30' }))
      .thenThrows(violates('invalid_terms')));
  it('refuses a rule whose partial threshold is above the kept one', () =>
    given([])
      .when(makePromise({ rule: { ...promiseMade().data.rule, partiallyKeptAtBps: 9_600 } }))
      .thenThrows(violates('invalid_terms')));
  it('refuses payments on a promise never made', () =>
    given([]).when(recordPayment('pay-1', 1n)).thenThrows(violates('not_found')));
});

describe('promise to pay: payments from the ledger', () => {
  it('is kept as soon as the full amount is paid', () =>
    given([promiseMade()])
      .when(recordPayment('pay-1', 200_00n))
      .then([
        paymentRecorded('pay-1', 200_00n),
        { type: 'PromiseKept', data: decision(200_00n, '2025-03-09') },
      ]));
  it('is kept at the threshold of the rule (95 %), within the tolerance days', () =>
    given([promiseMade(), paymentRecorded('pay-1', 100_00n, '2025-03-08')])
      .when(recordPayment('pay-2', 90_00n, '2025-03-13'))
      .then([
        paymentRecorded('pay-2', 90_00n, '2025-03-13', 190_00n),
        { type: 'PromiseKept', data: decision(190_00n, '2025-03-13') },
      ]));
  it('only records a payment below the threshold before the deadline', () =>
    given([promiseMade()])
      .when(recordPayment('pay-1', 50_00n))
      .then([paymentRecorded('pay-1', 50_00n)]));
  it('decides a payment dated after the deadline, which no longer counts', () =>
    given([promiseMade(), paymentRecorded('pay-1', 60_00n)])
      .when(recordPayment('pay-2', 140_00n, '2025-03-14'))
      .then([
        paymentRecorded('pay-2', 140_00n, '2025-03-14', 60_00n),
        { type: 'PromisePartiallyKept', data: { ...decision(60_00n, '2025-03-14'), shortfall: 140_00n } },
      ]));
  it('decides nothing for a payment delivered twice', () =>
    given([promiseMade(), paymentRecorded('pay-1', 50_00n)])
      .when(recordPayment('pay-1', 50_00n))
      .thenNothingHappened());
  it('records a later payment on a kept promise without deciding again', () =>
    given([
      promiseMade(),
      paymentRecorded('pay-1', 200_00n),
      { type: 'PromiseKept', data: decision(200_00n, '2025-03-09') },
    ])
      .when(recordPayment('pay-2', 10_00n))
      .then([paymentRecorded('pay-2', 10_00n, '2025-03-09', 210_00n)]));
  it('refuses a payment in another currency', () =>
    given([promiseMade()])
      .when({
        type: 'RecordPayment',
        data: { paymentId: 'pay-1', amount: 1n, currency: 'EUR', paidOn: '2025-03-09' },
      })
      .thenThrows(violates('currency_mismatch')));
  it('refuses a non-positive payment', () =>
    given([promiseMade()]).when(recordPayment('pay-1', 0n)).thenThrows(violates('invalid_command')));
});
