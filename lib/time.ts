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
function zoneOffsetMinutes(at: Date, timeZone: string): number {
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
