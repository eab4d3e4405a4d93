import { describe, expect, it } from 'vitest';
import { badgeOf } from '@/lib/badge';

describe('the toolbar badge (issues #4, #18)', () => {
  it('tells comments to answer from records due for a decision, by letter and colour, and says each in words', () => {
    expect(badgeOf({ responses: 0, reviews: 0, requests: 0 })).toEqual({
      text: '',
      color: '#b91c1c',
      title: 'Exhibit',
    });
    expect(badgeOf({ responses: 3, reviews: 0, requests: 0 })).toEqual({
      text: '3',
      color: '#b91c1c',
      title: 'Exhibit: 3 comment(s) to answer now',
    });
    expect(badgeOf({ responses: 0, reviews: 4, requests: 1 })).toEqual({
      text: 'R5',
      color: '#1d4ed8',
      title: 'Exhibit: 4 record(s) due for retention review; 1 subject access reply(ies) due within a week',
    });
    expect(badgeOf({ responses: 2, reviews: 4, requests: 0 }).text).toBe('2+R');
    expect(badgeOf({ responses: 0, reviews: 99, moreReviews: true, requests: 0 }).text).toBe('R99+');
    expect(badgeOf({ responses: 120, reviews: 0, requests: 0 }).text).toBe('99+');
  });
});
