import { localDay, localDayOf, type DayNumber } from '../local-time';
import { concerns, type PastContact, type PolicyContext } from '../policy-context';
import type { FrequencyCap } from '../rule-pack';
import type { TimeRule } from './time-rule';

type Window = Readonly<{ first: DayNumber; last: DayNumber }>;

const windowAround = (cap: FrequencyCap, day: DayNumber, dayOfWeek: number): Window =>
  cap.window === 'calendar_week'
    ? { first: day - (dayOfWeek - 1), last: day - (dayOfWeek - 1) + 6 }
    : { first: day - cap.window.days + 1, last: day };

/** The first day whose window no longer holds too many attempts (or channels), or undefined if none is too many. */
const firstFreeDay = (
  cap: FrequencyCap,
  ctx: PolicyContext,
  window: Window,
  inWindow: readonly { day: DayNumber; contact: PastContact }[],
): DayNumber | undefined => {
  const span = cap.window === 'calendar_week' ? undefined : cap.window.days;
  if (cap.counts === 'attempts') {
    if (inWindow.length < cap.max) return undefined;
    const days = inWindow.map((a) => a.day).sort((a, b) => a - b);
    return span === undefined ? window.first + 7 : days[days.length - cap.max] + span;
  }
  const others = inWindow.filter((a) => a.contact.channel !== ctx.input.channel);
  const channels = new Set(inWindow.map((a) => a.contact.channel));
  if (channels.size + (channels.has(ctx.input.channel) ? 0 : 1) <= cap.max) return undefined;
  // Conservative for max > 1: waits until every other channel has left the window.
  return span === undefined ? window.first + 7 : Math.max(...others.map((a) => a.day)) + span;
};

type Dated = Readonly<{ day: DayNumber; contact: PastContact }>;

/** At most `max` attempts (or channels) per debt or per debtor within a window of local days. */
export const frequencyRule = (cap: FrequencyCap, ctx: PolicyContext, version: string): TimeRule => {
  const applies = !cap.afterDirectContact || ctx.conversations.length > 0;
  const debts: readonly (string | undefined)[] = cap.per === 'debt' ? ctx.input.debtIds : [undefined];
  const counted = ctx.attempts.filter(
    (a) => cap.channels.includes(a.channel) && debts.some((d) => concerns(a, d)),
  );
  // The local day of each counted attempt, once per zone (the candidate moves, the attempts do not).
  const datedByZone = new Map<string, Dated[]>();
  const dated = (zone: string): Dated[] => {
    let list = datedByZone.get(zone);
    if (!list)
      datedByZone.set(
        zone,
        (list = counted.map((contact) => ({ day: localDayOf(zone, contact.ms).day, contact }))),
      );
    return list;
  };
  return {
    rule: cap,
    version,
    earliestFrom: (t, zone) => {
      if (!applies || counted.length < cap.max) return t;
      const today = localDayOf(zone, t);
      const window = windowAround(cap, today.day, today.dayOfWeek);
      const inRange = dated(zone).filter((a) => a.day >= window.first && a.day <= window.last);
      let earliest = t;
      for (const debt of debts) {
        const free = firstFreeDay(
          cap,
          ctx,
          window,
          debt === undefined ? inRange : inRange.filter((a) => concerns(a.contact, debt)),
        );
        if (free !== undefined) earliest = Math.max(earliest, localDay(zone, free).startMs);
      }
      return earliest;
    },
  };
};
