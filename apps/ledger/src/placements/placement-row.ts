import { isCurrency } from '@cartera/money';
import {
  accountDecider,
  AccountRuleViolated,
  isIsoDate,
  isTimeZone,
  MAX_MINOR_UNITS,
} from '@cartera/ledger-domain';
import type { AccountEvent, PlaceAccount } from '@cartera/ledger-domain';
import { accountIdOf } from '../accounts/account-ids';
import { placementDateErrors } from './placement-dates';

/** One line of a placement file, flat (CSV header names = NDJSON keys). Lists: `;` (emails, phones), `|` (address lines). */
export const PLACEMENT_FIELDS = [
  'creditorId',
  'creditorAccountRef',
  'debtorReference',
  'fullName',
  'givenName',
  'familyName',
  'dateOfBirth',
  'nationalId',
  'emails',
  'phones',
  'addressLines',
  'city',
  'region',
  'postalCode',
  'country',
  'timeZone',
  'currency',
  'principalMinor',
  'interestMinor',
  'feesMinor',
  'originatedOn',
  'firstUnpaidDueDate',
  'chargedOffOn',
  'lastPaymentOn',
  'product',
  'interestRateBps',
] as const;
const KNOWN = new Set<string>(PLACEMENT_FIELDS);

/** Columns every placement file has (`creditorId` too, unless the upload names a default creditor). */
export const REQUIRED_PLACEMENT_FIELDS = [
  'creditorAccountRef',
  'debtorReference',
  'fullName',
  'timeZone',
  'currency',
  'principalMinor',
  'originatedOn',
  'firstUnpaidDueDate',
  'product',
] as const;

export type FieldError = Readonly<{ field: string; reason: string }>;

export type ParsedRow =
  | Readonly<{ ok: true; row: number; accountId: string; command: PlaceAccount; events: AccountEvent[] }>
  | Readonly<{ ok: false; row: number; errors: readonly FieldError[]; creditorId?: string }>;

export type RowDefaults = Readonly<{
  creditorId?: string;
  placedAt: string;
  allowedCreditors?: readonly string[];
}>;

const MINOR = /^(0|[1-9][0-9]{0,17})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const s =
    typeof value === 'string'
      ? value.trim()
      : typeof value === 'number'
        ? String(value)
        : JSON.stringify(value);
  return s === '' ? undefined : s;
};
const list = (value: unknown, separator: string): string[] =>
  Array.isArray(value)
    ? value.map((v) => String(v).trim()).filter(Boolean)
    : (text(value)
        ?.split(separator)
        .map((v) => v.trim())
        .filter(Boolean) ?? []);

/**
 * Validates one record and turns it into a PlaceAccount, naming every failing field; the domain
 * then decides it (so anything the app did not check is still refused, as field `row`).
 */
export const parsePlacementRow = (
  record: Readonly<Record<string, unknown>>,
  row: number,
  defaults: RowDefaults,
): ParsedRow => {
  const errors: FieldError[] = [];
  const fail = (field: string, reason: string) => void errors.push({ field, reason });
  for (const [key, value] of Object.entries(record))
    if (!KNOWN.has(key)) fail(key, 'unknown field');
    else if (typeof value === 'string' && value.includes('\uFFFD')) fail(key, 'is not UTF-8 text');
  const get = (field: (typeof PLACEMENT_FIELDS)[number]) => text(record[field]);
  const required = (field: (typeof PLACEMENT_FIELDS)[number], max = 300): string => {
    const v = get(field);
    if (v === undefined) fail(field, 'is required');
    else if (v.length > max) fail(field, `must be at most ${max} characters`);
    return v ?? '';
  };
  const creditorId = get('creditorId') ?? defaults.creditorId ?? required('creditorId', 100);
  if (creditorId && defaults.allowedCreditors && !defaults.allowedCreditors.includes(creditorId))
    fail('creditorId', 'is not one of your creditors');
  const creditorAccountRef = required('creditorAccountRef', 100);
  const reference = required('debtorReference', 100);
  const fullName = required('fullName');
  const product = required('product', 100);
  const timeZone = required('timeZone', 64);
  if (timeZone && !isTimeZone(timeZone)) fail('timeZone', 'must be an IANA time zone (e.g. America/Bogota)');
  const currency = required('currency', 3);
  if (currency && !isCurrency(currency)) fail('currency', 'must be an ISO 4217 code');
  const amount = (field: 'principalMinor' | 'interestMinor' | 'feesMinor', optional: boolean): bigint => {
    const v = optional ? (get(field) ?? '0') : required(field);
    if (v && !MINOR.test(v)) fail(field, 'must be a whole number of minor units, zero or more (e.g. 150000)');
    const minor = v && MINOR.test(v) ? BigInt(v) : 0n;
    if (minor > MAX_MINOR_UNITS) fail(field, `must be at most ${MAX_MINOR_UNITS} minor units`);
    return minor;
  };
  const balance = {
    principal: amount('principalMinor', false),
    interest: amount('interestMinor', true),
    fees: amount('feesMinor', true),
  };
  const date = (
    field: 'originatedOn' | 'firstUnpaidDueDate' | 'chargedOffOn' | 'lastPaymentOn' | 'dateOfBirth',
    optional: boolean,
  ) => {
    const v = optional ? get(field) : required(field);
    if (v && !isIsoDate(v)) fail(field, 'must be a date YYYY-MM-DD');
    return v ?? null;
  };
  const originatedOn = date('originatedOn', false) ?? '';
  const firstUnpaidDueDate = date('firstUnpaidDueDate', false) ?? '';
  const chargedOffOn = date('chargedOffOn', true);
  const lastPaymentOn = date('lastPaymentOn', true);
  const dateOfBirth = date('dateOfBirth', true);
  const emails = list(record['emails'], ';');
  const bad = emails.find((e) => !EMAIL.test(e));
  if (bad !== undefined) fail('emails', `not an e-mail address: ${bad}`);
  const rate = get('interestRateBps');
  if (rate !== undefined && !(/^[0-9]{1,6}$/.test(rate) && Number(rate) <= 100_000))
    fail('interestRateBps', 'must be a whole number of basis points, 0 to 100000');
  const lines = list(record['addressLines'], '|');
  const city = get('city');
  const country = get('country');
  if ((lines.length > 0 || city) && (!city || !country))
    fail(city ? 'country' : 'city', 'is required with an address');
  if (country && !/^[A-Z]{2}$/.test(country)) fail('country', 'must be an ISO 3166 alpha-2 code');
  for (const e of placementDateErrors({
    originatedOn,
    firstUnpaidDueDate,
    chargedOffOn,
    lastPaymentOn,
    timeZone,
    placedAt: defaults.placedAt,
  }))
    fail(e.field, e.reason);
  if (errors.length > 0) return { ok: false, row, errors, ...(creditorId ? { creditorId } : {}) };

  const accountId = accountIdOf(creditorId, creditorAccountRef);
  const command: PlaceAccount = {
    type: 'PlaceAccount',
    data: {
      accountId,
      creditorId,
      creditorAccountRef,
      currency: currency as PlaceAccount['data']['currency'],
      balance,
      debtor: {
        reference,
        identity: {
          fullName,
          givenName: get('givenName'),
          familyName: get('familyName'),
          dateOfBirth: dateOfBirth ?? undefined,
          nationalId: get('nationalId'),
        },
        contact: {
          emails,
          phones: list(record['phones'], ';'),
          address:
            city && country
              ? { lines, city, region: get('region'), postalCode: get('postalCode'), country }
              : undefined,
        },
      },
      originatedOn,
      firstUnpaidDueDate,
      chargedOffOn,
      lastPaymentOn,
      product,
      interestTerms: rate !== undefined ? { annualRateBps: Number(rate) } : null,
      timeZone,
      placedAt: defaults.placedAt,
    },
  };
  try {
    return {
      ok: true,
      row,
      accountId,
      command,
      events: accountDecider.decide(command, accountDecider.initialState()),
    };
  } catch (error) {
    if (error instanceof AccountRuleViolated)
      return { ok: false, row, creditorId, errors: [{ field: 'row', reason: error.message }] };
    throw error;
  }
};
