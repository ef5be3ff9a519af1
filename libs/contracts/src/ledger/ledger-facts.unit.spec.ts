import { validateContract } from '../contract-registry';
import {
  accountReopenedV1Example,
  accountSettledV1Example,
  adjustmentAppliedV1Example,
  chargeAssessedV1Example,
  interestAccruedV1Example,
} from './index';

const EXAMPLES: [string, object][] = [
  ['AccountReopened', accountReopenedV1Example],
  ['ChargeAssessed', chargeAssessedV1Example],
  ['InterestAccrued', interestAccruedV1Example],
  ['AdjustmentApplied', adjustmentAppliedV1Example],
  ['AccountSettled', accountSettledV1Example],
];

const fieldsOf = (r: ReturnType<typeof validateContract>) => (r.ok ? [] : r.errors.map((e) => e.property));

describe('ledger fact contracts v1', () => {
  it.each(EXAMPLES)('the %s v1 example is valid', (type, example) => {
    expect(validateContract(type, 1, example)).toEqual({ ok: true, value: example });
  });

  it('refuses money beyond the documented maximum and names the field', () => {
    const bad = validateContract('InterestAccrued', 1, {
      ...interestAccruedV1Example,
      amountMinor: (2n ** 70n).toString(),
    });
    expect(fieldsOf(bad)).toEqual(['amountMinor']);
  });

  it('refuses an interest kind as a ChargeAssessed (interest is InterestAccrued) and a malformed delta', () => {
    expect(
      fieldsOf(validateContract('ChargeAssessed', 1, { ...chargeAssessedV1Example, kind: 'interest' })),
    ).toEqual(['kind']);
    const badDelta = validateContract('AdjustmentApplied', 1, {
      ...adjustmentAppliedV1Example,
      delta: { principal: 1 },
    });
    expect(fieldsOf(badDelta).sort()).toEqual(['delta.fees', 'delta.interest', 'delta.principal']);
  });
});
