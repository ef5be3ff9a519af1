import { Temporal } from 'temporal-polyfill';

/** A calendar date `'YYYY-MM-DD'` in the debtor's time zone: due dates, payment dates, check dates. */
export type IsoDate = string;

/** An instant with an explicit offset, ISO 8601 (`'2025-03-01T14:30:00Z'`). */
export type Instant = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date in `YYYY-MM-DD` form (2025-02-29 is not one). */
export const isIsoDate = (value: unknown): value is IsoDate => {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
};

export const addDays = (date: IsoDate, days: number): IsoDate =>
  Temporal.PlainDate.from(date).add({ days }).toString();

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;

/** ISO dates compare as strings; this names the intent. */
export const isAfter = (a: IsoDate, b: IsoDate): boolean => a > b;
