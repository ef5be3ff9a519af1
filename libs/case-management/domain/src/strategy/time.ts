import { Temporal } from 'temporal-polyfill';
import { StrategyRuleViolated } from './strategy-run.errors';

/** A calendar date `'YYYY-MM-DD'` in the debtor's time zone. */
export type IsoDate = string;

/** An instant with an explicit offset, ISO 8601 (`'2026-03-01T14:00:00Z'`). */
export type Instant = string;

// Exact memos, bounded: a scheduler run asks the same few zones, days and instants for many cases,
// and building Temporal objects costs far more than a map lookup. Same input, same answer.
const MEMO_MAX = 8_192;
const memo = <T>(cache: Map<string, T>, key: string, compute: () => T): T => {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (cache.size >= MEMO_MAX) cache.clear();
  cache.set(key, value);
  return value;
};

const epochs = new Map<string, number>();
/** Milliseconds since the epoch; a malformed instant is the caller's error, named by `field`. */
export const epochMs = (instant: Instant): number =>
  memo(epochs, instant, () => guarded(() => Temporal.Instant.from(instant).epochMilliseconds));

/** Temporal's RangeError on a malformed instant, date or zone becomes the caller's coded error. */
const guarded = <T>(compute: () => T): T => {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new StrategyRuleViolated('invalid_command', error.message);
  }
};

export const isBefore = (a: Instant, b: Instant): boolean => epochMs(a) < epochMs(b);
export const laterOf = (a: Instant, b: Instant): Instant => (epochMs(a) >= epochMs(b) ? a : b);

const dates = new Map<string, IsoDate>();
/** The date an instant falls on in the debtor's zone. */
export const localDate = (instant: Instant, timeZone: string): IsoDate =>
  memo(dates, `${timeZone} ${instant}`, () =>
    guarded(() => Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString()),
  );

const instants = new Map<string, Instant>();
/** The instant of a local date and time of day in the debtor's zone (a time skipped by DST moves later). */
export const instantAt = (date: IsoDate, time: string, timeZone: string): Instant =>
  memo(instants, `${timeZone} ${date} ${time}`, () =>
    guarded(() =>
      Temporal.PlainDate.from(date).toZonedDateTime({ timeZone, plainTime: time }).toInstant().toString(),
    ),
  );

const shifted = new Map<string, IsoDate>();
export const addDays = (date: IsoDate, days: number): IsoDate =>
  memo(shifted, `${date} ${days}`, () =>
    guarded(() => Temporal.PlainDate.from(date).add({ days }).toString()),
  );

export const instantOfEpochMs = (ms: number): Instant =>
  Temporal.Instant.fromEpochMilliseconds(ms).toString();
