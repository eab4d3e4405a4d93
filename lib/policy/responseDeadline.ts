import { endOfLocalDay, localDate } from '../time';
import { ENGLAND_AND_WALES_SCHOOL, isWorkingDay, nextWorkingDay, type WorkingCalendar } from './workingDays';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a comment on one of the school's own accounts must be answered (policy, "Monitoring"):
 * "within 24 hours (or on the next working day if received at the weekend)". Received on a working
 * day: 24 hours later, to the minute, even if that falls on a Saturday — the policy's words.
 * Received on a Saturday, a Sunday or a day the school does not work: by the end of the next
 * working day, in the school's time zone.
 */
export function responseDueAt(receivedAt: Date, calendar: WorkingCalendar = ENGLAND_AND_WALES_SCHOOL): Date {
  const day = localDate(receivedAt, calendar.timeZone);
  if (isWorkingDay(day, calendar)) return new Date(receivedAt.getTime() + DAY_MS);
  return endOfLocalDay(nextWorkingDay(day, calendar), calendar.timeZone);
}
