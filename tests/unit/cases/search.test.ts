import { describe, expect, it } from 'vitest';
import { postDetails } from '@/lib/extract/postDetails';
import { createCaseRepository } from '@/lib/store';
import type { CaseListQuery } from '@/lib/store/caseRepository';
import { fakeTabs, form, STAFF, testWorld } from '../fixtures';

async function caseWithCapture() {
  const tabs = fakeTabs({
    page: {
      post: postDetails('facebook', { authorName: 'Jamie Parent', text: 'The Year 4 teacher shouted at my son' }),
    },
  });
  const world = await testWorld({ tabs });
  const cases = createCaseRepository(world.db, world.clock);
  const details = {
    title: 'Year 4 posts',
    personPosting: { name: 'J. Parent', profileUrls: [], relationship: 'parent' },
    affected: 'Mrs Y',
    owner: 'Jo Smith',
  };
  await world.capture.captureTab(
    1,
    'visible',
    form({ category: { id: 'threats' }, note: 'Seen by the office manager' }),
    { filing: { newCase: details } },
  );
  const [view] = await cases.recentCases(1);
  /** Does the store's case search, through its indexes, give this case for these filters? */
  const found = async (filters: Omit<CaseListQuery, 'limit'>) =>
    (await cases.listCaseRows({ limit: 10, ...filters })).rows.some((row) => row.id === view!.id);
  return { view: view!, cases, found };
}

describe('case search and filters, through the store’s indexes (issue #17)', () => {
  it('finds a case by words in its title, people, capture notes and post text', async () => {
    const { found } = await caseWithCapture();
    for (const text of ['year 4 posts', 'J. Parent', 'office manager', 'shouted teacher', 'Jamie', 'SHOUT'])
      expect(await found({ text }), text).toBe(true);
    expect(await found({ text: 'shouted reception' })).toBe(false);
    expect(await found({ text: 'outed' })).toBe(false); // words are found by their beginnings
  });

  it('filters by status, category, platform and date of activity', async () => {
    const { found } = await caseWithCapture();
    expect(await found({ status: 'open', category: 'threats', platform: 'facebook', activeSince: '2026-06-01' })).toBe(
      true,
    );
    expect(await found({ text: 'jamie', status: 'open', category: 'threats' })).toBe(true);
    expect(await found({ status: 'closed' })).toBe(false);
    expect(await found({ category: 'defamation' })).toBe(false);
    expect(await found({ platform: 'x' })).toBe(false);
    expect(await found({ activeSince: '2026-07-01' })).toBe(false);
    expect(await found({ text: 'jamie', activeSince: '2026-07-01' })).toBe(false);
  });

  it('finds words in recorded actions', async () => {
    const { view, cases, found } = await caseWithCapture();
    await cases.recordAction(
      view.id,
      {
        step: 'platform-report',
        date: '2026-06-02',
        who: 'Jo Smith',
        outcome: 'Facebook ticket 8841',
        attachments: [],
      },
      STAFF,
    );
    expect(await found({ text: 'ticket 8841' })).toBe(true);
  });
});
