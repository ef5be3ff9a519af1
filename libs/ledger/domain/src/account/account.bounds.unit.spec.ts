import { rejectsField, violates } from './account.errors';
import { accountPlaced, given, paymentPosted, placeAccount, postPayment } from './account.fixtures';
import { components, MAX_MINOR_UNITS } from './balance';

// The default placement originates on 2022-06-01 and owes 1,075.00 USD.
describe('bounded business time and money', () => {
  it('refuses a payment dated before the account’s origination, naming paidAt', () =>
    given([accountPlaced()])
      .when(postPayment({ paidAt: '2022-05-31T15:00:00Z' }))
      .thenThrows(rejectsField('paidAt')));

  it('accepts a payment on the day of origination', () =>
    given([accountPlaced()])
      .when(postPayment({ paidAt: '2022-06-01T15:00:00Z' }))
      .then([paymentPosted({ paidAt: '2022-06-01T15:00:00Z', paidOn: '2022-06-01' })]));

  it('refuses an adjustment and a write-off dated before origination, naming their field', () => {
    given([accountPlaced()])
      .when({
        type: 'ApplyAdjustment',
        data: {
          adjustmentId: 'a-1',
          delta: { fees: -5_00n },
          currency: 'USD',
          reason: 'waiver',
          appliedAt: '2020-01-01T00:00:00Z',
        },
      })
      .thenThrows(rejectsField('appliedAt'));
    given([accountPlaced()])
      .when({ type: 'WriteOff', data: { writtenOffAt: '2021-01-01T00:00:00Z' } })
      .thenThrows(rejectsField('writtenOffAt'));
  });

  it('refuses an amount beyond the money limit (2^70 minor units), naming amount', () =>
    given([accountPlaced()])
      .when(postPayment({ amount: 2n ** 70n }))
      .thenThrows(rejectsField('amount')));

  it('refuses an adjustment component beyond the money limit', () =>
    given([accountPlaced()])
      .when({
        type: 'ApplyAdjustment',
        data: {
          adjustmentId: 'a-1',
          delta: { principal: MAX_MINOR_UNITS + 1n },
          currency: 'USD',
          reason: 'correction',
          appliedAt: '2024-02-01T00:00:00Z',
        },
      })
      .thenThrows(rejectsField('delta.principal')));

  it('refuses a placement whose balance is beyond the money limit', () =>
    given([])
      .when(placeAccount({ balance: components({ principal: MAX_MINOR_UNITS + 1n }) }))
      .thenThrows(violates('invalid_placement')));

  it('refuses an overpayment beyond the creditor’s tolerance', () =>
    given([accountPlaced()])
      .when(postPayment({ amount: 1_075_00n + 10_01n, overpaymentTolerance: 10_00n }))
      .thenThrows(violates('overpayment_beyond_tolerance')));

  it('puts an overpayment within the tolerance on the credit balance', () =>
    given([accountPlaced()])
      .when(postPayment({ amount: 1_075_00n + 10_00n, overpaymentTolerance: 10_00n }))
      .then([
        paymentPosted({
          amount: 1_085_00n,
          allocation: components({ fees: 25_00n, interest: 50_00n, principal: 1_000_00n }),
          toCredit: 10_00n,
        }),
        {
          type: 'AccountClosed',
          data: {
            reason: 'paid_in_full',
            balance: components(),
            closedAt: '2024-02-01T15:00:00Z',
            closedOn: '2024-02-01',
          },
        },
      ]));
});
