import {
  add,
  compare,
  CurrencyMismatchError,
  equals,
  isNegative,
  isPositive,
  isZero,
  max,
  min,
  money,
  negate,
  subtract,
  sum,
  UnknownCurrencyError,
  zero,
} from './index';

const usd = (amount: bigint) => money(amount, 'USD');
const eur = (amount: bigint) => money(amount, 'EUR');

describe('Money arithmetic', () => {
  it('adds and subtracts minor units exactly', () => {
    expect(add(usd(10_05n), usd(2_95n))).toEqual(usd(13_00n));
    expect(subtract(usd(10_00n), usd(12_50n))).toEqual(usd(-2_50n));
    expect(add(usd(9_007_199_254_740_993n), usd(1n))).toEqual(usd(9_007_199_254_740_994n)); // beyond 2^53
    expect(sum([usd(1n), usd(2n), usd(3n)], 'USD')).toEqual(usd(6n));
    expect(sum([], 'JPY')).toEqual(zero('JPY'));
    expect(negate(usd(5n))).toEqual(usd(-5n));
  });

  it('refuses to mix currencies', () => {
    expect(() => add(usd(1n), eur(1n))).toThrow(CurrencyMismatchError);
    expect(() => subtract(usd(1n), eur(1n))).toThrow(/USD and EUR/);
    expect(() => compare(usd(1n), eur(1n))).toThrow(CurrencyMismatchError);
    expect(() => sum([usd(1n), eur(1n)], 'USD')).toThrow(CurrencyMismatchError);
    expect(equals(usd(1n), eur(1n))).toBe(false);
  });

  it('compares within a currency', () => {
    expect(compare(usd(1n), usd(2n))).toBe(-1);
    expect(compare(usd(2n), usd(2n))).toBe(0);
    expect(compare(usd(3n), usd(2n))).toBe(1);
    expect(min(usd(3n), usd(2n))).toEqual(usd(2n));
    expect(max(usd(3n), usd(2n))).toEqual(usd(3n));
    expect([isZero(usd(0n)), isPositive(usd(1n)), isNegative(usd(-1n))]).toEqual([true, true, true]);
  });

  it('validates the currency and the amount type when building', () => {
    expect(() => money(1n, 'usd')).toThrow(UnknownCurrencyError);
    expect(() => money(1 as unknown as bigint, 'USD')).toThrow(TypeError);
  });
});
