import { describe, expect, it } from 'vitest';
import { createWarningLetterFlow } from '@/lib/browser/warningLetterFlow';
import { postDetails } from '@/lib/extract/postDetails';
import { sha256OfBlob } from '@/lib/hash';
import { createCaseRepository } from '@/lib/store';
import { fakeTabs, form, testWorld } from '../fixtures';

describe('drafting the written warning', () => {
  it('saves the letter from the school’s template and records the step with the file’s hash', async () => {
    const tabs = fakeTabs({
      page: { post: postDetails('facebook', { permalink: 'https://www.facebook.com/groups/x/posts/77' }) },
    });
    const world = await testWorld({ tabs });
    const cases = createCaseRepository(world.db, world.clock);
    await world.settings.saveWarningTemplate('Dear {{parentName}}, about {{posts}} — {{staffName}} of {{school}}');
    const newCase = {
      title: 'Year 4',
      personPosting: { name: 'Ms J. Parent', profileUrls: [], relationship: '' },
      affected: '',
      owner: 'Jo Smith',
    };
    await world.capture.captureTab(1, 'visible', form(), { filing: { newCase } });
    const [view] = await cases.listCases();
    const saved: { blob: Blob; name: string }[] = [];
    const draft = createWarningLetterFlow({
      cases,
      evidence: world.evidence,
      settings: world.settings,
      saveFile: async (blob, name) => void saved.push({ blob, name }),
      clock: () => new Date('2026-11-25T10:00:00Z'),
    });

    const { fileName, sha256 } = await draft(view!.id);
    expect(fileName).toBe('warning-letter-year-4-2026-11-25.html');
    const letter = await saved[0]!.blob.text();
    expect(letter).toContain('Dear Ms J. Parent, about');
    expect(letter).toContain(
      'facebook, 2026-06-01: <span class="url">https://www.facebook.com/groups/x/posts/77</span>',
    );
    expect(letter).toContain('Jo Smith of Northwick Park Primary');
    expect(await sha256OfBlob(saved[0]!.blob)).toBe(sha256);
    const action = (await cases.getCase(view!.id))!.actions[0]!.current;
    expect(action).toMatchObject({
      step: 'written-warning',
      date: '2026-11-25',
      who: 'Jo Smith',
      attachments: [{ fileName, sha256 }],
    });
    const kept = await cases.getAttachment((await cases.getCase(view!.id))!.actions[0]!.actionId, fileName);
    expect(await kept!.blob.text()).toBe(letter);
  });

  it('records nothing when saving the letter is cancelled', async () => {
    const world = await testWorld();
    const cases = createCaseRepository(world.db, world.clock);
    await world.capture.captureTab(1, 'visible', form(), {
      filing: {
        newCase: {
          title: 'T',
          personPosting: { name: '', profileUrls: [], relationship: '' },
          affected: '',
          owner: 'Jo',
        },
      },
    });
    const [view] = await cases.listCases();
    const draft = createWarningLetterFlow({
      cases,
      evidence: world.evidence,
      settings: world.settings,
      saveFile: async () => Promise.reject(new Error('Download canceled by the user')),
    });
    await expect(draft(view!.id)).rejects.toThrow();
    expect((await cases.getCase(view!.id))!.actions).toEqual([]);
  });
});
