/**
 * An exact fraction of bigints (`den` > 0), so interest and annuity factors never round until the
 * one place where money is rounded to its minor unit.
 */
export type Rational = Readonly<{ num: bigint; den: bigint }>;

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export const rational = (num: bigint, den = 1n): Rational => {
  if (den === 0n) throw new RangeError('A rational needs a non-zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
};

export const plus = (a: Rational, b: Rational): Rational =>
  rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const minus = (a: Rational, b: Rational): Rational => plus(a, { num: -b.num, den: b.den });
export const times = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const dividedBy = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);

/** Integer power by squaring; the exponent is a count of periods. */
export const power = (base: Rational, exponent: number): Rational => {
  let result = rational(1n);
  let square = base;
  for (let e = exponent; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = times(result, square);
    if (e > 1) square = times(square, square);
  }
  return result;
};

/** Rounds to the nearest whole minor unit, halves away from zero (the usual commercial rounding). */
export const roundHalfUp = (r: Rational): bigint => {
  const magnitude = r.num < 0n ? -r.num : r.num;
  const rounded = (2n * magnitude + r.den) / (2n * r.den);
  return r.num < 0n ? -rounded : rounded;
};
