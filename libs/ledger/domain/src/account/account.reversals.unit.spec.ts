import { ReversePayment } from './account.commands';
import { violates } from './account.errors';
import { PaymentReversed } from './account.events';
import {
  accountClosed,
  accountPlaced,
  given,
  paymentPosted,
  placedState,
  postPayment,
  run,
} from './account.fixtures';
import { components } from './balance';

const reversePayment = (data: Partial<ReversePayment['data']> = {}): ReversePayment => ({
  type: 'ReversePayment',
  data: { paymentId: 'pay-1', reason: 'insufficient_funds', reversedAt: '2024-02-10T15:00:00Z', ...data },
});

const paymentReversed = (data: Partial<PaymentReversed['data']> = {}): PaymentReversed => ({
  type: 'PaymentReversed',
  data: {
    paymentId: 'pay-1',
    reason: 'insufficient_funds',
    amount: 100_00n,
    currency: 'USD',
    allocation: components({ fees: 25_00n, interest: 50_00n, principal: 25_00n }),
    fromCredit: 0n,
    reversedAt: '2024-02-10T15:00:00Z',
    reversedOn: '2024-02-10',
    ...data,
  },
});

describe('ReversePayment', () => {
  it('undoes exactly the allocation of that payment', () =>
    given([accountPlaced(), paymentPosted()]).when(reversePayment()).then([paymentReversed()]));

  it('puts the balance back as it was before the payment', () => {
    const events = run([postPayment(), reversePayment()], [accountPlaced()]);
    expect(placedState(events).balance).toEqual(accountPlaced().data.balance);
  });

  it('reverses one payment among several, leaving the others applied', () => {
    const events = run(
      [
        postPayment(),
        postPayment({ paymentId: 'pay-2', amount: 50_00n }),
        reversePayment({ reason: 'chargeback' }),
      ],
      [accountPlaced()],
    );
    // pay-2 took 50.00 of principal; only that remains applied
    expect(placedState(events).balance).toEqual(
      components({ fees: 25_00n, interest: 50_00n, principal: 950_00n }),
    );
  });

  it('reopens an account the reversed payment had closed, taking back its credit part too', () =>
    given([
      accountPlaced(),
      paymentPosted({
        amount: 1_100_00n,
        allocation: components({ fees: 25_00n, interest: 50_00n, principal: 1_000_00n }),
        toCredit: 25_00n,
      }),
      accountClosed(),
    ])
      .when(reversePayment({ reason: 'chargeback' }))
      .then([
        paymentReversed({
          reason: 'chargeback',
          amount: 1_100_00n,
          allocation: components({ fees: 25_00n, interest: 50_00n, principal: 1_000_00n }),
          fromCredit: 25_00n,
        }),
        {
          type: 'AccountReopened',
          data: {
            reason: 'payment_reversed',
            paymentId: 'pay-1',
            reopenedAt: '2024-02-10T15:00:00Z',
            reopenedOn: '2024-02-10',
          },
        },
      ]));

  it('after reversal of the closing payment, the account is active with the full balance and no credit', () => {
    const events = run([postPayment({ amount: 1_100_00n }), reversePayment()], [accountPlaced()]);
    const s = placedState(events);
    expect(s.status).toBe('active');
    expect(s.balance).toEqual(accountPlaced().data.balance);
    expect(s.credit).toBe(0n);
  });

  it('reopens when an earlier payment is reversed on an account a later payment paid off', () => {
    const events = run(
      [postPayment(), postPayment({ paymentId: 'pay-2', amount: 975_00n }), reversePayment()],
      [accountPlaced()],
    );
    expect(events.map((e) => e.type)).toEqual([
      'AccountPlaced',
      'PaymentPosted',
      'PaymentPosted',
      'AccountClosed',
      'PaymentReversed',
      'AccountReopened',
    ]);
    expect(placedState(events).balance).toEqual(
      components({ fees: 25_00n, interest: 50_00n, principal: 25_00n }),
    );
  });

  it('does not reopen when the reversed payment only went to the credit balance', () => {
    // a settlement discount waived everything (adjustments never close by themselves), then a payment
    // arrived: all of it is credit and it closes the account; reversing it leaves nothing owed
    const waiveAll = {
      type: 'ApplyAdjustment' as const,
      data: {
        adjustmentId: 'adj-1',
        delta: { fees: -25_00n, interest: -50_00n, principal: -1_000_00n },
        currency: 'USD',
        reason: 'settlement_discount' as const,
        appliedAt: '2024-01-20T15:00:00Z',
      },
    };
    const events = run([waiveAll, postPayment({ amount: 5_00n }), reversePayment()], [accountPlaced()]);
    expect(events.slice(2).map((e) => e.type)).toEqual(['PaymentPosted', 'AccountClosed', 'PaymentReversed']);
    const s = placedState(events);
    expect([s.status, s.credit, s.balance]).toEqual(['closed', 0n, components()]);
  });

  it('records a reversal on a recalled account without reopening it (the money really came back)', () =>
    given([
      accountPlaced(),
      paymentPosted(),
      accountClosed({ reason: 'recalled', balance: components({ principal: 975_00n }) }),
    ])
      .when(reversePayment())
      .then([paymentReversed()]));

  it('refuses to reverse a payment the account never posted', () =>
    given([accountPlaced(), paymentPosted()])
      .when(reversePayment({ paymentId: 'pay-9' }))
      .thenThrows(violates('unknown_payment')));

  it('decides nothing when the same reversal is retried', () =>
    given([accountPlaced(), paymentPosted(), paymentReversed()])
      .when(reversePayment({ reversedAt: '2024-02-10T15:00:05Z' }))
      .thenNothingHappened());

  it('refuses a second, different reversal of the same payment', () =>
    given([accountPlaced(), paymentPosted(), paymentReversed()])
      .when(reversePayment({ reason: 'chargeback' }))
      .thenThrows(violates('payment_already_reversed')));

  it('refuses a reversal instant without offset', () =>
    given([accountPlaced(), paymentPosted()])
      .when(reversePayment({ reversedAt: 'yesterday' }))
      .thenThrows(violates('invalid_command')));
});
