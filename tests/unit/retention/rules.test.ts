import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION,
  RetentionSettingsSchema,
  addMonths,
  dueIfAtOrBefore,
  periodOf,
  reviewDate,
} from '@/lib/retention/rules';
import { addDays } from '@/lib/time';

const LONDON = 'Europe/London';

describe('retention periods in calendar months (issue #18)', () => {
  it('keeps the day of the month, or the month’s last day when it has no such day', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 72)).toBe('2032-08-31');
    expect(addMonths('2026-04-30', 6 * 12)).toBe('2032-04-30');
  });

  it('runs from the day it happened in the school’s zone, across clock changes', () => {
    // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (summer time).
    expect(reviewDate(new Date('2026-03-31T23:30:00Z'), { months: 12 }, LONDON)).toBe('2027-04-01');
    // In winter London is on UTC.
    expect(reviewDate(new Date('2026-12-31T23:30:00Z'), { months: 12 }, LONDON)).toBe('2027-12-31');
    expect(reviewDate(new Date('2026-06-15T10:00:00Z'), periodOf.closedCase(DEFAULT_RETENTION), LONDON)).toBe(
      '2032-06-15',
    );
  });

  it('finds everything due by reading up to one moment, and nothing more, whatever the month ends and clocks do', () => {
    // On 28 February, captures of 29–31 January are due a month on; 1 February's are not.
    expect(dueIfAtOrBefore('2026-02-28', { months: 1 }, LONDON).toISOString()).toBe('2026-01-31T23:59:59.999Z');
    // In summer the local day ends an hour before UTC's.
    expect(dueIfAtOrBefore('2026-07-31', { months: 1 }, LONDON).toISOString()).toBe('2026-06-30T22:59:59.999Z');
    // The inverse holds for every anchor near month ends, leap days and both clock changes.
    const anchors: Date[] = [];
    for (let hour = 0; hour < 24 * 500; hour += 7) anchors.push(new Date(Date.UTC(2027, 9, 1) + hour * 3_600_000));
    for (const months of [1, 12, 13, 72]) {
      const reviews = anchors.map((anchor) => reviewDate(anchor, { months }, LONDON));
      for (
        let today = addMonths('2027-10-20', months);
        today <= addMonths('2029-03-10', months);
        today = addDays(today, 1)
      ) {
        const limit = dueIfAtOrBefore(today, { months }, LONDON);
        const wrong = anchors.filter((anchor, i) => anchor <= limit !== reviews[i]! <= today);
        expect(wrong, `+${months} months, today ${today}`).toEqual([]);
      }
    }
  });

  it('takes settings only within the limits, with a clear message', () => {
    expect(RetentionSettingsSchema.parse(DEFAULT_RETENTION)).toEqual(DEFAULT_RETENTION);
    const refused = RetentionSettingsSchema.safeParse({ ...DEFAULT_RETENTION, closedCaseYears: 0 });
    expect(refused.error?.issues[0]?.message).toBe('Keep a closed case for at least a year.');
    expect(RetentionSettingsSchema.safeParse({ ...DEFAULT_RETENTION, unfiledCaptureMonths: 1.5 }).success).toBe(false);
  });
});
