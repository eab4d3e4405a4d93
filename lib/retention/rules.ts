import { z } from 'zod';
import { addDays, endOfLocalDay, localDate, type IsoDate } from '../time';

/**
 * How long the school keeps what Exhibit holds before someone reviews it (issue #18). Each period
 * runs from a moment (a case's closing, a capture's taking, a case's last activity) to a review
 * date; at review a person keeps it until a new date, with a reason, or erases it. Nothing is ever
 * erased by the clock alone.
 */
export const RetentionSettingsSchema = z.object({
  /** A closed case and its captures: reviewed this many years after closing. */
  closedCaseYears: z.int().min(1, 'Keep a closed case for at least a year.').max(25),
  /** A capture never filed in a case: reviewed this many months after it was taken. */
  unfiledCaptureMonths: z.int().min(1, 'Keep an unfiled capture for at least a month.').max(120),
  /** A case still open with nothing recorded in it: reviewed this many months after its last activity. */
  inactiveCaseMonths: z.int().min(1, 'Review an inactive case after at least a month.').max(120),
});
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;

export const DEFAULT_RETENTION: RetentionSettings = {
  closedCaseYears: 6,
  unfiledCaptureMonths: 12,
  inactiveCaseMonths: 12,
};

/** Why each default is what it is, in plain words for the options page and docs/data-protection.md. */
export const RETENTION_REASONS: Record<keyof RetentionSettings, string> = {
  closedCaseYears:
    'Six years after a case is closed covers the time in which most legal claims arising from it can be brought (Limitation Act 1980: six years for most claims; one year for defamation), so the record is there if the school must answer one.',
  unfiledCaptureMonths:
    'A capture never filed in a case did not become a matter under the policy. A year lets a pattern of posts show before it is reviewed; after that, keeping it needs a reason.',
  inactiveCaseMonths:
    'An open case with nothing recorded for a year has probably ended: review it, then close it or say why it stays open.',
};

/** `date` plus whole calendar months; a day past the new month's end falls on its last day (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** A retention period, in whole calendar months. */
export type RetentionPeriod = { months: number };

export const periodOf = {
  closedCase: (s: RetentionSettings): RetentionPeriod => ({ months: s.closedCaseYears * 12 }),
  unfiledCapture: (s: RetentionSettings): RetentionPeriod => ({ months: s.unfiledCaptureMonths }),
  inactiveCase: (s: RetentionSettings): RetentionPeriod => ({ months: s.inactiveCaseMonths }),
};

/**
 * The day something from `from` comes up for review: the period added to the day it happened in the
 * school's time zone (a capture taken at 00:30 BST on 1 April was taken on 1 April, whatever UTC says).
 */
export function reviewDate(from: Date, period: RetentionPeriod, timeZone: string): IsoDate {
  return addMonths(localDate(from, timeZone), period.months);
}

/**
 * The latest moment whose review date is on or before `today`: everything from then or earlier is
 * due. The inverse of reviewDate, for reading a time index up to it — not today minus the period,
 * which would miss 29–31 January on 28 February.
 */
export function dueIfAtOrBefore(today: IsoDate, period: RetentionPeriod, timeZone: string): Date {
  let day = addMonths(today, -period.months);
  while (addMonths(addDays(day, 1), period.months) <= today) day = addDays(day, 1);
  return endOfLocalDay(day, timeZone);
}
