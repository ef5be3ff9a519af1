import { AssessCharge } from './account.commands';
import { violates } from './account.errors';
import { ChargeAssessed } from './account.events';
import { accountClosed, accountPlaced, given, placedState, run } from './account.fixtures';
import { components } from './balance';

const assessCharge = (data: Partial<AssessCharge['data']> = {}): AssessCharge => ({
  type: 'AssessCharge',
  data: {
    chargeId: 'fee-1',
    kind: 'late_fee',
    amount: 35_00n,
    currency: 'USD',
    assessedAt: '2024-02-02T14:00:00Z',
    ...data,
  },
});

const chargeAssessed = (data: Partial<ChargeAssessed['data']> = {}): ChargeAssessed => ({
  type: 'ChargeAssessed',
  data: {
    chargeId: 'fee-1',
    kind: 'late_fee',
    amount: 35_00n,
    currency: 'USD',
    assessedOn: '2024-02-02',
    accrual: null,
    description: null,
    ...data,
  },
});

describe('AssessCharge', () => {
  it('assesses a late fee onto fees', () => {
    given([accountPlaced()]).when(assessCharge()).then([chargeAssessed()]);
    expect(placedState(run([assessCharge()], [accountPlaced()])).balance.fees).toBe(25_00n + 35_00n);
  });

  it('assesses another fee with its description', () =>
    given([accountPlaced()])
      .when(
        assessCharge({ chargeId: 'fee-2', kind: 'other_fee', amount: 5_00n, description: 'returned mail' }),
      )
      .then([
        chargeAssessed({ chargeId: 'fee-2', kind: 'other_fee', amount: 5_00n, description: 'returned mail' }),
      ]));

  it('assesses creditor-supplied interest onto interest, outside the accrual', () => {
    const events = run(
      [assessCharge({ chargeId: 'int-1', kind: 'interest', amount: 12_34n })],
      [accountPlaced()],
    );
    expect(events.at(-1)).toEqual(chargeAssessed({ chargeId: 'int-1', kind: 'interest', amount: 12_34n }));
    expect(placedState(events).balance).toEqual(
      components({ principal: 1_000_00n, interest: 62_34n, fees: 25_00n }),
    );
  });

  it('dates the charge in the debtor zone', () =>
    given([accountPlaced({ timeZone: 'Asia/Tokyo' })])
      .when(assessCharge({ assessedAt: '2024-02-02T16:00:00Z' }))
      .then([chargeAssessed({ assessedOn: '2024-02-03' })]));

  it('decides nothing when the same charge id is assessed again', () =>
    given([accountPlaced(), chargeAssessed()]).when(assessCharge()).thenNothingHappened());

  it('refuses a charge on a closed account', () =>
    given([accountPlaced(), accountClosed({ reason: 'settled' })])
      .when(assessCharge())
      .thenThrows(violates('account_closed')));

  it('refuses a charge in another currency', () =>
    given([accountPlaced()])
      .when(assessCharge({ currency: 'COP' }))
      .thenThrows(violates('currency_mismatch')));

  it.each([0n, -35_00n])('refuses an amount of %p', (amount) =>
    given([accountPlaced()]).when(assessCharge({ amount })).thenThrows(violates('non_positive_amount')),
  );
});
