import { describe, expect, it } from 'vitest';
import {
  ENGLAND_AND_WALES_SCHOOL,
  easterSunday,
  englandAndWalesBankHolidays,
  isWorkingDay,
  responseDueAt,
} from '@/lib/policy';

const due = (receivedAtUtc: string, calendar = ENGLAND_AND_WALES_SCHOOL) =>
  responseDueAt(new Date(receivedAtUtc), calendar).toISOString();

describe('England and Wales bank holidays', () => {
  it.each([
    [
      2025,
      ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
    ],
    [
      2026,
      ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
    ],
    [
      2027,
      ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
    ],
    [
      2028,
      ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
    ],
  ])('%i', (year, expected) => {
    expect(englandAndWalesBankHolidays(year)).toEqual(expected);
  });

  it('finds Easter Sunday', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  it('takes the school’s own changes into account', () => {
    expect(isWorkingDay('2026-05-25', ENGLAND_AND_WALES_SCHOOL)).toBe(false);
    expect(isWorkingDay('2026-05-25', { ...ENGLAND_AND_WALES_SCHOOL, workedBankHolidays: ['2026-05-25'] })).toBe(true);
    expect(isWorkingDay('2026-06-15', { ...ENGLAND_AND_WALES_SCHOOL, extraNonWorkingDays: ['2026-06-15'] })).toBe(
      false,
    );
  });
});

describe('responseDueAt (policy: within 24 hours, or the next working day if received at the weekend)', () => {
  it('a working day: 24 hours later', () => {
    expect(due('2026-06-10T13:30:00Z')).toBe('2026-06-11T13:30:00.000Z');
  });

  it('Friday evening: 24 hours later, on the Saturday, as the policy words it', () => {
    expect(due('2026-06-12T17:00:00Z')).toBe('2026-06-13T17:00:00.000Z');
  });

  it('Saturday: by the end of Monday, London time (BST)', () => {
    expect(due('2026-06-13T09:00:00Z')).toBe('2026-06-15T22:59:59.999Z');
  });

  it('Sunday, a minute before midnight: the same Monday', () => {
    expect(due('2026-06-14T22:59:00Z')).toBe('2026-06-15T22:59:59.999Z');
  });

  it('exactly midnight: Saturday 00:00 is the weekend; Monday 00:00 is a working day', () => {
    expect(due('2026-06-12T23:00:00Z')).toBe('2026-06-15T22:59:59.999Z'); // 00:00 BST Saturday
    expect(due('2026-06-14T23:00:00Z')).toBe('2026-06-15T23:00:00.000Z'); // 00:00 BST Monday
    expect(due('2026-06-12T22:59:59.999Z')).toBe('2026-06-13T22:59:59.999Z'); // Friday's last instant
  });

  it('the weekend before a bank holiday Monday: the end of Tuesday', () => {
    expect(due('2026-05-23T10:00:00Z')).toBe('2026-05-26T22:59:59.999Z');
    expect(due('2026-05-25T08:00:00Z')).toBe('2026-05-26T22:59:59.999Z'); // received on the bank holiday itself
  });

  it('Easter: Good Friday and Easter Monday are not working days', () => {
    expect(due('2026-04-03T09:00:00Z')).toBe('2026-04-07T22:59:59.999Z');
  });

  it('clocks go forward (29 March 2026): the Monday ends at 23:59:59 BST', () => {
    expect(due('2026-03-28T12:00:00Z')).toBe('2026-03-30T22:59:59.999Z');
    expect(due('2026-03-29T00:30:00Z')).toBe('2026-03-30T22:59:59.999Z'); // before the change, GMT
    expect(due('2026-03-29T01:30:00Z')).toBe('2026-03-30T22:59:59.999Z'); // after it, BST
  });

  it('clocks go back (25 October 2026): the Monday ends at 23:59:59 GMT', () => {
    expect(due('2026-10-24T19:00:00Z')).toBe('2026-10-26T23:59:59.999Z');
    expect(due('2026-10-25T00:30:00Z')).toBe('2026-10-26T23:59:59.999Z'); // 01:30 BST, before the change
    expect(due('2026-10-25T01:30:00Z')).toBe('2026-10-26T23:59:59.999Z'); // 01:30 GMT, after it
  });

  it('the school’s own non-working days count like the weekend', () => {
    const withInset = { ...ENGLAND_AND_WALES_SCHOOL, extraNonWorkingDays: ['2026-06-15'] };
    expect(due('2026-06-13T09:00:00Z', withInset)).toBe('2026-06-16T22:59:59.999Z');
    expect(due('2026-06-15T09:00:00Z', withInset)).toBe('2026-06-16T22:59:59.999Z');
  });

  it('Christmas: from Christmas Eve (a Thursday) 24 hours; from the holiday, the first working day after Boxing Day’s substitute', () => {
    expect(due('2026-12-24T10:00:00Z')).toBe('2026-12-25T10:00:00.000Z');
    expect(due('2026-12-25T10:00:00Z')).toBe('2026-12-29T23:59:59.999Z');
  });
});
