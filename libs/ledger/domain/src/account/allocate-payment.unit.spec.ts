import { allocatePayment, DEFAULT_WATERFALL } from './allocate-payment';
import { components, totalOf } from './balance';

const owed = components({ principal: 500_00n, interest: 40_00n, fees: 15_00n });

describe('allocatePayment (the waterfall)', () => {
  it('pays fees → interest → principal by default', () => {
    expect(DEFAULT_WATERFALL).toEqual(['fees', 'interest', 'principal']);
    expect(allocatePayment(20_00n, owed)).toEqual({
      allocation: components({ fees: 15_00n, interest: 5_00n }),
      toCredit: 0n,
    });
    expect(allocatePayment(100_00n, owed)).toEqual({
      allocation: components({ fees: 15_00n, interest: 40_00n, principal: 45_00n }),
      toCredit: 0n,
    });
  });

  it('follows another order', () =>
    expect(allocatePayment(510_00n, owed, ['principal', 'interest', 'fees'])).toEqual({
      allocation: components({ principal: 500_00n, interest: 10_00n }),
      toCredit: 0n,
    }));

  it('sends an overpayment to credit, exactly', () =>
    expect(allocatePayment(600_00n, owed)).toEqual({ allocation: owed, toCredit: 45_00n }));

  it('skips a component that owes nothing', () =>
    expect(allocatePayment(10_00n, components({ principal: 50_00n }))).toEqual({
      allocation: components({ principal: 10_00n }),
      toCredit: 0n,
    }));

  it('never loses a unit (property)', () => {
    for (let amount = 0n; amount <= 700_00n; amount += 9_99n) {
      const { allocation, toCredit } = allocatePayment(amount, owed, ['interest', 'principal', 'fees']);
      expect(totalOf(allocation) + toCredit).toBe(amount);
      expect(toCredit > 0n ? totalOf(allocation) === totalOf(owed) : true).toBe(true);
    }
  });

  it('refuses a broken waterfall or a negative amount', () => {
    expect(() => allocatePayment(1n, owed, ['fees', 'fees', 'principal'])).toThrow(RangeError);
    expect(() => allocatePayment(-1n, owed)).toThrow(RangeError);
  });
});
