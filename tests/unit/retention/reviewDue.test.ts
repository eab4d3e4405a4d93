import { describe, expect, it } from 'vitest';
import type { CaseDetails } from '@/lib/cases/case';
import { DEFAULT_RETENTION } from '@/lib/retention/rules';
import { createCaseRepository } from '@/lib/store';
import { reviewDue } from '@/lib/store/retentionReview';
import { STAFF, form, testWorld } from '../fixtures';

const LONDON = 'Europe/London';
const details = (title: string): CaseDetails => ({
  title,
  personPosting: { name: 'Sam Poster', profileUrls: [], relationship: '' },
  affected: '',
  owner: 'Jo Smith',
});

/** A store as of 1 June 2026 (the test clock): an unfiled and a filed capture, an open and a closed case. */
async function store() {
  const world = await testWorld();
  const cases = createCaseRepository(world.db, world.clock);
  const open = await cases.openCase(details('Still open'), STAFF);
  const closed = await cases.openCase(details('Closed one'), STAFF);
  const unfiled = (await world.capture.captureTab(1, 'visible', form())).metadata;
  const filed = (await world.capture.captureTab(1, 'visible', form(), { filing: { caseId: open.id } })).metadata;
  await cases.setStatus(closed.id, 'closed', 'Post removed', STAFF);
  const due = async (on: string, settings = DEFAULT_RETENTION) =>
    (await reviewDue(world.db, new Date(on), settings, LONDON)).items;
  return { world, cases, open, closed, unfiled, filed, due };
}

describe('review due (issue #18)', () => {
  it('lists each kind on its review date in the school’s zone, not a day before, read through indexes', async () => {
    const { open, closed, unfiled, filed, due } = await store();
    // Everything happened on 1 June 2026 (London); a year on, the unfiled capture and the quiet case are due.
    expect(await due('2027-05-31T22:59:00Z')).toEqual([]); // 23:59 on 31 May, London summer time
    const aYearOn = await due('2027-05-31T23:00:00Z'); // 00:00 on 1 June in London
    expect(aYearOn.map((i) => i.kind)).toEqual(['unfiled-capture', 'inactive-case']);
    expect(aYearOn[0]).toMatchObject({ captureId: unfiled.id, reviewDate: '2027-06-01', reference: unfiled.reference });
    expect(aYearOn[1]).toMatchObject({ caseId: open.id, title: 'Still open', reviewDate: '2027-06-01' });
    expect(aYearOn.some((i) => 'captureId' in i && i.captureId === filed.id)).toBe(false);
    // The closed case six years after closing, and not the open one as closed.
    const sixYearsOn = await due('2032-06-01T12:00:00Z');
    expect(sixYearsOn.filter((i) => i.kind === 'closed-case')).toEqual([
      expect.objectContaining({ caseId: closed.id, title: 'Closed one', reviewDate: '2032-06-01' }),
    ]);
    expect((await due('2032-05-31T12:00:00Z')).some((i) => i.kind === 'closed-case')).toBe(false);
  });

  it('follows the school’s settings and the cases’ changes', async () => {
    const { cases, open, closed, unfiled, due } = await store();
    const short = { closedCaseYears: 1, unfiledCaptureMonths: 1, inactiveCaseMonths: 2 };
    expect((await due('2026-07-01T12:00:00Z', short)).map((i) => i.kind)).toEqual(['unfiled-capture']);
    expect((await due('2026-08-01T12:00:00Z', short)).map((i) => i.kind)).toEqual(['unfiled-capture', 'inactive-case']);
    // Reopened: no longer a closed case, and it was active today.
    await cases.setStatus(closed.id, 'open', 'More posts', STAFF);
    expect((await due('2027-06-02T12:00:00Z', short)).filter((i) => 'caseId' in i && i.caseId === closed.id)).toEqual([
      expect.objectContaining({ kind: 'inactive-case' }),
    ]);
    // Filed in a case, a capture is no longer reviewed as unfiled (both cases, quiet, are).
    await cases.fileCapture(unfiled.id, open.id, STAFF);
    expect((await due('2026-08-01T12:00:00Z', short)).map((i) => i.kind)).toEqual(['inactive-case', 'inactive-case']);
  });

  it('shows at most as many as asked, the oldest review dates first, and says there are more', async () => {
    const { world, unfiled } = await store();
    const second = (await world.capture.captureTab(1, 'visible', form())).metadata;
    const first = await reviewDue(world.db, new Date('2027-07-01T12:00:00Z'), DEFAULT_RETENTION, LONDON, 2);
    expect(first.more).toBe(true);
    expect(first.items.map((i) => ('captureId' in i ? i.captureId : i.kind))).toEqual([unfiled.id, 'inactive-case']);
    const all = await reviewDue(world.db, new Date('2027-07-01T12:00:00Z'), DEFAULT_RETENTION, LONDON, 10);
    expect(all.more).toBe(false);
    expect(all.items.at(-1)).toMatchObject({ captureId: second.id });
  });
});
