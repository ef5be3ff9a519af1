import {
  amountFromJson,
  amountToJson,
  bigintAsString,
  formatDecimal,
  money,
  MoneyFormatError,
  moneyFromJson,
  moneyToJson,
  parseDecimal,
  UnknownCurrencyError,
} from './index';

describe('decimal text ↔ minor units (no floats)', () => {
  it.each([
    ['12.34', 'USD', 1234n],
    ['12.3', 'USD', 1230n],
    ['12', 'USD', 1200n],
    ['0.01', 'USD', 1n],
    ['-0.5', 'USD', -50n],
    ['1500', 'JPY', 1500n],
    ['1.234', 'KWD', 1234n],
    ['0.001', 'BHD', 1n],
    ['90071992547409.93', 'USD', 9_007_199_254_740_993n], // a float would round this
    [' 7.00 ', 'EUR', 700n],
  ] as const)('parses %p %s as %p', (text, currency, amount) =>
    expect(parseDecimal(text, currency)).toEqual(money(amount, currency)),
  );

  it.each([
    ['12.345', 'USD', /2 decimals/],
    ['1.5', 'JPY', /0 decimals/],
    ['1,234.00', 'USD', /expected digits/],
    ['1e3', 'USD', /expected digits/],
    ['', 'USD', /expected digits/],
    ['.5', 'USD', /expected digits/],
    ['+1', 'USD', /expected digits/],
  ])('rejects %p in %s', (text, currency, message) => {
    expect(() => parseDecimal(text, currency)).toThrow(MoneyFormatError);
    expect(() => parseDecimal(text, currency)).toThrow(message);
  });

  it('rejects an unknown currency', () =>
    expect(() => parseDecimal('1.00', 'XYZ')).toThrow(UnknownCurrencyError));

  it.each([
    [1234n, 'USD', '12.34'],
    [5n, 'USD', '0.05'],
    [-5n, 'USD', '-0.05'],
    [0n, 'USD', '0.00'],
    [1500n, 'JPY', '1500'],
    [-1500n, 'CLP', '-1500'],
    [1n, 'KWD', '0.001'],
    [123456n, 'CLF', '12.3456'],
  ] as const)('formats %p %s as %p', (amount, currency, text) =>
    expect(formatDecimal(money(amount, currency))).toBe(text),
  );

  it('round-trips format → parse', () => {
    for (const currency of ['USD', 'JPY', 'KWD'] as const) {
      for (let amount = -2_001n; amount <= 2_001n; amount += 13n) {
        expect(parseDecimal(formatDecimal(money(amount, currency)), currency).amount).toBe(amount);
      }
    }
  });
});

describe('JSON', () => {
  it('carries amounts as strings', () => {
    expect(moneyToJson(money(1234n, 'USD'))).toEqual({ amount: '1234', currency: 'USD' });
    expect(moneyFromJson({ amount: '-99', currency: 'JPY' })).toEqual(money(-99n, 'JPY'));
    expect(JSON.stringify({ due: money(12n, 'EUR') }, bigintAsString)).toBe(
      '{"due":{"amount":"12","currency":"EUR"}}',
    );
    expect(amountToJson(10n ** 20n)).toBe('100000000000000000000');
    expect(amountFromJson('100000000000000000000')).toBe(10n ** 20n);
  });

  it('reads strictly', () => {
    expect(() => amountFromJson('12.5')).toThrow(MoneyFormatError);
    expect(() => amountFromJson(' 12')).toThrow(MoneyFormatError);
    expect(() => amountFromJson(12 as unknown as string)).toThrow(MoneyFormatError);
    expect(() => moneyFromJson({ amount: '1', currency: 'usd' })).toThrow(UnknownCurrencyError);
  });
});
