import { addDays, weekday, type IsoDate } from '../time';

/**
 * England and Wales bank holidays, worked out for any year: New Year's Day, Good Friday, Easter
 * Monday, the early May and spring bank holidays, the summer bank holiday, Christmas Day and
 * Boxing Day, with the usual substitute days when these fall at a weekend. One-off holidays
 * (a coronation, a state funeral) are not predictable: schools add them to their own list.
 */
export function englandAndWalesBankHolidays(year: number): IsoDate[] {
  const date = (month: number, day: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const easter = easterSunday(year);
  const firstMonday = (month: number) => nextWeekday(date(month, 1), 1);
  const lastMonday = (month: number, days: number) => previousWeekday(date(month, days), 1);
  const newYear = weekendToMonday(date(1, 1));
  const christmas = date(12, 25);
  const boxingDay = date(12, 26);
  // Christmas on a Saturday: Monday and Tuesday off; on a Sunday: Boxing Day Monday, Christmas Tuesday.
  const christmasPair =
    weekday(christmas) === 6
      ? [addDays(christmas, 2), addDays(christmas, 3)]
      : weekday(christmas) === 0
        ? [addDays(christmas, 1), addDays(christmas, 2)]
        : [christmas, weekendToMonday(boxingDay)];
  return [
    newYear,
    addDays(easter, -2),
    addDays(easter, 1),
    firstMonday(5),
    lastMonday(5, 31),
    lastMonday(8, 31),
    ...christmasPair,
  ].sort();
}

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekendToMonday(date: IsoDate): IsoDate {
  const day = weekday(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

function nextWeekday(from: IsoDate, target: number): IsoDate {
  return addDays(from, (target - weekday(from) + 7) % 7);
}

function previousWeekday(from: IsoDate, target: number): IsoDate {
  return addDays(from, -((weekday(from) - target + 7) % 7));
}

/** The school's calendar: its time zone, and its own changes to the built-in bank holidays. */
export interface WorkingCalendar {
  timeZone: string;
  /** INSET days, closures, one-off holidays: days the school does not work. */
  extraNonWorkingDays: readonly IsoDate[];
  /** Bank holidays the school does work, taken off the built-in list. */
  workedBankHolidays: readonly IsoDate[];
}

export const ENGLAND_AND_WALES_SCHOOL: WorkingCalendar = {
  timeZone: 'Europe/London',
  extraNonWorkingDays: [],
  workedBankHolidays: [],
};

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  if (calendar.extraNonWorkingDays.includes(date)) return false;
  const bankHoliday = englandAndWalesBankHolidays(Number(date.slice(0, 4))).includes(date);
  return !bankHoliday || calendar.workedBankHolidays.includes(date);
}

export function nextWorkingDay(after: IsoDate, calendar: WorkingCalendar): IsoDate {
  let date = addDays(after, 1);
  // A school closes for weeks at most; a year of searching means the calendar is wrong.
  for (let i = 0; i < 366 && !isWorkingDay(date, calendar); i++) date = addDays(date, 1);
  return date;
}
