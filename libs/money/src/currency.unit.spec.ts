import { currencies, isCurrency, minorUnitExponent, parseCurrency, UnknownCurrencyError } from './index';

describe('currency table', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['COP', 2],
    ['MXN', 2],
    ['JPY', 0],
    ['CLP', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
    ['CLF', 4],
  ] as const)('%s has %i decimals', (code, exponent) => expect(minorUnitExponent(code)).toBe(exponent));

  it('validates codes exactly as ISO 4217 spells them', () => {
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('XAU')).toBe(false);
    expect(isCurrency('US')).toBe(false);
    expect(isCurrency(840)).toBe(false);
    expect(() => parseCurrency('ABC')).toThrow(UnknownCurrencyError);
    expect(parseCurrency('CLP')).toBe('CLP');
  });

  it('lists each code once, all three upper-case letters', () => {
    const all = currencies();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(150);
    for (const code of all) expect(code).toMatch(/^[A-Z]{3}$/);
  });
});
