import { Temporal } from 'temporal-polyfill';

/** Days since 1970-01-01 of a local calendar date: integer day counts compare and step cheaply. */
export type DayNumber = number;

/** One calendar day in one time zone: its date and the instants (epoch ms) where it starts and ends. */
export type LocalDay = Readonly<{
  zone: string;
  day: DayNumber;
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  startMs: number;
  endMs: number;
}>;

const EPOCH = Temporal.PlainDate.from('1970-01-01');
const UTC_DAY_MS = 86_400_000;

// Temporal's zone arithmetic is exact but slow; a zone's days never change, so each is computed once.
// Keys are numbers in per-zone maps: building string keys cost more than the lookups they served.
const MAX_CACHED = 50_000;
const daysByBucket = new Map<string, Map<number, LocalDay[]>>();
const daysByNumber = new Map<string, Map<DayNumber, LocalDay>>();
const instantsByTime = new Map<string, Map<string, Map<DayNumber, number>>>();
const isoInstants = new Map<number, string>();

const inZone = <K, V>(maps: Map<string, Map<K, V>>, zone: string): Map<K, V> => {
  let map = maps.get(zone);
  if (!map) maps.set(zone, (map = new Map()));
  else if (map.size > MAX_CACHED) map.clear();
  return map;
};

const dayFromDate = (zone: string, date: Temporal.PlainDate): LocalDay => {
  const byNumber = inZone(daysByNumber, zone);
  const number = EPOCH.until(date).days;
  const known = byNumber.get(number);
  if (known) return known;
  const day: LocalDay = {
    zone,
    day: number,
    date: date.toString(),
    dayOfWeek: date.dayOfWeek,
    startMs: date.toZonedDateTime({ timeZone: zone }).epochMilliseconds,
    endMs: date.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds,
  };
  byNumber.set(number, day);
  return day;
};

/** The local day an instant falls on in a zone. */
export const localDayOf = (zone: string, epochMs: number): LocalDay => {
  // Bucketed by UTC day only to find candidates quickly; the answer always comes from Temporal.
  const bucket = Math.floor(epochMs / UTC_DAY_MS);
  const zoneDays = inZone(daysByBucket, zone);
  const candidates = zoneDays.get(bucket);
  if (candidates) for (const d of candidates) if (epochMs >= d.startMs && epochMs < d.endMs) return d;
  const date = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDate();
  const found = dayFromDate(zone, date);
  zoneDays.set(bucket, [...(candidates ?? []), found]);
  return found;
};

/** The local day with this day number in a zone. */
export const localDay = (zone: string, day: DayNumber): LocalDay =>
  daysByNumber.get(zone)?.get(day) ?? dayFromDate(zone, EPOCH.add({ days: day }));

/** The instant of a wall-clock time (`'08:00'`) on a local day; a time inside a DST gap moves forward. */
export const instantAt = (zone: string, day: DayNumber, time: string): number => {
  const byTime = inZone(instantsByTime, zone);
  let byDay = byTime.get(time);
  if (!byDay) byTime.set(time, (byDay = new Map()));
  const known = byDay.get(day);
  if (known !== undefined) return known;
  const date = Temporal.PlainDate.from(localDay(zone, day).date);
  const ms = date.toZonedDateTime({
    timeZone: zone,
    plainTime: Temporal.PlainTime.from(time),
  }).epochMilliseconds;
  byDay.set(day, ms);
  return ms;
};

/** Day number of an ISO date (`'2025-06-30'`). */
export const dayNumberOf = (date: string): DayNumber => EPOCH.until(Temporal.PlainDate.from(date)).days;

/** ISO 8601 in UTC (`'2025-03-04T13:00:00Z'`); rescheduled slots are a few window starts, so memoised. */
export const toIsoInstant = (epochMs: number): string => {
  let iso = isoInstants.get(epochMs);
  if (iso === undefined) {
    if (isoInstants.size > MAX_CACHED) isoInstants.clear();
    isoInstants.set(epochMs, (iso = Temporal.Instant.fromEpochMilliseconds(epochMs).toString()));
  }
  return iso;
};

/** True when the runtime's time-zone database knows the zone. */
export const isKnownZone = (zone: string): boolean => {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
};
