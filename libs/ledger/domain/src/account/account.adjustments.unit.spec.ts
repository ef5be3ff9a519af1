import { ApplyAdjustment } from './account.commands';
import { violates } from './account.errors';
import { AdjustmentApplied } from './account.events';
import { accountClosed, accountPlaced, given, placedState, run } from './account.fixtures';
import { components } from './balance';

const applyAdjustment = (data: Partial<ApplyAdjustment['data']> = {}): ApplyAdjustment => ({
  type: 'ApplyAdjustment',
  data: {
    adjustmentId: 'adj-1',
    delta: { fees: -25_00n },
    currency: 'USD',
    reason: 'waiver',
    appliedAt: '2024-02-05T20:00:00Z',
    ...data,
  },
});

const adjustmentApplied = (data: Partial<AdjustmentApplied['data']> = {}): AdjustmentApplied => ({
  type: 'AdjustmentApplied',
  data: {
    adjustmentId: 'adj-1',
    delta: components({ fees: -25_00n }),
    currency: 'USD',
    reason: 'waiver',
    note: null,
    appliedAt: '2024-02-05T20:00:00Z',
    appliedOn: '2024-02-05',
    ...data,
  },
});

describe('ApplyAdjustment', () => {
  it('waives the fees', () => given([accountPlaced()]).when(applyAdjustment()).then([adjustmentApplied()]));

  it('corrects several components at once, up and down, with a note', () => {
    const delta = { principal: 12_00n, interest: -50_00n };
    const events = run(
      [applyAdjustment({ delta, reason: 'correction', note: 'creditor file error' })],
      [accountPlaced()],
    );
    expect(events.at(-1)).toEqual(
      adjustmentApplied({ delta: components(delta), reason: 'correction', note: 'creditor file error' }),
    );
    expect(placedState(events).balance).toEqual(
      components({ principal: 1_012_00n, interest: 0n, fees: 25_00n }),
    );
  });

  it('lets a settlement discount take the balance to zero without closing (settlement closes explicitly)', () => {
    const all = { principal: -1_000_00n, interest: -50_00n, fees: -25_00n };
    const events = run([applyAdjustment({ delta: all, reason: 'settlement_discount' })], [accountPlaced()]);
    const s = placedState(events);
    expect([s.status, s.balance]).toEqual(['active', components()]);
  });

  it('refuses an adjustment that would make a component negative', () =>
    given([accountPlaced()])
      .when(applyAdjustment({ delta: { fees: -25_01n } }))
      .thenThrows(violates('adjustment_below_zero')));

  it('refuses it even when another component would make up for it', () =>
    given([accountPlaced()])
      .when(applyAdjustment({ delta: { fees: -30_00n, principal: 30_00n } }))
      .thenThrows(violates('adjustment_below_zero')));

  it('refuses an adjustment that changes nothing', () =>
    given([accountPlaced()])
      .when(applyAdjustment({ delta: { fees: 0n } }))
      .thenThrows(violates('non_positive_amount')));

  it('refuses an adjustment in another currency', () =>
    given([accountPlaced()])
      .when(applyAdjustment({ currency: 'MXN' }))
      .thenThrows(violates('currency_mismatch')));

  it('refuses an adjustment on a closed account', () =>
    given([accountPlaced(), accountClosed({ reason: 'settled' })])
      .when(applyAdjustment())
      .thenThrows(violates('account_closed')));

  it('decides nothing when the same adjustment id comes again', () =>
    given([accountPlaced(), adjustmentApplied()]).when(applyAdjustment()).thenNothingHappened());
});
