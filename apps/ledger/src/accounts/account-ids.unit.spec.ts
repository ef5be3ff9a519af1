import { v5 } from 'uuid';
import { accountIdOf, debtorIdOf } from './account-ids';

// The direct SHA-1 derivation must give exactly `uuid`'s v5: every stored account id depends on it.
const ACCOUNT_NAMESPACE = '3c0f6d1e-8a57-4b8e-9f0a-6f2d1b9c7e21';
const DEBTOR_NAMESPACE = '9a4e2b70-1c3d-4f5a-8b6c-2d7e0f1a3b45';

const random = (seed: number) => () =>
  (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;

describe('account and debtor ids', () => {
  const next = random(11);
  const alphabet = [
    'a',
    'Z',
    '0',
    '-',
    '/',
    ' ',
    'ñ',
    'É',
    'ß',
    '€',
    '漢',
    '字',
    '😀',
    '𝄞',
    '\u0000',
    '\n',
    '"',
    '\\',
    'ـ',
    '\u200d',
  ];
  const names: [string, string][] = [
    ['', ''],
    ['bank', ''],
    ['', 'ACC-1'],
    ['bench-bank-0', 'ACC-0'],
    ['Banco Ñandú', 'REF/0001'],
    ['銀行', '口座-７'],
    ['bank', 'x'.repeat(1000)],
    ['bank', '€'.repeat(700)],
    ['😀'.repeat(400), '𝄞'],
  ];
  for (let i = 0; i < 20_000; i++) {
    const word = () =>
      Array.from(
        { length: Math.floor(next() * 24) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    names.push([word(), word()]);
  }

  it('derives the same UUID v5 as the uuid package for ASCII, unicode, empty and long inputs', () => {
    const wrong = names.filter(
      ([creditor, ref]) =>
        accountIdOf(creditor, ref) !== v5(`${creditor}/${ref}`, ACCOUNT_NAMESPACE) ||
        debtorIdOf(creditor, ref) !== v5(`${creditor}/${ref}`, DEBTOR_NAMESPACE),
    );
    expect(wrong).toEqual([]);
    expect(accountIdOf('bench-bank-0', 'ACC-0')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('refuses a lone surrogate as the uuid package does', () => {
    expect(() => v5('bank/\ud800', ACCOUNT_NAMESPACE)).toThrow();
    expect(() => accountIdOf('bank', '\ud800')).toThrow();
    expect(() => debtorIdOf('\udc00', 'x')).toThrow();
  });
});
