/**
 * A calendar date without time or zone, `'YYYY-MM-DD'` (ISO 8601). Business days in the ledger
 * (due dates, accrual days, aging dates) are dates in the debtor's time zone.
 */
export type IsoDate = string;

/** An instant with an explicit offset, ISO 8601: `'2024-03-01T14:30:00Z'`, `'…-05:00'`. */
export type Instant = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (2023-02-29 is not one). */
export const isIsoDate = (value: unknown): value is IsoDate => {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** True for an ISO 8601 instant that names its offset (a bare local time is ambiguous). */
export const isInstant = (value: unknown): value is Instant =>
  typeof value === 'string' &&
  INSTANT.test(value) &&
  !Number.isNaN(Date.parse(value)) &&
  isIsoDate(value.slice(0, 10));

/** Days since 1970-01-01: the one conversion the date arithmetic below builds on. */
export const dayNumber = (date: IsoDate): number => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
};

export const fromDayNumber = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

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
