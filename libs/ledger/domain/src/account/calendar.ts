/**
 * A calendar date without time or zone, `'YYYY-MM-DD'` (ISO 8601). Business days in the ledger
 * (due dates, accrual days, aging dates) are dates in the debtor's time zone.
 */
export type IsoDate = string;

/** An instant with an explicit offset, ISO 8601: `'2024-03-01T14:30:00Z'`, `'…-05:00'`. */
export type Instant = string;

const DAY_MS = 86_400_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

// Dates are checked and converted with integer arithmetic on the characters (no regex, no Date
// object): this runs several times per imported row. The proleptic Gregorian calendar, as Date's.
const DIGIT_0 = 48;
const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : -1;
};
const twoDigits = (s: string, i: number): number => {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};
const isLeapYear = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/** A `YYYY-MM-DD`-shaped string as the number YYYYMMDD (month 01–12, day not range-checked), or -1. */
const datePacked = (value: string): number => {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const hi = twoDigits(value, 0);
  const lo = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 0) return -1;
  return (hi * 100 + lo) * 10_000 + month * 100 + day;
};

/** Days from 1970-01-01 to the 1st of a month (H. Hinnant's days_from_civil). */
const daysToMonthStart = (year: number, month: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
  return (
    era * 146_097 +
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear -
    719_468
  );
};

/** True for a real calendar date in `YYYY-MM-DD` form (2023-02-29 is not one). */
export const isIsoDate = (value: unknown): value is IsoDate => {
  if (typeof value !== 'string') return false;
  const packed = datePacked(value);
  if (packed < 0) return false;
  const year = Math.floor(packed / 10_000);
  const month = Math.floor(packed / 100) % 100;
  const day = packed % 100;
  // Years 0000–0099 were never accepted (Date.UTC reads them as 1900–1999), so they still are not.
  return year >= 100 && day >= 1 && day <= daysInMonth(year, month);
};

// The instants of one import or job are a handful of values checked thousands of times.
const VALID_INSTANTS_MAX = 256;
const validInstants = new Set<string>();

/** True for an ISO 8601 instant that names its offset (a bare local time is ambiguous). */
export const isInstant = (value: unknown): value is Instant => {
  if (typeof value !== 'string') return false;
  if (validInstants.has(value)) return true;
  const valid = INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && isIsoDate(value.slice(0, 10));
  if (valid) {
    if (validInstants.size >= VALID_INSTANTS_MAX) validInstants.clear();
    validInstants.add(value);
  }
  return valid;
};

/** Days since 1970-01-01: the one conversion the date arithmetic below builds on. */
export const dayNumber = (date: IsoDate): number => {
  const packed = datePacked(date);
  // The arithmetic covers what Date.UTC reads literally; anything else keeps Date.UTC's reading.
  if (packed >= 1_000_000)
    return daysToMonthStart(Math.floor(packed / 10_000), Math.floor(packed / 100) % 100) + (packed % 100) - 1;
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

export const fromDayNumber = (n: number): IsoDate => {
  // Whole days of years 0000–9999 (what toISOString writes as four digits): H. Hinnant's civil_from_days.
  if (Number.isInteger(n) && n >= -719_528 && n <= 2_932_896) {
    const z = n + 719_468;
    const era = Math.floor(z / 146_097);
    const dayOfEra = z - era * 146_097;
    const yearOfEra = Math.floor(
      (dayOfEra -
        Math.floor(dayOfEra / 1460) +
        Math.floor(dayOfEra / 36_524) -
        Math.floor(dayOfEra / 146_096)) /
        365,
    );
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const mp = Math.floor((5 * dayOfYear + 2) / 153);
    const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  }
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
};

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

/** Calendar days from `from` to `to` (negative when `to` is earlier); every day counts, 29 Feb too. */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/** True when `timeZone` is an IANA zone the runtime knows (`'America/Bogota'`, `'UTC'`). */
export const isTimeZone = (timeZone: unknown): timeZone is string => {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

// Building a DateTimeFormat costs far more than using one; zones are few, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/**
 * The calendar date an instant falls on in a time zone: `localDateIn('America/Bogota',
 * '2024-03-01T03:00:00Z')` is `'2024-02-29'` (22:00 the evening before), in `'Asia/Tokyo'` it is
 * `'2024-03-01'`. Uses the runtime's time-zone database (Intl), no clock.
 */
export const localDateIn = (timeZone: string, instant: Instant | Date): IsoDate => {
  // An exact memo: the same zone and instant always fall on the same date (an import asks for
  // one placedAt in a handful of zones per row). Strings are keyed as given, Dates by epoch ms.
  const key = typeof instant === 'string' ? instant : instant.getTime();
  let known = localDates.get(timeZone);
  const hit = known?.get(key);
  if (hit !== undefined) return hit;
  const date = computeLocalDate(timeZone, instant);
  if (!known) {
    if (localDates.size >= LOCAL_DATES_MAX) localDates.clear();
    localDates.set(timeZone, (known = new Map()));
  }
  if (known.size >= LOCAL_DATES_MAX) known.clear();
  known.set(key, date);
  return date;
};

const LOCAL_DATES_MAX = 512;
const localDates = new Map<string, Map<string | number, IsoDate>>();

const computeLocalDate = (timeZone: string, instant: Instant | Date): IsoDate => {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (typeof instant === 'string' && !isInstant(instant))
    throw new RangeError(`Not an ISO 8601 instant with offset: ${instant}`);
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid instant');
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
};
