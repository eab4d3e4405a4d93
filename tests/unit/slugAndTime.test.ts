import { describe, expect, it } from 'vitest';
import { slug } from '@/lib/slug';
import { formatInZone, formatLetterDate, formatUtc } from '@/lib/time';

describe('one slug for every file name made from words (issue #16)', () => {
  it('lower-cases, drops accents, joins the rest with single dashes, and falls back when nothing is left', () => {
    expect(slug('Café Year 4 — “allegations”!', 'case')).toBe('cafe-year-4-allegations');
    expect(slug('Northwick Park Primary', 'school')).toBe('northwick-park-primary');
    expect(slug('—!!—', 'case')).toBe('case');
    expect(slug('a'.repeat(39) + ' b', 'x')).toBe('a'.repeat(39)); // never ends on a dash when cut
  });
});

describe('times as the pages show them (issue #16)', () => {
  it('UTC always says so, to the minute or the second', () => {
    expect(formatUtc('2026-06-01T09:05:42.123Z')).toBe('2026-06-01 09:05 UTC');
    expect(formatUtc(new Date('2026-06-01T09:05:42.123Z'), 'second')).toBe('2026-06-01 09:05:42 UTC');
  });

  it('a school’s zone gives its own day and hour', () => {
    const lateOnSunday = new Date('2026-05-31T23:30:00Z');
    expect(formatLetterDate(lateOnSunday, 'Europe/London')).toBe('1 June 2026');
    expect(formatLetterDate(lateOnSunday, 'UTC')).toBe('31 May 2026');
    expect(formatInZone(lateOnSunday, 'Europe/London')).toBe('1 Jun 2026, 00:30');
  });
});
