import { addDays, daysBetween, isInstant, isIsoDate, isTimeZone, localDateIn } from './calendar';

describe('calendar', () => {
  it('knows real dates', () => {
    expect(['2024-02-29', '2023-12-31', '2000-02-29'].every(isIsoDate)).toBe(true);
    expect(
      ['2023-02-29', '1900-02-29', '2024-04-31', '2024-1-01', '20240101', '', 20240101].some(isIsoDate),
    ).toBe(false);
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-01-31', 30)).toBe('2024-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('counts every calendar day between dates', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    // no DST hour ever shortens a day: the arithmetic is on calendar dates
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
  });

  it('accepts instants only with an offset', () => {
    expect(
      [
        '2024-03-01T03:00:00Z',
        '2024-03-01T03:00:00.123Z',
        '2024-03-01T03:00-05:00',
        '2024-03-01T03:00:00+09:00',
      ].every(isInstant),
    ).toBe(true);
    expect(['2024-03-01T03:00:00', '2024-03-01', '2024-02-30T00:00:00Z', 'now', 1].some(isInstant)).toBe(
      false,
    );
  });

  it('finds the local date of an instant in a zone', () => {
    expect(localDateIn('America/Bogota', '2024-03-01T04:59:59Z')).toBe('2024-02-29');
    expect(localDateIn('America/Bogota', '2024-03-01T05:00:00Z')).toBe('2024-03-01');
    expect(localDateIn('Asia/Tokyo', '2024-02-29T14:59:59Z')).toBe('2024-02-29');
    expect(localDateIn('Asia/Tokyo', '2024-02-29T15:00:00Z')).toBe('2024-03-01');
    expect(localDateIn('UTC', new Date(Date.UTC(2024, 0, 1)))).toBe('2024-01-01');
    expect(localDateIn('Asia/Tokyo', '2024-03-01T08:00:00+09:00')).toBe('2024-03-01');
  });

  it('follows daylight saving time', () => {
    // New York: 04:30Z is 23:30 EST on 9 March (before the switch) and 00:30 EDT on 3 November (before falling back)
    expect(localDateIn('America/New_York', '2024-03-10T04:30:00Z')).toBe('2024-03-09');
    expect(localDateIn('America/New_York', '2024-11-03T04:30:00Z')).toBe('2024-11-03');
  });

  it('validates zones and instants', () => {
    expect(isTimeZone('America/Bogota')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(() => localDateIn('UTC', 'not a time')).toThrow(RangeError);
  });
});
