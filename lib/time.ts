/** A moment as UTC ISO 8601, as local ISO 8601 with offset, and the zone it was local to. */
export interface LocalisedTime {
  utc: string;
  local: string;
  utcOffset: string;
  timeZone: string;
}

export function localiseTime(at: Date, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): LocalisedTime {
  const offsetMinutes = zoneOffsetMinutes(at, timeZone);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const utcOffset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const shifted = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
  return { utc: at.toISOString(), local: `${shifted}${utcOffset}`, utcOffset, timeZone };
}

/** Minutes ahead of UTC in `timeZone` at `at`, read from Intl rather than the machine's zone. */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  const wholeSeconds = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

/** The calendar date it is in `timeZone` at the instant `at`. */
export function localDate(at: Date, timeZone: string): IsoDate {
  return new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * The last millisecond of `date` in `timeZone`, as an instant. The offset is read at that local
 * time itself, so a day that ends in summer time (or began in winter time) comes out right.
 */
export function endOfLocalDay(date: IsoDate, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallClock = Date.UTC(y, m - 1, d, 23, 59, 59, 999);
  const guess = new Date(wallClock - zoneOffsetMinutes(new Date(wallClock), timeZone) * 60_000);
  return new Date(wallClock - zoneOffsetMinutes(guess, timeZone) * 60_000);
}

/**
 * A moment in UTC as the pages show it, to the minute or the second: `2026-06-01 09:05 UTC`. One
 * form everywhere, and always with its zone, so no time on a screen can be read as local.
 */
export function formatUtc(at: Date | string, precision: 'minute' | 'second' = 'minute'): string {
  const iso = typeof at === 'string' ? new Date(at).toISOString() : at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, precision === 'minute' ? 16 : 19)} UTC`;
}

/** A moment as a date and time in the school's zone, as a person there reads it: `1 Jun 2026, 10:05`. */
export function formatInZone(at: Date, timeZone: string): string {
  return at.toLocaleString('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
}

/** A day as a letter gives it, in the school's zone: `1 June 2026`. */
export function formatLetterDate(at: Date, timeZone: string): string {
  return at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
}
