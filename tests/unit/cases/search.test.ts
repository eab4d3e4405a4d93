import { describe, expect, it } from 'vitest';
import { caseMatches } from '@/lib/cases/search';
import { postDetails } from '@/lib/extract/postDetails';
import { createCaseRepository } from '@/lib/store';
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
  const [view] = await cases.listCases();
  const captures = await Promise.all(view!.captureIds.map((id) => world.evidence.getCapture(id)));
  return { view: view!, captures: captures.map((c) => c!), cases };
}

describe('case search and filters', () => {
  it('finds a case by words in its title, people, capture notes and post text', async () => {
    const { view, captures } = await caseWithCapture();
    for (const text of ['year 4 posts', 'J. Parent', 'office manager', 'shouted teacher', 'Jamie'])
      expect(caseMatches(view, captures, { text }), text).toBe(true);
    expect(caseMatches(view, captures, { text: 'shouted reception' })).toBe(false);
  });

  it('filters by status, category, platform and date of activity', async () => {
    const { view, captures } = await caseWithCapture();
    expect(
      caseMatches(view, captures, {
        status: 'open',
        category: 'threats',
        platform: 'facebook',
        activeSince: '2026-06-01',
      }),
    ).toBe(true);
    expect(caseMatches(view, captures, { status: 'closed' })).toBe(false);
    expect(caseMatches(view, captures, { category: 'defamation' })).toBe(false);
    expect(caseMatches(view, captures, { platform: 'x' })).toBe(false);
    expect(caseMatches(view, captures, { activeSince: '2026-07-01' })).toBe(false);
  });

  it('finds words in recorded actions', async () => {
    const { view, captures, cases } = await caseWithCapture();
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
    const updated = (await cases.getCase(view.id))!;
    expect(caseMatches(updated, captures, { text: 'ticket 8841' })).toBe(true);
  });
});
