import { describe, expect, it } from 'vitest';
import { summaryOf } from '@/lib/store/captureSummary';
import { findChainBreaks } from '@/lib/audit';
import { ExhibitError } from '@/lib/errors';
import { STAFF, form, testWorld } from '../fixtures';

describe('evidence repository', () => {
  it('writes nothing when the disk is full part-way through a capture, and says so plainly', async () => {
    const world = await testWorld();
    world.db.audit.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await world.capture.captureTab(1, 'visible', form()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExhibitError);
    expect(error).toMatchObject({
      code: 'storage-full',
      message: expect.stringContaining('storage for Exhibit is full'),
    });
    // It offers what staff can do: Exhibit cannot remove evidence, so it must not tell them to.
    expect((error as Error).message).toContain('Free some space on this computer’s disk');
    expect((error as Error).message).not.toMatch(/remove/i);
    expect(await world.db.captures.count()).toBe(0);
    expect(await world.db.files.count()).toBe(0);
    expect(await world.db.audit.count()).toBe(0);
  });

  it('refuses a file whose hash does not match its metadata, before writing', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const copy = { ...metadata, id: crypto.randomUUID() };
    const wrong = new Map(metadata.artefacts.map((a) => [a.fileName, new Blob(['not the bytes that were hashed'])]));
    await expect(world.evidence.saveCapture(copy, wrong)).rejects.toMatchObject({ code: 'capture-failed' });
    expect(await world.db.captures.count()).toBe(1);
  });

  it('lists captures newest first', async () => {
    const world = await testWorld();
    const first = await world.capture.captureTab(1, 'visible', form());
    const second = await world.capture.captureTab(1, 'visible', form());
    const list = await world.evidence.listCaptures();
    expect(list.map((v) => v.metadata.id)).toEqual([second.metadata.id, first.metadata.id]);
  });

  it('records edits in the audit log without touching the original', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form({ note: 'original note' }));
    await world.evidence.editCapture(metadata.id, { field: 'note', to: 'corrected note' }, STAFF);
    const edited = await world.evidence.editCapture(metadata.id, { field: 'category', to: { id: 'threats' } }, STAFF);

    expect(edited.current).toMatchObject({ note: 'corrected note', category: { id: 'threats' } });
    expect(edited.metadata.note).toBe('original note');
    expect((await world.db.captures.get(metadata.id))!.metadata).toEqual(metadata);
    expect(edited.history.map((e) => e.event.action)).toEqual(['capture.created', 'capture.edited', 'capture.edited']);
    expect(edited.history[1]!.event).toMatchObject({
      change: { field: 'note', from: 'original note', to: 'corrected note' },
    });
    expect(findChainBreaks(await world.db.audit.orderBy('seq').toArray())).toEqual([]);
  });

  it('audits corrections of the post details and keeps the values read from the page', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    expect(metadata.post?.authorHandle).toBeNull();
    await world.evidence.editCapture(metadata.id, { field: 'post', key: 'authorHandle', to: ' @aparent ' }, STAFF);
    const edited = await world.evidence.editCapture(
      metadata.id,
      { field: 'post', key: 'authorName', to: 'A. Parent (Jamie)' },
      STAFF,
    );

    expect(edited.current.post).toMatchObject({
      authorHandle: '@aparent',
      authorName: 'A. Parent (Jamie)',
      permalink: 'https://social.example/posts/123',
    });
    expect((await world.db.captures.get(metadata.id))!.metadata.post).toMatchObject({
      authorHandle: null,
      authorName: 'A Parent',
    });
    expect(edited.history.at(-1)!.event).toMatchObject({
      change: { field: 'post', key: 'authorName', from: 'A Parent', to: 'A. Parent (Jamie)' },
    });
    expect((await world.evidence.getCapture(metadata.id))!.current.post.authorHandle).toBe('@aparent');
  });

  it('records nothing for an edit that changes nothing', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form({ note: 'same' }));
    await world.evidence.editCapture(metadata.id, { field: 'note', to: 'same' }, STAFF);
    expect(await world.db.audit.count()).toBe(1);
  });
});

describe('the list row’s summary (issue #17)', () => {
  /** The row and the capture's own view, folded from its history, agree. */
  async function expectRowInStep(world: Awaited<ReturnType<typeof testWorld>>, id: string) {
    const [row, view] = [(await world.db.captures.get(id))!, (await world.evidence.getCapture(id))!];
    expect(row.summary).toEqual(summaryOf(view.metadata, view.history));
    expect(row.summary.category).toEqual(view.current.category);
    expect(row.summary.receivedFrom).toBe(view.receivedFrom);
    expect(row.caseId).toBe(view.caseId);
  }

  it('is kept in step with the audit log: at capture, after an edit, a filing into a case, and on both sides of an import with the sender’s later edits', async () => {
    const { createBundleReceiver, createCaseRepository } = await import('@/lib/store');
    const { createImportFlow } = await import('@/lib/bundle/importFlow');
    const sender = await testWorld();
    const { metadata } = await sender.capture.captureTab(1, 'visible', form({ category: { id: 'defamation' } }));
    await expectRowInStep(sender, metadata.id);
    await sender.evidence.editCapture(metadata.id, { field: 'category', to: { id: 'threats' } }, STAFF);
    await sender.evidence.editCapture(metadata.id, { field: 'note', to: 'seen twice' }, STAFF);
    expect((await sender.db.captures.get(metadata.id))!.summary).toMatchObject({ category: { id: 'threats' } });
    expect((await sender.db.captures.get(metadata.id))!.summary.words).toEqual(
      expect.arrayContaining(['seen', 'twice']),
    );
    await expectRowInStep(sender, metadata.id);
    const cases = createCaseRepository(sender.db, sender.clock);
    const opened = await cases.openCase(
      { title: 'Threats', personPosting: { name: 'A', profileUrls: [], relationship: '' }, affected: '', owner: 'Jo' },
      STAFF,
    );
    await cases.fileCapture(metadata.id, opened.id, STAFF);
    await expectRowInStep(sender, metadata.id);

    const receiver = await testWorld({ profile: { ...STAFF, name: 'Dee Lead', email: 'dee@northwick.example' } });
    const flow = createImportFlow({
      receiver: createBundleReceiver(receiver.db, receiver.clock),
      actor: async () => STAFF,
      trustedSenders: receiver.settings.getTrustedSenders,
    });
    await flow.importBundle(
      (await sender.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF })).zip,
      () => undefined,
    );
    expect((await receiver.db.captures.get(metadata.id))!.summary).toMatchObject({
      category: { id: 'threats' },
      receivedFrom: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    await expectRowInStep(receiver, metadata.id);
    // The sender edits again and sends again: the receiver's row follows.
    await sender.evidence.editCapture(metadata.id, { field: 'category', to: { id: 'racist-comments' } }, STAFF);
    await flow.importBundle(
      (await sender.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF })).zip,
      () => undefined,
    );
    expect((await receiver.db.captures.get(metadata.id))!.summary.category).toEqual({ id: 'racist-comments' });
    await expectRowInStep(receiver, metadata.id);
  });
});

describe('comments needing a response', () => {
  it('are kept on the due list’s own index in step with the audit log: added with the capture, gone with the answer, received as the sender left them (issue #17)', async () => {
    const { createBundleReceiver } = await import('@/lib/store');
    const { createImportFlow } = await import('@/lib/bundle/importFlow');
    const sender = await testWorld();
    const open = (await sender.capture.captureTab(1, 'visible', form({ needsResponse: true }))).metadata;
    const answered = (await sender.capture.captureTab(1, 'visible', form({ needsResponse: true }))).metadata;
    await sender.capture.captureTab(1, 'visible', form());
    expect((await sender.db.openResponses.toArray()).map((r) => r.captureId).sort()).toEqual(
      [open.id, answered.id].sort(),
    );
    await sender.evidence.answerResponse(answered.id, 'Replied on the page', STAFF);
    expect((await sender.db.openResponses.toArray()).map((r) => r.captureId)).toEqual([open.id]);

    const bundle = await sender.exporter.exportBundle({ captureIds: [open.id, answered.id], exportedBy: STAFF });
    const receiver = await testWorld({ profile: { ...STAFF, name: 'Dee Lead', email: 'dee@northwick.example' } });
    const flow = createImportFlow({
      receiver: createBundleReceiver(receiver.db, receiver.clock),
      actor: async () => STAFF,
      trustedSenders: receiver.settings.getTrustedSenders,
    });
    await flow.importBundle(bundle.zip, () => undefined);
    expect(await receiver.db.openResponses.toArray()).toEqual([
      { captureId: open.id, receivedAtUtc: open.responseReceivedAtUtc },
    ]);
    // The list and each capture's own history agree.
    const { ENGLAND_AND_WALES_SCHOOL } = await import('@/lib/policy');
    for (const world of [sender, receiver]) {
      const pending = await world.evidence.pendingResponses(new Date('2026-06-02T10:00:00Z'), ENGLAND_AND_WALES_SCHOOL);
      expect(pending.map((p) => p.captureId)).toEqual([open.id]);
      for (const id of [open.id, answered.id]) {
        const history = (await world.evidence.getCapture(id))!.history;
        expect(history.some((e) => e.event.action === 'response.answered')).toBe(id === answered.id);
      }
    }
  });

  it('takes the post’s own time as received, lists it by due time, and drops it once answered', async () => {
    const { fakeTabs, pageReading } = await import('../fixtures');
    const { postDetails } = await import('@/lib/extract/postDetails');
    const { ENGLAND_AND_WALES_SCHOOL } = await import('@/lib/policy');
    const tabs = fakeTabs({
      readPage: async () => pageReading({ post: postDetails('facebook', { postedAtIso: '2026-05-29T16:00:00Z' }) }),
    });
    const world = await testWorld({ tabs });
    const { metadata } = await world.capture.captureTab(1, 'visible', form({ needsResponse: true }));
    await world.capture.captureTab(1, 'visible', form()); // not a comment on the school's account
    expect(metadata.responseReceivedAtUtc).toBe('2026-05-29T16:00:00.000Z');

    const pending = await world.evidence.pendingResponses(new Date('2026-05-30T10:00:00Z'), ENGLAND_AND_WALES_SCHOOL);
    expect(pending.map((p) => [p.captureId, p.dueAt.toISOString(), p.overdue, p.dueSoon])).toEqual([
      [metadata.id, '2026-05-30T16:00:00.000Z', false, false],
    ]);

    await expect(world.evidence.answerResponse(metadata.id, ' ', STAFF)).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await world.evidence.answerResponse(metadata.id, 'Replied on the page', STAFF);
    expect(await world.evidence.pendingResponses(new Date('2026-05-30T10:00:00Z'), ENGLAND_AND_WALES_SCHOOL)).toEqual(
      [],
    );
    expect((await world.evidence.getCapture(metadata.id))!.history.at(-1)!.event).toEqual({
      action: 'response.answered',
      captureId: metadata.id,
      how: 'Replied on the page',
    });
  });

  it('uses the capture time when the page gives no machine-readable time, or a time after the capture', async () => {
    const { fakeTabs, pageReading } = await import('../fixtures');
    const { postDetails } = await import('@/lib/extract/postDetails');
    for (const postedAtIso of [null, '3h', '2099-01-01T00:00:00Z']) {
      const tabs = fakeTabs({ readPage: async () => pageReading({ post: postDetails('facebook', { postedAtIso }) }) });
      const { metadata } = await (
        await testWorld({ tabs })
      ).capture.captureTab(1, 'visible', form({ needsResponse: true }));
      expect(metadata.responseReceivedAtUtc, String(postedAtIso)).toBe(metadata.capturedAtUtc);
    }
  });
});
