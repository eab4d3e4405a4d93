import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '@/lib/retention/rules';
import { createCaseRepository } from '@/lib/store';
import { createRetentionReview, reviewDue } from '@/lib/store/retentionReview';
import { STAFF, caseDetails, form, testWorld } from '../fixtures';

const LONDON = 'Europe/London';
/** A store as of 1 June 2026 (the test clock): an unfiled and a filed capture, an open and a closed case. */
async function store() {
  const world = await testWorld();
  const cases = createCaseRepository(world.db, world.clock);
  const open = await cases.openCase(caseDetails('Still open'), STAFF);
  const closed = await cases.openCase(caseDetails('Closed one'), STAFF);
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

  it('keeps an item until a later day with its reason: an audit entry, off the list until that day, then back', async () => {
    const { world, open, unfiled } = await store();
    const review = createRetentionReview(world.db, world.settings);
    const aYearOn = new Date('2027-06-02T12:00:00Z');
    const kinds = async (on: Date) =>
      (await review.due(on, 50)).items.map((i) => ('captureId' in i ? i.captureId : i.caseId));
    expect(await kinds(aYearOn)).toEqual([unfiled.id, open.id]);

    await review.keep(
      { captureId: unfiled.id },
      { until: '2027-12-01', reason: 'Parent has posted again' },
      STAFF,
      aYearOn,
    );
    await review.keep({ caseId: open.id }, { until: '2027-09-01', reason: 'Police still looking' }, STAFF, aYearOn);
    expect(await kinds(aYearOn)).toEqual([]);
    expect(await kinds(new Date('2027-08-31T12:00:00Z'))).toEqual([]);
    const september = await review.due(new Date('2027-09-01T12:00:00Z'), 50);
    expect(september.items).toEqual([expect.objectContaining({ caseId: open.id, reviewDate: '2027-09-01' })]);
    expect(await kinds(new Date('2027-12-01T12:00:00Z'))).toEqual([open.id, unfiled.id]);

    // Each decision is in the item's own history, in words.
    const history = (await world.evidence.getCapture(unfiled.id))!.history;
    expect(history.at(-1)?.event).toEqual({
      action: 'capture.kept',
      captureId: unfiled.id,
      until: '2027-12-01',
      reason: 'Parent has posted again',
    });
    const { describeEvent } = await import('@/lib/audit');
    expect(describeEvent(history.at(-1)!.event)).toBe(
      'kept at its retention review until 2027-12-01: “Parent has posted again”',
    );
    // A decision is not activity: the case's last activity stays where it was.
    expect((await world.db.cases.get(open.id))!.lastActivityUtc.startsWith('2026-06-01')).toBe(true);
  });

  it('refuses a decision without a reason, for today or earlier, or about nothing, and changes nothing', async () => {
    const { world, unfiled } = await store();
    const review = createRetentionReview(world.db, world.settings);
    const on = new Date('2027-06-02T12:00:00Z');
    const before = await world.db.audit.count();
    await expect(
      review.keep({ captureId: unfiled.id }, { until: '2027-12-01', reason: ' ' }, STAFF, on),
    ).rejects.toThrow('Say why it is kept.');
    await expect(
      review.keep({ captureId: unfiled.id }, { until: '2027-06-02', reason: 'x' }, STAFF, on),
    ).rejects.toThrow('Keep it until a day after today.');
    await expect(review.keep({ captureId: unfiled.id }, { until: 'soon', reason: 'x' }, STAFF, on)).rejects.toThrow(
      'Give the day to keep it until.',
    );
    await expect(
      review.keep({ caseId: crypto.randomUUID() }, { until: '2027-12-01', reason: 'x' }, STAFF, on),
    ).rejects.toThrow('That case no longer exists.');
    expect(await world.db.audit.count()).toBe(before);
  });

  it('takes only this school’s own decisions: a sender’s, received with a capture, does not keep it here', async () => {
    const { world, unfiled } = await store();
    const { summaryOf } = await import('@/lib/store/captureSummary');
    const history = (await world.evidence.getCapture(unfiled.id))!.history;
    const kept = (until: string) => ({
      ...history[0]!,
      event: { action: 'capture.kept' as const, captureId: unfiled.id, until, reason: 'theirs' },
    });
    const received = { ...kept('2030-01-01'), receivedFrom: { keyFingerprint: 'k', manifestSha256: 'm' } };
    expect(summaryOf(unfiled, [received, ...history]).keptUntil).toBeUndefined();
    expect(summaryOf(unfiled, [received, ...history, kept('2028-01-01')]).keptUntil).toBe('2028-01-01');
  });
});
