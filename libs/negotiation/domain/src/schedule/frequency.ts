import { Temporal } from 'temporal-polyfill';
import { IsoDate } from '../shared/calendar';

/**
 * How often instalments fall due. Monthly instalments fall on `dayOfMonth` (1–31); in a month
 * too short for it (the 31st in April, the 30th in February) they fall on its last day.
 */
export type Frequency =
  | Readonly<{ kind: 'weekly' }>
  | Readonly<{ kind: 'biweekly' }>
  | Readonly<{ kind: 'monthly'; dayOfMonth: number }>;

/** Periods in a year, to turn an annual rate into a rate per period. */
export const periodsPerYear = (frequency: Frequency): bigint =>
  frequency.kind === 'weekly' ? 52n : frequency.kind === 'biweekly' ? 26n : 12n;

const dueDateFrom = (first: Temporal.PlainDate, frequency: Frequency, index: number): string => {
  if (index === 0) return first.toString();
  switch (frequency.kind) {
    case 'weekly':
      return first.add({ weeks: index }).toString();
    case 'biweekly':
      return first.add({ weeks: 2 * index }).toString();
    case 'monthly':
      // `with` constrains an overflowing day to the month's last day: the month-end rule.
      return first.with({ day: 1 }).add({ months: index }).with({ day: frequency.dayOfMonth }).toString();
  }
};

/** The due date of the instalment `index` (0 is the first, due on `firstDueOn`). */
export const dueDateOf = (firstDueOn: IsoDate, frequency: Frequency, index: number): IsoDate =>
  dueDateFrom(Temporal.PlainDate.from(firstDueOn), frequency, index);

// Plans share few first dates: their due dates are kept (bounded) because Temporal arithmetic is
// most of a schedule's cost (the bench:negotiation target needs it). Deterministic: same input, same dates.
const KNOWN_MAX = 4_096;
const known = new Map<string, IsoDate[]>();

/** The due dates of the first `count` instalments. */
export const dueDates = (firstDueOn: IsoDate, frequency: Frequency, count: number): IsoDate[] => {
  const key = `${firstDueOn}|${frequency.kind}|${frequency.kind === 'monthly' ? frequency.dayOfMonth : ''}`;
  const dates = known.get(key) ?? [];
  if (dates.length < count) {
    const first = Temporal.PlainDate.from(firstDueOn);
    for (let index = dates.length; index < count; index++) dates.push(dueDateFrom(first, frequency, index));
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(key, dates);
  }
  return dates.slice(0, count);
};
