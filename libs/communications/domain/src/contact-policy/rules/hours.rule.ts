import { instantAt, localDay, localDayOf, type LocalDay } from '../local-time';
import { isPublicHoliday } from '../holidays';
import type { HoursRule, TimeWindow } from '../rule-pack';
import type { TimeRule } from './time-rule';

// Every pack opens at least once a week; two weeks covers holiday bridges.
const DAYS_AHEAD = 14;

const windowOn = (hours: HoursRule, day: LocalDay): TimeWindow | undefined => {
  if (hours.closedOnHolidaysOf && isPublicHoliday(hours.closedOnHolidaysOf, day.date)) return undefined;
  return hours.windows[day.dayOfWeek as 1 | 2 | 3 | 4 | 5 | 6 | 7];
};

/** Allowed local hours (both ends inclusive), closed days and holidays, in the debtor's zone. */
export const hoursRule = (hours: HoursRule, version: string): TimeRule => ({
  rule: hours,
  version,
  earliestFrom: (t, zone) => {
    const today = localDayOf(zone, t);
    for (let d = today.day; d < today.day + DAYS_AHEAD; d++) {
      const window = windowOn(hours, d === today.day ? today : localDay(zone, d));
      if (!window || t > instantAt(zone, d, window.to)) continue;
      return Math.max(t, instantAt(zone, d, window.from));
    }
    return Infinity;
  },
});
