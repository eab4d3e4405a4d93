import { describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_TEMPLATE, renderWarningLetter, type LetterData } from '@/lib/cases/warningLetter';

const data: LetterData = {
  school: 'Northwick Park Primary',
  date: '25 November 2026',
  parentName: 'Ms J. Parent',
  posts: [
    {
      capturedAtUtc: '2026-06-01T09:00:00.000Z',
      platform: 'facebook',
      url: 'https://www.facebook.com/groups/x/posts/1',
      category: { id: 'defamation' },
    },
    {
      capturedAtUtc: '2026-06-02T10:00:00.000Z',
      platform: 'x',
      url: 'https://x.com/p/status/2',
      category: { id: 'threats' },
    },
  ],
  staffName: 'Jo Smith',
  staffRole: 'Head of School',
};

describe('written warning letter', () => {
  it('fills every field: school, date, parent, each post with date, platform and URL, the policy wording, the signatory', () => {
    const letter = renderWarningLetter(DEFAULT_WARNING_TEMPLATE, data);
    for (const text of [
      'Northwick Park Primary',
      '25 November 2026',
      'Dear Ms J. Parent,',
      'facebook, 2026-06-01',
      'https://www.facebook.com/groups/x/posts/1',
      'x, 2026-06-02',
      'Jo Smith',
      'Head of School',
    ]) {
      expect(letter, text).toContain(text);
    }
    expect(letter).toContain(
      '“Making defamatory statements about the school, Trust or staff at the school”; “Posting comments which threaten staff/children”',
    );
    expect(letter).toContain('remove this material');
    expect(letter).not.toMatch(/\{\{\w+\}\}/);
  });

  it('escapes values and the template itself, so neither can add markup', () => {
    const hostile = renderWarningLetter('<script>alert(1)</script>{{parentName}} {{unknown}}', {
      ...data,
      parentName: '<img src=x onerror=alert(2)>',
      posts: [{ ...data.posts[0]!, url: 'https://x.com/"><script>alert(3)</script>' }],
    });
    expect(hostile).not.toMatch(/<script|<img/i);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(hostile).toContain('{{unknown}}');
    expect(hostile).toContain(`default-src 'none'`);
  });

  it('addresses the letter to Parent/Carer when no name is known', () => {
    expect(renderWarningLetter('Dear {{parentName}},', { ...data, parentName: '' })).toContain('Dear Parent/Carer,');
  });
});
