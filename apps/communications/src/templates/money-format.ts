import { formatDecimal, minorUnitExponent, type Currency } from '@cartera/money';

const formatters = new Map<string, Intl.NumberFormat>();

const formatterFor = (locale: string, currency: Currency): Intl.NumberFormat => {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // The currency's own decimals, so Intl never rounds (COP shows its cents if it has any).
    const digits = minorUnitExponent(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
};

/** Minor units as the locale writes money: 123456n COP in es-CO → `'$ 1.234,56'`. No float is involved. */
export const formatMoney = (amount: bigint, currency: Currency, locale: string): string =>
  formatterFor(locale, currency).format(formatDecimal({ amount, currency }) as `${number}`);
