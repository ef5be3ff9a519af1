import { Temporal } from 'temporal-polyfill';

/** A calendar date in the debtor's time zone, `'YYYY-MM-DD'`: due dates, accrual days, aging dates. */
export type IsoDate = string;

/** An instant with an explicit offset, ISO 8601: `'2024-03-01T14:30:00Z'`, `'…-05:00'`. */
export type Instant = string;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EPOCH = Temporal.PlainDate.from('1970-01-01');

const parses = (parse: () => unknown): boolean => {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
};

/** True for a real calendar date in `YYYY-MM-DD` form (2023-02-29 is not one). */
export const isIsoDate = (value: unknown): value is IsoDate =>
  typeof value === 'string' &&
  DATE.test(value) &&
  // Years 0000–0099 were never accepted (Date.UTC read them as 1900–1999), so they still are not.
  Number(value.slice(0, 4)) >= 100 &&
  parses(() => Temporal.PlainDate.from(value));

/** True for an ISO 8601 instant that names its offset (a bare local time is ambiguous). */
export const isInstant = (value: unknown): value is Instant =>
  typeof value === 'string' &&
  INSTANT.test(value) &&
  isIsoDate(value.slice(0, 10)) &&
  parses(() => Temporal.Instant.from(value));

/** True when `timeZone` is a zone the runtime knows (`'America/Bogota'`, `'UTC'`). */
export const isTimeZone = (timeZone: unknown): timeZone is string =>
  typeof timeZone === 'string' &&
  timeZone !== '' &&
  parses(() => Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone));

/** Out-of-range months and days roll over, as the ledger has always read them (Date.UTC's reading). */
const plainDate = (date: IsoDate): Temporal.PlainDate => {
  const [year, month, day] = date.split('-').map(Number);
  if (isIsoDate(date)) return Temporal.PlainDate.from(date);
  const first = Temporal.PlainDate.from({ year: year < 100 ? 1900 + year : year, month: 1, day: 1 });
  return first.add({ months: month - 1 }).add({ days: day - 1 });
};

/** Calendar days from `from` to `to` (negative when `to` is earlier); every day counts, 29 Feb too. */
export const daysBetween = (from: IsoDate, to: IsoDate): number => plainDate(from).until(plainDate(to)).days;

/** Days since 1970-01-01. */
export const dayNumber = (date: IsoDate): number => daysBetween('1970-01-01', date);

/** The date `n` days after 1970-01-01, whole days only (a fraction rounds down, as Date read it). */
export const fromDayNumber = (n: number): IsoDate =>
  EPOCH.add({ days: Math.floor(n) })
    .toString()
    .slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/**
 * The calendar date an instant falls on in a time zone: `localDateIn('America/Bogota',
 * '2024-03-01T03:00:00Z')` is `'2024-02-29'` (22:00 the evening before).
 */
export const localDateIn = (timeZone: string, instant: Instant | Date): IsoDate => {
  if (typeof instant === 'string' && !isInstant(instant))
    throw new RangeError(`Not an ISO 8601 instant with offset: ${instant}`);
  const at =
    typeof instant === 'string'
      ? Temporal.Instant.from(instant)
      : Temporal.Instant.fromEpochMilliseconds(instant.getTime());
  return at.toZonedDateTimeISO(timeZone).toPlainDate().toString();
};
