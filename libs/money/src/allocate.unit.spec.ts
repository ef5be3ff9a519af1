import { allocate, allocateAmount, money } from './index';

describe('allocate (largest remainder)', () => {
  it('splits 1.00 in three as 34/33/33', () =>
    expect(allocate(money(100n, 'USD'), [1, 1, 1])).toEqual([
      money(34n, 'USD'),
      money(33n, 'USD'),
      money(33n, 'USD'),
    ]));

  it('gives leftover units to the largest remainders, not the first parts', () => {
    // 10 × 3/7 = 4.285…, 10 × 4/7 = 5.714… → floors 4 + 5, the unit goes to the .714 part
    expect(allocateAmount(10n, [3, 4])).toEqual([4n, 6n]);
    // 100 by 20/30/50 is exact
    expect(allocateAmount(100n, [20n, 30n, 50n])).toEqual([20n, 30n, 50n]);
    // 5 by 1/1/1/1/1/1 → five parts get one unit, ties broken in order
    expect(allocateAmount(5n, [1, 1, 1, 1, 1, 1])).toEqual([1n, 1n, 1n, 1n, 1n, 0n]);
  });

  it('handles zero ratios, zero and negative totals', () => {
    expect(allocateAmount(7n, [0, 1, 0])).toEqual([0n, 7n, 0n]);
    expect(allocateAmount(0n, [1, 2])).toEqual([0n, 0n]);
    expect(allocateAmount(-100n, [1, 1, 1])).toEqual([-34n, -33n, -33n]);
  });

  it('never loses or creates a unit (property over many totals and ratio sets)', () => {
    const ratioSets: number[][] = [
      [1, 1, 1],
      [3, 7],
      [1, 2, 3, 4, 5],
      [9999, 1],
      [17, 0, 4, 23],
      [1],
      [333, 333, 334],
    ];
    for (const ratios of ratioSets) {
      for (let total = -50n; total <= 1_000n; total += 7n) {
        const parts = allocateAmount(total, ratios);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
        const weightSum = ratios.reduce((a, b) => a + b, 0);
        // each part is within one unit of its exact share
        parts.forEach((part, i) => {
          const exact = (Number(total) * ratios[i]) / weightSum;
          expect(Math.abs(Number(part) - exact)).toBeLessThan(1);
        });
      }
    }
  });

  it('rejects meaningless ratios', () => {
    expect(() => allocateAmount(10n, [])).toThrow(RangeError);
    expect(() => allocateAmount(10n, [0, 0])).toThrow(RangeError);
    expect(() => allocateAmount(10n, [1, -1, 3])).toThrow(RangeError);
    expect(() => allocateAmount(10n, [0.5, 0.5])).toThrow(/whole numbers/);
  });
});
