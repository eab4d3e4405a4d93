import { describe, expect, it } from 'vitest';
import { localiseTime } from '@/lib/time';

describe('localiseTime', () => {
  it('gives UTC, local time with offset and the zone in British Summer Time', () => {
    expect(localiseTime(new Date('2026-06-01T09:00:00.250Z'), 'Europe/London')).toEqual({
      utc: '2026-06-01T09:00:00.250Z',
      local: '2026-06-01T10:00:00.250+01:00',
      utcOffset: '+01:00',
      timeZone: 'Europe/London',
    });
  });

  it('gives offset +00:00 in GMT and handles zones west of UTC and half hours', () => {
    expect(localiseTime(new Date('2026-12-01T09:00:00Z'), 'Europe/London').utcOffset).toBe('+00:00');
    expect(localiseTime(new Date('2026-12-01T09:00:00Z'), 'America/New_York').local).toBe(
      '2026-12-01T04:00:00.000-05:00',
    );
    expect(localiseTime(new Date('2026-12-01T09:00:00Z'), 'Asia/Kolkata').utcOffset).toBe('+05:30');
  });
});
