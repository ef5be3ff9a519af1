import { AccountCommand } from './account.commands';
import { violates } from './account.errors';
import {
  accountClosed,
  accountPlaced,
  given,
  paymentPosted,
  placeAccount,
  placement,
  postPayment,
  stateOf,
} from './account.fixtures';
import { components } from './balance';

describe('PlaceAccount', () => {
  it('places an account with every field of the placement, dated in the debtor zone', () =>
    given([]).when(placeAccount()).then([accountPlaced()]));

  it('records the placement day in the debtor zone, not in UTC', () => {
    // 02:00 UTC on 16 Jan is still 21:00 on 15 Jan in Bogotá, and already 11:00 on 16 Jan in Tokyo.
    const bogota = accountPlaced({ placedAt: '2024-01-16T02:00:00Z' });
    expect(bogota.data.placedOn).toBe('2024-01-15');
    given([])
      .when(placeAccount({ placedAt: '2024-01-16T02:00:00Z' }))
      .then([bogota]);
    const tokyo = accountPlaced({ placedAt: '2024-01-16T02:00:00Z', timeZone: 'Asia/Tokyo' });
    expect(tokyo.data.placedOn).toBe('2024-01-16');
  });

  it('places an account with interest terms and no optional dates', () =>
    given([])
      .when(placeAccount({ interestTerms: { annualRateBps: 2499 }, chargedOffOn: null, lastPaymentOn: null }))
      .then([
        accountPlaced({ interestTerms: { annualRateBps: 2499 }, chargedOffOn: null, lastPaymentOn: null }),
      ]));

  it('decides nothing when the same row is imported again (deterministic id)', () =>
    given([accountPlaced()]).when(placeAccount()).thenNothingHappened());

  it('decides nothing on a re-import after the account has moved on', () =>
    given([accountPlaced(), paymentPosted()])
      .when({ type: 'PlaceAccount', data: structuredClone(placement()) })
      .thenNothingHappened());

  it('decides nothing when the same row is imported again on a later day', () =>
    given([accountPlaced()])
      .when(placeAccount({ placedAt: '2024-03-01T09:00:00Z' }))
      .thenNothingHappened());

  it('rejects a different placement under the same id', () =>
    given([accountPlaced()])
      .when(placeAccount({ balance: components({ principal: 999_00n }) }))
      .thenThrows(violates('already_placed')));

  it.each([
    ['an unknown currency', { currency: 'XYZ' as never }, /currency/],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, /timeZone/],
    ['a negative component', { balance: components({ principal: 10n, fees: -1n }) }, /balance.fees/],
    ['a zero balance', { balance: components() }, /positive/],
    ['a malformed due date', { firstUnpaidDueDate: '2023-02-29' }, /firstUnpaidDueDate/],
    ['a malformed charge-off date', { chargedOffOn: '05/01/2024' }, /chargedOffOn/],
    ['a placement instant without offset', { placedAt: '2024-01-15T10:00:00' }, /placedAt/],
    ['a missing creditor reference', { creditorAccountRef: ' ' }, /creditorAccountRef/],
    ['a fractional interest rate', { interestTerms: { annualRateBps: 12.5 } }, /basis points/],
    ['a negative interest rate', { interestTerms: { annualRateBps: -1 } }, /basis points/],
  ])('rejects %s', (_, overrides, detail) =>
    given([])
      .when(placeAccount(overrides))
      .thenThrows((e) => violates('invalid_placement')(e) && detail.test(e.message)),
  );

  it('rejects a debtor without reference or name', () => {
    const debtor = placement().debtor;
    given([])
      .when(placeAccount({ debtor: { ...debtor, reference: '' } }))
      .thenThrows(violates('invalid_placement'));
    given([])
      .when(placeAccount({ debtor: { ...debtor, identity: { fullName: '' } } }))
      .thenThrows(violates('invalid_placement'));
  });
});

describe('commands on an account that was never placed', () => {
  const at = '2024-02-01T12:00:00Z';
  const commands: AccountCommand[] = [
    postPayment(),
    { type: 'ReversePayment', data: { paymentId: 'pay-1', reason: 'chargeback', reversedAt: at } },
    {
      type: 'AssessCharge',
      data: { chargeId: 'c1', kind: 'late_fee', amount: 1n, currency: 'USD', assessedAt: at },
    },
    { type: 'AccrueInterest', data: { through: '2024-02-01' } },
    {
      type: 'ApplyAdjustment',
      data: { adjustmentId: 'a1', delta: { fees: -1n }, currency: 'USD', reason: 'waiver', appliedAt: at },
    },
    {
      type: 'UpdateDueDate',
      data: { firstUnpaidDueDate: '2024-01-01', reason: 'correction', updatedAt: at },
    },
    { type: 'AgeAccount', data: { asOf: '2024-02-01' } },
    { type: 'WriteOff', data: { writtenOffAt: at } },
    { type: 'Recall', data: { recalledAt: at } },
    { type: 'CloseAccount', data: { reason: 'settled', closedAt: at } },
  ];
  it.each(commands.map((c) => [c.type, c] as const))('%s is rejected with account_not_placed', (_, command) =>
    given([]).when(command).thenThrows(violates('account_not_placed')),
  );
});

describe('evolve', () => {
  it('is total: an event before any placement leaves the state unplaced', () =>
    expect(stateOf([paymentPosted(), accountClosed()])).toEqual({ status: 'unplaced' }));

  it('folds a placement into an active account with its balance, zone and no credit', () => {
    const s = stateOf([accountPlaced()]);
    expect(s).toMatchObject({
      status: 'active',
      balance: placement().balance,
      credit: 0n,
      timeZone: 'America/Bogota',
      bucket: null,
    });
  });
});
