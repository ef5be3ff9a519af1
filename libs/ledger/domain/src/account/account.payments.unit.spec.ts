import { violates } from './account.errors';
import { accountClosed, accountPlaced, given, paymentPosted, postPayment } from './account.fixtures';
import { components } from './balance';

// The default placement owes fees 25.00, interest 50.00, principal 1,000.00 = 1,075.00 (USD).
describe('PostPayment', () => {
  it('pays fees, then interest, then principal by default (partial payment)', () =>
    given([accountPlaced()])
      .when(postPayment({ amount: 100_00n }))
      .then([
        paymentPosted({
          amount: 100_00n,
          allocation: components({ fees: 25_00n, interest: 50_00n, principal: 25_00n }),
        }),
      ]));

  it('stops inside the first component when the payment is small', () =>
    given([accountPlaced()])
      .when(postPayment({ amount: 10_00n }))
      .then([paymentPosted({ amount: 10_00n, allocation: components({ fees: 10_00n }) })]));

  it('follows a creditor waterfall (principal first)', () =>
    given([accountPlaced()])
      .when(postPayment({ amount: 1_010_00n, waterfall: ['principal', 'fees', 'interest'] }))
      .then([
        paymentPosted({
          amount: 1_010_00n,
          waterfall: ['principal', 'fees', 'interest'],
          allocation: components({ principal: 1_000_00n, fees: 10_00n }),
        }),
      ]));

  it('applies successive partial payments to what is left', () =>
    given([accountPlaced(), paymentPosted()])
      .when(postPayment({ paymentId: 'pay-2', amount: 30_00n, paidAt: '2024-03-01T15:00:00Z' }))
      .then([
        paymentPosted({
          paymentId: 'pay-2',
          amount: 30_00n,
          paidAt: '2024-03-01T15:00:00Z',
          paidOn: '2024-03-01',
          allocation: components({ principal: 30_00n }),
        }),
      ]));

  it('closes the account as paid in full when the balance reaches exactly zero', () =>
    given([accountPlaced()])
      .when(postPayment({ amount: 1_075_00n }))
      .then([
        paymentPosted({
          amount: 1_075_00n,
          allocation: components({ fees: 25_00n, interest: 50_00n, principal: 1_000_00n }),
        }),
        accountClosed({ reason: 'paid_in_full' }),
      ]));

  it('puts an overpayment on the credit balance and closes the account', () =>
    given([accountPlaced(), paymentPosted()])
      .when(postPayment({ paymentId: 'pay-2', amount: 1_000_00n }))
      .then([
        paymentPosted({
          paymentId: 'pay-2',
          amount: 1_000_00n,
          allocation: components({ principal: 975_00n }),
          toCredit: 25_00n,
        }),
        accountClosed({ reason: 'paid_in_full' }),
      ]));

  it('dates the payment in the debtor zone', () =>
    // 03:30 UTC on 1 March is 22:30 on 29 February in Bogotá (leap day).
    given([accountPlaced()])
      .when(postPayment({ paidAt: '2024-03-01T03:30:00Z' }))
      .then([paymentPosted({ paidAt: '2024-03-01T03:30:00Z', paidOn: '2024-02-29' })]));

  describe('idempotency', () => {
    it('decides nothing when the processor retries the same payment id', () =>
      given([accountPlaced(), paymentPosted()]).when(postPayment()).thenNothingHappened());

    it('decides nothing for a retry of the payment that closed the account', () =>
      given([accountPlaced(), paymentPosted({ amount: 1_075_00n }), accountClosed()])
        .when(postPayment({ amount: 1_075_00n }))
        .thenNothingHappened());

    it('decides nothing for a retry of a payment that was reversed since', () =>
      given([
        accountPlaced(),
        paymentPosted(),
        {
          type: 'PaymentReversed',
          data: {
            paymentId: 'pay-1',
            reason: 'chargeback',
            amount: 100_00n,
            currency: 'USD',
            fromCredit: 0n,
            allocation: components({ fees: 25_00n, interest: 50_00n, principal: 25_00n }),
            reversedAt: '2024-02-10T12:00:00Z',
            reversedOn: '2024-02-10',
          },
        },
      ])
        .when(postPayment())
        .thenNothingHappened());
  });

  describe('rejections', () => {
    it('refuses a payment on a closed account', () =>
      given([accountPlaced(), paymentPosted({ amount: 1_075_00n }), accountClosed()])
        .when(postPayment({ paymentId: 'pay-2' }))
        .thenThrows(violates('account_closed')));

    it('refuses a payment on a recalled account (work stops)', () =>
      given([accountPlaced(), accountClosed({ reason: 'recalled', balance: components({ principal: 1n }) })])
        .when(postPayment({ paymentId: 'pay-2' }))
        .thenThrows(violates('account_recalled')));

    it('refuses a payment in another currency', () =>
      given([accountPlaced()])
        .when(postPayment({ currency: 'EUR' }))
        .thenThrows(violates('currency_mismatch')));

    it.each([0n, -1n])('refuses an amount of %p', (amount) =>
      given([accountPlaced()]).when(postPayment({ amount })).thenThrows(violates('non_positive_amount')),
    );

    it('refuses a waterfall that skips a component', () =>
      given([accountPlaced()])
        .when(postPayment({ waterfall: ['fees', 'principal'] }))
        .thenThrows(violates('invalid_command')));

    it('refuses a paid-at without offset', () =>
      given([accountPlaced()])
        .when(postPayment({ paidAt: '2024-02-01 10:00' }))
        .thenThrows(violates('invalid_command')));
  });
});
