import { describe, expect, it } from 'vitest';
import type { CaptureMetadata } from '@/lib/capture/metadata';
import { createBundleReceiver, createCaseRepository } from '@/lib/store';
import { caseSummaryFolded } from '@/lib/store/caseFold';
import { createImportFlow } from '@/lib/bundle/importFlow';
import { STAFF, caseDetails, caseRowSummaryOf, fakeTabs, form, testWorld } from '../fixtures';

// Issue #17: lists read rows through indexes, and the summaries on those rows never disagree with
// what the history folds to.

async function world(options: Parameters<typeof testWorld>[0] = {}) {
  const w = await testWorld(options);
  return { ...w, cases: createCaseRepository(w.db, w.clock) };
}
type World = Awaited<ReturnType<typeof world>>;

/** Every case's row carries what its folded view gives. */
async function expectCaseRowsInStep({ db }: World) {
  const rows = await db.cases.toArray();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(caseRowSummaryOf(row), row.details.title).toEqual(await caseSummaryFolded(db, row.id));
  }
}

describe('a case row’s summary (issue #17)', () => {
  it('is kept in step through every change to the case and its captures', async () => {
    const w = await world();
    const first = await w.cases.openCase(caseDetails('Year 4 trip posts'), STAFF);
    const second = await w.cases.openCase(caseDetails('Fundraiser comments', 'Alex Other'), STAFF);
    await expectCaseRowsInStep(w);
    const into = (await w.capture.captureTab(1, 'visible', form(), { filing: { caseId: first.id } })).metadata;
    const withNew = (
      await w.capture.captureTab(1, 'visible', form(), { filing: { newCase: caseDetails('Opened with a capture') } })
    ).metadata;
    expect((await w.db.cases.get(first.id))!.summary.captureCount).toBe(1);
    await expectCaseRowsInStep(w);
    await w.evidence.editCapture(into.id, { field: 'note', to: 'later note' }, STAFF);
    await expectCaseRowsInStep(w);
    const { createRedactionRepository } = await import('@/lib/store');
    await createRedactionRepository(w.db, w.clock).saveRedaction(
      into.id,
      'screenshot.png',
      [{ x: 0, y: 0, width: 1, height: 1 }],
      async (blob) => blob,
      STAFF,
    );
    await expectCaseRowsInStep(w);
    await w.cases.changeDetails(first.id, caseDetails('Year 4 trip, renamed', 'Pat Renamed'), STAFF);
    await w.cases.setStatus(second.id, 'escalated', '', STAFF);
    const actionId = await w.cases.recordAction(
      first.id,
      {
        step: 'written-warning',
        date: '2026-06-03',
        who: 'Jo Smith',
        outcome: 'Letter sent',
        attachments: [],
      },
      STAFF,
    );
    await w.cases.correctAction(
      first.id,
      actionId,
      { step: 'written-warning', date: '2026-06-04', who: 'Jo Smith', outcome: 'Letter sent', attachments: [] },
      'wrong day',
      STAFF,
    );
    await expectCaseRowsInStep(w);
    // Moved from one case to another: the one it leaves counts one fewer.
    await w.cases.fileCapture(into.id, second.id, STAFF);
    expect((await w.db.cases.get(first.id))!.summary.captureCount).toBe(0);
    expect((await w.db.cases.get(second.id))!.summary).toMatchObject({ captureCount: 1, status: 'escalated' });
    await expectCaseRowsInStep(w);
    await w.cases.fileCapture(withNew.id, 'unfiled', STAFF);
    await expectCaseRowsInStep(w);
    // Closed, it is found by when it closed (issue #18); reopened, no longer.
    await w.cases.setStatus(second.id, 'closed', 'Post removed', STAFF);
    await expectCaseRowsInStep(w);
    expect(await w.db.cases.where('closedAtUtc').above('').primaryKeys()).toEqual([second.id]);
    await w.cases.setStatus(second.id, 'open', 'More posts', STAFF);
    await expectCaseRowsInStep(w);
    expect(await w.db.cases.where('closedAtUtc').above('').primaryKeys()).toEqual([]);
  });

  it('follows a comment’s answer, and a case received in a bundle with the sender’s later changes', async () => {
    const sender = await world({ tabs: fakeTabs() });
    const opened = await sender.cases.openCase(caseDetails('Comments on the school page'), STAFF);
    const comment = (
      await sender.capture.captureTab(1, 'visible', form({ needsResponse: true }), { filing: { caseId: opened.id } })
    ).metadata;
    await sender.evidence.answerResponse(comment.id, 'Replied', STAFF);
    await expectCaseRowsInStep(sender);

    const receiver = await world({ profile: { ...STAFF, name: 'Dee Lead', email: 'dee@northwick.example' } });
    const receive = async () => {
      const caseView = (await sender.cases.getCase(opened.id))!;
      const { zip } = await sender.exporter.exportBundle({
        captureIds: caseView.captureIds,
        caseView,
        exportedBy: STAFF,
      });
      const flow = createImportFlow({
        receiver: createBundleReceiver(receiver.db, receiver.clock),
        actor: async () => STAFF,
        trustedSenders: receiver.settings.getTrustedSenders,
      });
      return flow.importBundle(zip, () => undefined);
    };
    await receive();
    await expectCaseRowsInStep(receiver);
    await sender.cases.setStatus(opened.id, 'closed', 'Removed by the parent', STAFF);
    await receive();
    expect((await receiver.db.cases.get(opened.id))!.summary.status).toBe('closed');
    await expectCaseRowsInStep(receiver);
  });
});

describe('choosing a case without reading them all (issue #17)', () => {
  it('gives the most recently active first, at most as many as asked', async () => {
    const w = await world();
    const a = await w.cases.openCase(caseDetails('First'), STAFF);
    const b = await w.cases.openCase(caseDetails('Second'), STAFF);
    await w.cases.openCase(caseDetails('Third'), STAFF);
    await w.capture.captureTab(1, 'visible', form(), { filing: { caseId: a.id } }); // a is now the most recent
    expect((await w.cases.recentCases(2)).map((c) => c.summary.title)).toEqual(['First', 'Third']);
    expect((await w.cases.caseListItem(b.id))?.summary.title).toBe('Second');
  });

  it('finds cases by the beginnings of words in their title and people, every word searched', async () => {
    const w = await world();
    await w.cases.openCase(caseDetails('Year 4 trip posts', 'Jamie Parent', 'Mrs Ward'), STAFF);
    await w.cases.openCase(caseDetails('Fundraiser comments', 'Jamie Other', 'Mrs Ward'), STAFF);
    await w.cases.openCase(caseDetails('Zoë’s café review', 'Élodie Martin', 'Mrs Ward'), STAFF);
    const titles = async (text: string) => (await w.cases.findCases(text, 10)).map((c) => c.summary.title);
    expect(await titles('jam')).toEqual(['Fundraiser comments', 'Year 4 trip posts']);
    expect(await titles('JAMIE trip')).toEqual(['Year 4 trip posts']);
    expect(await titles('élo')).toEqual(['Zoë’s café review']);
    expect(await titles('ward')).toHaveLength(3); // the people affected
    expect(await titles('rip')).toEqual([]); // beginnings only
    expect(await titles('  ')).toHaveLength(3);
  });
});

describe('the capture list (issue #17)', () => {
  it('gives the newest rows first, a window at a time, through the filters', async () => {
    const urls = ['https://www.facebook.com/a', 'https://x.com/b', 'https://www.facebook.com/c'];
    let next = 0;
    const tabs = fakeTabs({
      getTab: async (id) => ({ id, windowId: 1, url: urls[next++ % urls.length], active: true }),
    });
    const w = await world({ tabs });
    const taken: CaptureMetadata[] = [];
    for (let i = 0; i < 6; i++) taken.push((await w.capture.captureTab(1, 'visible', form())).metadata);
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const newestFirst = ids([...taken].reverse());

    const firstWindow = await w.evidence.listCaptureRows({ limit: 4 });
    expect(ids(firstWindow.rows)).toEqual(newestFirst.slice(0, 4));
    expect(firstWindow.more).toBe(true);
    expect((await w.evidence.listCaptureRows({ limit: 6 })).more).toBe(false);

    const facebook = await w.evidence.listCaptureRows({ limit: 10, site: 'www.facebook.com' });
    expect(ids(facebook.rows)).toEqual(newestFirst.filter((_, i) => (5 - i) % 3 !== 1));
    expect(await w.evidence.capturedSites()).toEqual(['www.facebook.com', 'x.com']);

    // The category filter reads the current category, after an edit.
    await w.evidence.editCapture(taken[1]!.id, { field: 'category', to: { id: 'threats' } }, STAFF);
    const threats = await w.evidence.listCaptureRows({ limit: 10, category: 'threats' });
    expect(ids(threats.rows)).toEqual([taken[1]!.id]);
    expect(threats.rows[0]!.summary.category).toEqual({ id: 'threats' });
    expect(ids((await w.evidence.listCaptureRows({ limit: 10, category: 'threats', site: 'x.com' })).rows)).toEqual([
      taken[1]!.id,
    ]);

    const opened = await w.cases.openCase(caseDetails('Filed'), STAFF);
    await w.cases.fileCapture(taken[2]!.id, opened.id, STAFF);
    expect(ids((await w.evidence.listCaptureRows({ limit: 10, caseId: opened.id })).rows)).toEqual([taken[2]!.id]);
    expect((await w.evidence.listCaptureRows({ limit: 10, caseId: 'unfiled' })).rows).toHaveLength(5);

    // Words: each searched must begin a word of the current note, post, author or title.
    await w.evidence.editCapture(taken[3]!.id, { field: 'note', to: 'Shouted at Mrs Ward by the gate' }, STAFF);
    expect(ids((await w.evidence.listCaptureRows({ limit: 10, text: 'ward SHOUT' })).rows)).toEqual([taken[3]!.id]);
    expect((await w.evidence.listCaptureRows({ limit: 10, text: 'ward', site: 'x.com' })).rows).toHaveLength(0);
    expect((await w.evidence.listCaptureRows({ limit: 10, text: 'hout' })).rows).toHaveLength(0);
    expect((await w.evidence.listCaptureRows({ limit: 10, text: 'village' })).rows).toHaveLength(5); // the others' note
    const twoNewest = await w.evidence.listCaptureRows({ limit: 2, text: 'village' });
    expect(ids(twoNewest.rows)).toEqual(newestFirst.filter((id) => id !== taken[3]!.id).slice(0, 2));
    expect(twoNewest.more).toBe(true);

    // Days are UTC and inclusive at both ends.
    const day = taken[0]!.capturedAtUtc.slice(0, 10);
    expect((await w.evidence.listCaptureRows({ limit: 10, from: day, to: day })).rows).toHaveLength(6);
    const dayBefore = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    expect((await w.evidence.listCaptureRows({ limit: 10, to: dayBefore })).rows).toHaveLength(0);
    expect((await w.evidence.listCaptureRows({ limit: 10, from: dayBefore, site: 'x.com' })).rows).toHaveLength(2);
  });
});

describe('the capture search in a store of many (issue #17)', () => {
  it('gives the newest matches whether a word is rare (read through the words index) or common (the newest rows walked)', async () => {
    const { fillStore } = await import('@/lib/store/scaleFill');
    const w = await world();
    const { metadata: template } = await w.capture.captureTab(1, 'visible', form());
    const filled = await fillStore(w.db, template, 700, 20, STAFF);
    const all = (await w.db.captures.toArray()).sort((a, b) => b.capturedAtUtc.localeCompare(a.capturedAtUtc));
    const expected = (text: string, site?: string) =>
      all
        .filter((row) => text.split(' ').every((word) => row.summary.words.some((held) => held.startsWith(word))))
        .filter((row) => site === undefined || row.site === site)
        .map((row) => row.id);
    for (const [text, site] of [
      [filled.searchWord.slice(0, -1), undefined], // rare
      ['com', undefined], // in every title's site name: walked
      ['com', 'x.com'],
      [`com ${filled.searchWord.slice(0, -1)}`, undefined],
    ] as const) {
      const found = await w.evidence.listCaptureRows({ limit: 30, text, site });
      const want = expected(text, site);
      expect(
        found.rows.map((r) => r.id),
        text,
      ).toEqual(want.slice(0, 30));
      expect(found.more, text).toBe(want.length > 30);
      expect(want.length, text).toBeGreaterThan(0);
    }
  });
});
