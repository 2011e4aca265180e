import { BusinessHoursError, isOpen, parseBusinessHours } from './businessHours';

describe('parseBusinessHours', () => {
  it('reads days, window and zone', () => {
    expect(parseBusinessHours('mon-fri 09:00-17:30 Asia/Singapore')).toEqual({
      timeZone: 'Asia/Singapore',
      days: [1, 2, 3, 4, 5],
      opensAt: 540,
      closesAt: 1050,
    });
  });

  it('accepts day lists and ranges across the weekend, UTC by default', () => {
    expect(parseBusinessHours('fri-mon,wed 10:00-12:00')).toMatchObject({
      timeZone: 'UTC',
      days: [0, 1, 3, 5, 6],
    });
  });

  it.each([
    'mon-fri',
    'mon-fri 9-17',
    'mon-fri 17:00-09:00',
    'someday 09:00-17:00',
    'mon-fri 09:00-17:00 Mars/Olympus',
    'mon-fri 09:00-17:00 UTC extra',
  ])('refuses %j with a BusinessHoursError', (spec) => {
    expect(() => parseBusinessHours(spec)).toThrow(BusinessHoursError);
  });
});

describe('isOpen', () => {
  const hours = parseBusinessHours('mon-fri 09:00-17:00 Asia/Singapore');

  it('is open inside the window on a weekday, in the business time zone', () => {
    // Tuesday 2026-11-24 10:00 in Singapore is 02:00 UTC.
    expect(isOpen(hours, new Date('2026-11-24T02:00:00Z'))).toBe(true);
  });

  it('is closed before opening, at closing time and at weekends', () => {
    expect(isOpen(hours, new Date('2026-11-24T00:59:00Z'))).toBe(false); // 08:59
    expect(isOpen(hours, new Date('2026-11-24T09:00:00Z'))).toBe(false); // 17:00
    expect(isOpen(hours, new Date('2026-11-29T02:00:00Z'))).toBe(false); // Sunday
  });
});
