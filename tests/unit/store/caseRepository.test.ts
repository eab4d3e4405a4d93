import { describe, expect, it } from 'vitest';
import { findChainBreaks } from '@/lib/audit';
import type { CaseAction, CaseDetails } from '@/lib/cases/case';
import { sha256OfBlob } from '@/lib/hash';
import { createCaseRepository } from '@/lib/store';
import { STAFF, form, testWorld } from '../fixtures';

const details: CaseDetails = {
  title: 'Village Parents Group posts about Year 4',
  personPosting: {
    name: 'J. Parent',
    profileUrls: ['https://www.facebook.com/jamie.parent.77'],
    relationship: 'parent of a pupil in Year 4',
  },
  affected: 'Mrs Y (class teacher)',
  owner: 'Jo Smith',
};
const warning: CaseAction = {
  step: 'written-warning',
  date: '2026-06-03',
  who: 'Jo Smith',
  outcome: 'Letter sent by post and email',
  attachments: [],
};

async function world() {
  const w = await testWorld();
  return { ...w, cases: createCaseRepository(w.db, w.clock) };
}

describe('cases', () => {
  it('lists a case’s captures in the order they were taken, not by id', async () => {
    const { cases, capture } = await world();
    const opened = await cases.openCase(details, STAFF);
    const taken: string[] = [];
    for (let i = 0; i < 6; i++)
      taken.push((await capture.captureTab(1, 'visible', form(), { filing: { caseId: opened.id } })).metadata.id);
    expect((await cases.getCase(opened.id))!.captureIds).toEqual(taken); // by id, this order would come 1 time in 720
  });

  it('opens a case, files captures in it and records actions, each in the audit chain', async () => {
    const { cases, capture, db } = await world();
    const opened = await cases.openCase(details, STAFF);
    expect(opened).toMatchObject({ status: 'open', details, captureIds: [], actions: [] });

    const first = await capture.captureTab(1, 'visible', form());
    const second = await capture.captureTab(1, 'visible', form());
    await cases.fileCapture(first.metadata.id, opened.id, STAFF);
    await cases.fileCapture(second.metadata.id, opened.id, STAFF);
    const warningId = await cases.recordAction(opened.id, warning, STAFF);
    await cases.recordAction(
      opened.id,
      {
        step: 'police-referral',
        date: '2026-06-05',
        who: 'Jo Smith',
        outcome: 'Reported',
        police: { force: 'Metropolitan Police', crimeReference: 'CR/0123/26', officer: 'PC 123 Smith' },
        attachments: [],
      },
      STAFF,
    );

    const view = (await cases.getCase(opened.id))!;
    expect(view.captureIds).toEqual([first.metadata.id, second.metadata.id]);
    expect(view.actions.map((a) => a.current.step)).toEqual(['written-warning', 'police-referral']);
    expect(view.actions[0]!.actionId).toBe(warningId);
    // The chronology: captures, filing and actions in the order they happened, each with who and when.
    expect(view.chronology.map((e) => e.event.action)).toEqual([
      'case.opened',
      'capture.created',
      'capture.created',
      'capture.filed',
      'capture.filed',
      'action.recorded',
      'action.recorded',
    ]);
    expect(view.chronology.every((e) => e.actor.name === 'Jo Smith' && e.at)).toBe(true);
    expect(findChainBreaks(await db.audit.orderBy('seq').toArray())).toEqual([]);
  });

  it('corrects an action with a later entry and keeps the original', async () => {
    const { cases } = await world();
    const { id } = await cases.openCase(details, STAFF);
    const actionId = await cases.recordAction(id, warning, STAFF);
    const view = await cases.correctAction(
      id,
      actionId,
      { ...warning, date: '2026-06-02' },
      'Letter was sent the day before',
      STAFF,
    );
    const action = view.actions[0]!;
    expect(action.current.date).toBe('2026-06-02');
    expect(action.history.map((e) => e.event.action)).toEqual(['action.recorded', 'action.corrected']);
    expect(action.history[0]!.event).toMatchObject({ details: { date: '2026-06-03' } });
    await expect(cases.correctAction(id, actionId, warning, '  ', STAFF)).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('needs a note to close a case', async () => {
    const { cases } = await world();
    const { id } = await cases.openCase(details, STAFF);
    await expect(cases.setStatus(id, 'closed', '', STAFF)).rejects.toMatchObject({
      message: 'Say why the case is being closed.',
    });
    expect((await cases.setStatus(id, 'escalated', '', STAFF)).status).toBe('escalated');
    const closed = await cases.setStatus(id, 'closed', 'Posts removed; parent apologised', STAFF);
    expect(closed.status).toBe('closed');
    expect(closed.chronology.at(-1)!.event).toMatchObject({
      action: 'case.status',
      from: 'escalated',
      to: 'closed',
      note: 'Posts removed; parent apologised',
    });
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const { cases, db } = await world();
    await expect(cases.openCase({ ...details, title: ' ' }, STAFF)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'Give the case a title. (title)',
    });
    await expect(
      cases.openCase(
        { ...details, personPosting: { ...details.personPosting, profileUrls: ['javascript:alert(1)'] } },
        STAFF,
      ),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('must start with http') });
    expect(await db.cases.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('lists cases most recently active first, and moves a capture between cases', async () => {
    const { cases, capture, db } = await world();
    const a = await cases.openCase({ ...details, title: 'A' }, STAFF);
    const b = await cases.openCase({ ...details, title: 'B' }, STAFF);
    const { metadata } = await capture.captureTab(1, 'visible', form());
    await cases.fileCapture(metadata.id, b.id, STAFF);
    await cases.recordAction(a.id, warning, STAFF);
    expect((await cases.listCases()).map((c) => c.details.title)).toEqual(['A', 'B']);
    await cases.fileCapture(metadata.id, a.id, STAFF);
    expect((await cases.getCase(a.id))!.captureIds).toEqual([metadata.id]);
    expect((await cases.getCase(b.id))!.captureIds).toEqual([]);
    const moved = (await db.audit.orderBy('seq').last())!.event;
    expect(moved).toMatchObject({ action: 'capture.filed', caseId: a.id, previousCaseId: b.id });
  });
});

describe('capturing into a case', () => {
  it('opens a new case with the capture, in the capture’s own transaction', async () => {
    const { cases, capture } = await world();
    const { metadata } = await capture.captureTab(1, 'visible', form(), { filing: { newCase: details } });
    const [opened] = await cases.listCases();
    expect(opened).toMatchObject({ details, captureIds: [metadata.id] });
    expect(opened!.chronology.map((e) => e.event.action)).toEqual(['case.opened', 'capture.created', 'capture.filed']);
  });

  it('files into an existing case', async () => {
    const { cases, capture } = await world();
    const { id } = await cases.openCase(details, STAFF);
    const { metadata } = await capture.captureTab(1, 'visible', form(), { filing: { caseId: id } });
    expect((await cases.getCase(id))!.captureIds).toEqual([metadata.id]);
  });

  it('saves nothing, not even the new case, when the capture fails to store', async () => {
    const { capture, db } = await world();
    db.files.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(capture.captureTab(1, 'visible', form(), { filing: { newCase: details } })).rejects.toMatchObject({
      code: 'storage-full',
    });
    expect([await db.cases.count(), await db.captures.count(), await db.audit.count()]).toEqual([0, 0, 0]);
  });

  it('refuses a case that no longer exists, saving nothing', async () => {
    const { capture, db } = await world();
    await expect(
      capture.captureTab(1, 'visible', form(), { filing: { caseId: crypto.randomUUID() } }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await db.captures.count()).toBe(0);
  });
});

describe('attachments to actions', () => {
  it('stores each file with its hash under the action, in the action’s transaction, and keeps them through corrections', async () => {
    const { cases } = await world();
    const { id } = await cases.openCase(details, STAFF);
    const letter = new File(['%PDF-1.7 scanned letter'], 'Warning letter (signed).pdf', { type: 'application/pdf' });
    const actionId = await cases.recordAction(id, warning, STAFF, [letter]);
    const recorded = (await cases.getCase(id))!.actions[0]!.current.attachments;
    expect(recorded).toEqual([{ fileName: 'Warning-letter-signed-.pdf', sha256: await sha256OfBlob(letter) }]);
    expect(await (await cases.getAttachment(actionId, 'Warning-letter-signed-.pdf'))!.blob.text()).toBe(
      '%PDF-1.7 scanned letter',
    );

    const reply = new File(['Thanks'], 'reply.txt');
    const corrected = await cases.correctAction(
      id,
      actionId,
      { ...warning, outcome: 'Signed letter sent' },
      'Attach the reply',
      STAFF,
      [reply, new File(['again'], 'reply.txt')],
    );
    expect(corrected.actions[0]!.current.attachments.map((a) => a.fileName)).toEqual([
      'Warning-letter-signed-.pdf',
      'reply.txt',
      '2-reply.txt',
    ]);
  });
});
