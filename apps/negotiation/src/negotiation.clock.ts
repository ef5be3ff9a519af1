import { Temporal } from 'temporal-polyfill';

export const CLOCK = Symbol('CLOCK');

/**
 * Today's date where the day ends last (UTC−12): a deadline has then passed in every debtor's
 * zone, so the daily check never breaks a promise early (the service does not know the zone).
 */
export const todayOf = (now: Date): string =>
  Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO('Etc/GMT+12')
    .toPlainDate()
    .toString();
