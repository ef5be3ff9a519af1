import { Currency, isCurrency, UnknownCurrencyError } from './currency';

/**
 * An amount of money: `amount` in minor units of `currency` (cents for USD, yen for JPY, fils for
 * KWD), as a bigint so that no arithmetic ever rounds. Negative amounts are allowed (a refund,
 * a signed adjustment); whether a negative amount makes sense is the caller's rule.
 */
export type Money = Readonly<{ amount: bigint; currency: Currency }>;

export class CurrencyMismatchError extends Error {
  constructor(
    readonly left: Currency,
    readonly right: Currency,
  ) {
    super(`Currency mismatch: ${left} and ${right}`);
    this.name = 'CurrencyMismatchError';
  }
}

/** Builds a Money, validating the currency code (a plain string from outside is accepted). */
export const money = (amount: bigint, currency: Currency | string): Money => {
  if (!isCurrency(currency)) throw new UnknownCurrencyError(currency);
  if (typeof amount !== 'bigint')
    throw new TypeError(`Money amounts are bigint minor units, got ${typeof amount}`);
  return { amount, currency };
};

export const zero = (currency: Currency): Money => money(0n, currency);

/** Throws CurrencyMismatchError unless both amounts share a currency. */
export const assertSameCurrency = (a: Money, b: Money): void => {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
};

export const add = (a: Money, b: Money): Money => {
  assertSameCurrency(a, b);
  return { amount: a.amount + b.amount, currency: a.currency };
};

export const subtract = (a: Money, b: Money): Money => {
  assertSameCurrency(a, b);
  return { amount: a.amount - b.amount, currency: a.currency };
};

/** Sum of amounts in one currency; an empty list needs the currency to be given. */
export const sum = (amounts: readonly Money[], currency: Currency): Money =>
  amounts.reduce((total, m) => add(total, m), zero(currency));

export const negate = (m: Money): Money => ({ amount: -m.amount, currency: m.currency });

/** -1, 0 or 1, like a sort comparator; different currencies cannot be compared. */
export const compare = (a: Money, b: Money): -1 | 0 | 1 => {
  assertSameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
};

export const equals = (a: Money, b: Money): boolean => a.currency === b.currency && a.amount === b.amount;
export const isZero = (m: Money): boolean => m.amount === 0n;
export const isPositive = (m: Money): boolean => m.amount > 0n;
export const isNegative = (m: Money): boolean => m.amount < 0n;

export const min = (a: Money, b: Money): Money => (compare(a, b) <= 0 ? a : b);
export const max = (a: Money, b: Money): Money => (compare(a, b) >= 0 ? a : b);
