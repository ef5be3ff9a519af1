import { violates } from '../shared/errors';
import { EvaluatePromise, RecordReversal } from './promise.commands';
import { PromiseEvent } from './promise.events';
import { decision, given, paymentRecorded, promiseMade, recordPayment } from './promise.fixtures';

const evaluate = (asOf: string): EvaluatePromise => ({ type: 'EvaluatePromise', data: { asOf } });
const reverse = (paymentId: string, reversedOn = '2025-03-20'): RecordReversal => ({
  type: 'RecordReversal',
  data: { paymentId, reversedOn },
});
const kept = (paid: bigint, on = '2025-03-09'): PromiseEvent => ({
  type: 'PromiseKept',
  data: decision(paid, on),
});
const cancelled: PromiseEvent = {
  type: 'PromiseCancelled',
  data: {
    reason: 'debtor asked',
    cancelledBy: { kind: 'agent', id: 'agent-7' },
    cancelledAt: '2025-03-05T10:00:00Z',
  },
};
const cancel = { type: 'CancelPromise' as const, data: cancelled.data };

describe('promise to pay: the daily check', () => {
  it('waits until the tolerance days have passed', () =>
    given([promiseMade()]).when(evaluate('2025-03-13')).thenNothingHappened());
  it('breaks a promise with nothing paid by the deadline', () =>
    given([promiseMade()])
      .when(evaluate('2025-03-14'))
      .then([{ type: 'PromiseBroken', data: { ...decision(0n, '2025-03-14'), shortfall: 200_00n } }]));
  it('breaks a promise paid below the partial threshold (25 %)', () =>
    given([promiseMade(), paymentRecorded('pay-1', 49_99n)])
      .when(evaluate('2025-03-14'))
      .then([{ type: 'PromiseBroken', data: { ...decision(49_99n, '2025-03-14'), shortfall: 150_01n } }]));
  it('partially keeps a promise paid between the thresholds', () =>
    given([promiseMade(), paymentRecorded('pay-1', 50_00n)])
      .when(evaluate('2025-03-14'))
      .then([
        { type: 'PromisePartiallyKept', data: { ...decision(50_00n, '2025-03-14'), shortfall: 150_00n } },
      ]));
  it('decides nothing on a promise already decided', () =>
    given([promiseMade(), paymentRecorded('pay-1', 200_00n), kept(200_00n)])
      .when(evaluate('2025-03-20'))
      .thenNothingHappened());
});

describe('promise to pay: reversals', () => {
  it('reopens a kept promise and, past the deadline, decides it again', () =>
    given([promiseMade(), paymentRecorded('pay-1', 200_00n), kept(200_00n)])
      .when(reverse('pay-1'))
      .then([
        {
          type: 'PromisePaymentReversed',
          data: { paymentId: 'pay-1', amount: 200_00n, reversedOn: '2025-03-20', paid: 0n },
        },
        {
          type: 'PromiseReopened',
          data: { reason: 'payment_reversed', paymentId: 'pay-1', paid: 0n, reopenedOn: '2025-03-20' },
        },
        { type: 'PromiseBroken', data: { ...decision(0n, '2025-03-20'), shortfall: 200_00n } },
      ]));
  it('reopens a kept promise before the deadline and leaves it open', () =>
    given([promiseMade(), paymentRecorded('pay-1', 200_00n), kept(200_00n)])
      .when(reverse('pay-1', '2025-03-11'))
      .then([
        {
          type: 'PromisePaymentReversed',
          data: { paymentId: 'pay-1', amount: 200_00n, reversedOn: '2025-03-11', paid: 0n },
        },
        {
          type: 'PromiseReopened',
          data: { reason: 'payment_reversed', paymentId: 'pay-1', paid: 0n, reopenedOn: '2025-03-11' },
        },
      ]));
  it('keeps the decision when the rest still reaches it', () =>
    given([
      promiseMade(),
      paymentRecorded('pay-1', 200_00n),
      kept(200_00n),
      paymentRecorded('pay-2', 10_00n, '2025-03-10'),
    ])
      .when(reverse('pay-2'))
      .then([
        {
          type: 'PromisePaymentReversed',
          data: { paymentId: 'pay-2', amount: 10_00n, reversedOn: '2025-03-20', paid: 200_00n },
        },
      ]));
  it('breaks a partially kept promise whose payment is reversed', () =>
    given([
      promiseMade(),
      paymentRecorded('pay-1', 50_00n),
      { type: 'PromisePartiallyKept', data: { ...decision(50_00n, '2025-03-14'), shortfall: 150_00n } },
    ])
      .when(reverse('pay-1'))
      .then([
        {
          type: 'PromisePaymentReversed',
          data: { paymentId: 'pay-1', amount: 50_00n, reversedOn: '2025-03-20', paid: 0n },
        },
        {
          type: 'PromiseReopened',
          data: { reason: 'payment_reversed', paymentId: 'pay-1', paid: 0n, reopenedOn: '2025-03-20' },
        },
        { type: 'PromiseBroken', data: { ...decision(0n, '2025-03-20'), shortfall: 200_00n } },
      ]));
  it('decides nothing for a payment it never recorded', () =>
    given([promiseMade()]).when(reverse('pay-9')).thenNothingHappened());
  it('decides nothing for a reversal delivered twice', () =>
    given([
      promiseMade(),
      paymentRecorded('pay-1', 50_00n),
      {
        type: 'PromisePaymentReversed',
        data: { paymentId: 'pay-1', amount: 50_00n, reversedOn: '2025-03-11', paid: 0n },
      },
    ])
      .when(reverse('pay-1'))
      .thenNothingHappened());
});

describe('promise to pay: cancelling', () => {
  it('cancels an open promise', () => given([promiseMade()]).when(cancel).then([cancelled]));
  it('decides nothing when cancelled again', () =>
    given([promiseMade(), cancelled]).when(cancel).thenNothingHappened());
  it('refuses to cancel a decided promise', () =>
    given([promiseMade(), paymentRecorded('pay-1', 200_00n), kept(200_00n)])
      .when(cancel)
      .thenThrows(violates('already_closed')));
  it('ignores payments on a cancelled promise', () =>
    given([promiseMade(), cancelled]).when(recordPayment('pay-1', 200_00n)).thenNothingHappened());
  it('never decides a cancelled promise', () =>
    given([promiseMade(), cancelled]).when(evaluate('2025-04-01')).thenNothingHappened());
});
