/**
 * ISO 4217 currencies in circulation with their minor-unit exponents (the number of decimals of
 * the smallest unit: 2 for USD cents, 0 for JPY, 3 for KWD fils). Fund codes that carry a minor
 * unit (BOV, CLF, COU, MXV, USN, UYI, UYW, CHE, CHW) are included; precious metals and testing
 * codes (XAU, XTS, XXX…) are not, as they have no minor unit.
 */
const BY_EXPONENT = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
  2:
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN ' +
    'BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP ' +
    'GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP ' +
    'LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR ' +
    'NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN ' +
    'SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ' +
    'ZMW ZWG',
} as const;

// Tail-recursive so the compiler accepts ~170 codes.
type Codes<S extends string, Acc extends string = never> = S extends `${infer Head} ${infer Rest}`
  ? Codes<Rest, Acc | Head>
  : Acc | S;

/** An ISO 4217 alphabetic code from the table above, e.g. `'USD'`. Narrow a string with `isCurrency`. */
export type Currency = Codes<(typeof BY_EXPONENT)[keyof typeof BY_EXPONENT]>;

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  Object.entries(BY_EXPONENT).flatMap(([exponent, codes]) =>
    codes.split(' ').map((code) => [code, Number(exponent)] as const),
  ),
);

export class UnknownCurrencyError extends Error {
  constructor(readonly code: string) {
    super(`Unknown ISO 4217 currency: ${JSON.stringify(code)}`);
    this.name = 'UnknownCurrencyError';
  }
}

/** True when `code` is a known ISO 4217 code (upper case, exactly as the standard spells it). */
export const isCurrency = (code: unknown): code is Currency =>
  typeof code === 'string' && EXPONENTS.has(code);

/** Validates a code coming from outside (a file, a request) and returns it typed. */
export const parseCurrency = (code: string): Currency => {
  if (!isCurrency(code)) throw new UnknownCurrencyError(code);
  return code;
};

/** Decimals of the currency's minor unit: `minorUnitExponent('JPY') === 0`, `('KWD') === 3`. */
export const minorUnitExponent = (currency: Currency): number => {
  const exponent = EXPONENTS.get(currency);
  if (exponent === undefined) throw new UnknownCurrencyError(currency);
  return exponent;
};

/** Every code in the table, sorted. */
export const currencies = (): Currency[] => [...EXPONENTS.keys()].sort() as Currency[];
