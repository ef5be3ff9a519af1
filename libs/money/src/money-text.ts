import { Currency, isCurrency, minorUnitExponent, UnknownCurrencyError } from './currency';
import { Money } from './money';

/** Money as it travels in JSON: the minor units as a string (JSON has no bigint). */
export type MoneyJson = { amount: string; currency: string };

export class MoneyFormatError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`Invalid amount ${JSON.stringify(input)}: ${reason}`);
    this.name = 'MoneyFormatError';
  }
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const MINOR_UNITS = /^-?\d+$/;

/**
 * Parses a decimal string in major units without ever touching a float: `'12.34'` USD → 1234n,
 * `'-0.5'` USD → -50n, `'1500'` JPY → 1500n, `'1.234'` KWD → 1234n. More decimals than the
 * currency has is an error rather than a silent rounding; thousands separators are not accepted.
 */
export const parseDecimal = (text: string, currency: Currency | string): Money => {
  if (!isCurrency(currency)) throw new UnknownCurrencyError(currency);
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new MoneyFormatError(text, 'expected digits with an optional "." and decimals');
  const [, sign, whole, fraction = ''] = match;
  const exponent = minorUnitExponent(currency);
  if (fraction.length > exponent) {
    throw new MoneyFormatError(text, `${currency} has ${exponent} decimal${exponent === 1 ? '' : 's'}`);
  }
  const magnitude = BigInt(whole + fraction.padEnd(exponent, '0'));
  return { amount: sign ? -magnitude : magnitude, currency };
};

/** Formats in major units with exactly the currency's decimals: 1234n USD → `'12.34'`, -5n → `'-0.05'`. */
export const formatDecimal = (m: Money): string => {
  const exponent = minorUnitExponent(m.currency);
  const digits = (m.amount < 0n ? -m.amount : m.amount).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const text = exponent === 0 ? whole : `${whole}.${digits.slice(digits.length - exponent)}`;
  return m.amount < 0n ? `-${text}` : text;
};

/** Minor units to their JSON string form. */
export const amountToJson = (amount: bigint): string => amount.toString();

/** Reads minor units from their JSON string form, strictly (no decimals, no exponent, no spaces). */
export const amountFromJson = (text: string): bigint => {
  if (typeof text !== 'string' || !MINOR_UNITS.test(text))
    throw new MoneyFormatError(String(text), 'expected minor units as an integer string');
  return BigInt(text);
};

export const moneyToJson = (m: Money): MoneyJson => ({
  amount: amountToJson(m.amount),
  currency: m.currency,
});

export const moneyFromJson = (json: MoneyJson): Money => {
  if (!isCurrency(json?.currency)) throw new UnknownCurrencyError(String(json?.currency));
  return { amount: amountFromJson(json.amount), currency: json.currency };
};

/**
 * A `JSON.stringify` replacer that writes every bigint as its decimal string, so events and
 * responses holding Money serialise without a TypeError.
 */
export const bigintAsString = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;
