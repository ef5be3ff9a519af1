import Holidays from 'date-holidays';

/** Countries whose public-holiday calendar a rule pack may close on. */
export type HolidayCalendar = 'CO' | 'MX' | 'US';

// One calendar per country and year, built once: date-holidays computes moved holidays (Ley Emiliani).
const calendars = new Map<HolidayCalendar, Holidays>();
const publicDays = new Map<string, ReadonlySet<string>>();

const calendarOf = (country: HolidayCalendar): Holidays => {
  let calendar = calendars.get(country);
  if (!calendar) calendars.set(country, (calendar = new Holidays(country)));
  return calendar;
};

const publicHolidaysIn = (country: HolidayCalendar, year: number): ReadonlySet<string> => {
  const key = `${country}|${year}`;
  let days = publicDays.get(key);
  if (!days) {
    const holidays = calendarOf(country).getHolidays(year) || [];
    days = new Set(holidays.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    publicDays.set(key, days);
  }
  return days;
};

/** True when an ISO date (`'2025-06-30'`) is a public holiday (festivo) of the country. */
export const isPublicHoliday = (country: HolidayCalendar, date: string): boolean =>
  publicHolidaysIn(country, Number(date.slice(0, 4))).has(date);
