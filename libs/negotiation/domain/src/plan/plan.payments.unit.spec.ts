import { violates } from '../shared/errors';
import { given, paid, pay, planAgreed } from './plan.fixtures';

const reverse = (paymentId: string, reversedOn = '2025-02-10') => ({
  type: 'RecordPlanReversal' as const,
  data: { paymentId, reversedOn },
});

describe('payment plan: matching payments', () => {
  it('pays the oldest instalment first', () =>
    given([planAgreed()])
      .when(pay('pay-1', 100_00n))
      .then([paid('pay-1', 100_00n, [{ number: 1, amount: 100_00n }])]));
  it('leaves an underpaid instalment partially paid', () =>
    given([planAgreed()])
      .when(pay('pay-1', 40_00n))
      .then([paid('pay-1', 40_00n, [{ number: 1, amount: 40_00n }])]));
  it('rolls an overpayment forward to the next instalments', () =>
    given([planAgreed(), paid('pay-1', 40_00n, [{ number: 1, amount: 40_00n }])])
      .when(pay('pay-2', 150_00n))
      .then([
        paid('pay-2', 150_00n, [
          { number: 1, amount: 60_00n },
          { number: 2, amount: 90_00n },
        ]),
      ]));
  it('completes the plan with the last unit paid, keeping any excess unapplied', () =>
    given([
      planAgreed(),
      paid('pay-1', 250_00n, [
        { number: 1, amount: 100_00n },
        { number: 2, amount: 100_00n },
        { number: 3, amount: 50_00n },
      ]),
    ])
      .when(pay('pay-2', 60_00n, '2025-03-01'))
      .then([
        paid('pay-2', 60_00n, [{ number: 3, amount: 50_00n }], 10_00n, '2025-03-01'),
        { type: 'PlanCompleted', data: { completedOn: '2025-03-01' } },
      ]));
  it('decides nothing for a payment delivered twice', () =>
    given([planAgreed(), paid('pay-1', 40_00n, [{ number: 1, amount: 40_00n }])])
      .when(pay('pay-1', 40_00n))
      .thenNothingHappened());
  it('refuses a payment in another currency', () =>
    given([planAgreed()])
      .when({
        type: 'RecordPlanPayment',
        data: { paymentId: 'p', amount: 1n, currency: 'EUR', paidOn: '2025-01-30' },
      })
      .thenThrows(violates('currency_mismatch')));
});

describe('payment plan: reversals', () => {
  const allThree = [
    { number: 1, amount: 100_00n },
    { number: 2, amount: 100_00n },
    { number: 3, amount: 100_00n },
  ];
  const fullyPaid = paid('pay-1', 300_00n, allThree);
  it('takes exactly what the payment paid off its instalments', () =>
    given([
      planAgreed(),
      paid('pay-1', 140_00n, [
        { number: 1, amount: 100_00n },
        { number: 2, amount: 40_00n },
      ]),
    ])
      .when(reverse('pay-1'))
      .then([
        {
          type: 'PlanPaymentReversed',
          data: {
            paymentId: 'pay-1',
            amount: 140_00n,
            reversedOn: '2025-02-10',
            applied: [
              { number: 1, amount: 100_00n },
              { number: 2, amount: 40_00n },
            ],
            unapplied: 0n,
          },
        },
      ]));
  it('reopens a completed plan', () =>
    given([planAgreed(), fullyPaid, { type: 'PlanCompleted', data: { completedOn: '2025-01-30' } }])
      .when(reverse('pay-1'))
      .then([
        {
          type: 'PlanPaymentReversed',
          data: {
            paymentId: 'pay-1',
            amount: 300_00n,
            reversedOn: '2025-02-10',
            applied: allThree,
            unapplied: 0n,
          },
        },
        { type: 'PlanReopened', data: { paymentId: 'pay-1', reopenedOn: '2025-02-10' } },
      ]));
  it('decides nothing for a payment it never recorded', () =>
    given([planAgreed()]).when(reverse('pay-9')).thenNothingHappened());
});
