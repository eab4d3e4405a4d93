import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_SCHOOL, answerNowCount, responseQueue, schoolAccountFor } from '@/lib/policy';

const accounts = [
  { platform: 'facebook' as const, url: 'https://www.facebook.com/NorthwickParkPrimary/' },
  { platform: 'x' as const, url: 'https://x.com/NorthwickPark' },
];

describe('the school’s own accounts', () => {
  it('recognises pages on or under an account, whatever the www./m. prefix or case', () => {
    expect(schoolAccountFor('https://m.facebook.com/northwickparkprimary/posts/123', accounts)?.platform).toBe(
      'facebook',
    );
    expect(schoolAccountFor('https://x.com/NorthwickPark/status/1790', accounts)?.platform).toBe('x');
    expect(schoolAccountFor('https://x.com/NorthwickPark', accounts)?.platform).toBe('x');
  });

  it('does not confuse a similar name or another site', () => {
    expect(schoolAccountFor('https://x.com/NorthwickParkFans/status/1', accounts)).toBeUndefined();
    expect(schoolAccountFor('https://evil.example/x.com/NorthwickPark', accounts)).toBeUndefined();
    expect(schoolAccountFor('not a url', accounts)).toBeUndefined();
  });
});

describe('response queue and badge', () => {
  const now = new Date('2026-06-10T12:00:00Z'); // a Wednesday
  const item = (captureId: string, receivedAt: string, answered = false) => ({
    captureId,
    receivedAt: new Date(receivedAt),
    answered,
  });

  it('lists unanswered comments by due time, marking overdue and due within two hours', () => {
    const queue = responseQueue(
      [
        item('later', '2026-06-10T11:00:00Z'),
        item('overdue', '2026-06-09T08:00:00Z'),
        item('soon', '2026-06-09T13:30:00Z'),
        item('done', '2026-06-08T08:00:00Z', true),
      ],
      now,
      ENGLAND_AND_WALES_SCHOOL,
    );
    expect(queue.map((r) => [r.captureId, r.overdue, r.dueSoon])).toEqual([
      ['overdue', true, false],
      ['soon', false, true],
      ['later', false, false],
    ]);
    expect(answerNowCount(queue)).toBe(2);
  });

  it('shows no badge when nothing is close', () => {
    expect(answerNowCount(responseQueue([item('later', '2026-06-10T11:00:00Z')], now, ENGLAND_AND_WALES_SCHOOL))).toBe(
      0,
    );
  });
});
