import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ExhibitDb, createEvidenceRepository } from '@/lib/store';
import { caseRowSummaryOf, form, testWorld } from '../fixtures';

/** The fields later migrations read of a capture stored before they existed. */
const minimalMetadata = (url: string) => ({
  page: { url, title: '' },
  note: '',
  author: {},
  category: { id: 'threats' },
});

/** The tables and indexes of store version 8 (and 9 and 10, which added openResponses and no index). */
const V8_STORES = {
  captures: 'id, capturedAtUtc, caseId',
  files: '[captureId+fileName], captureId',
  audit: 'seq, event.captureId, event.caseId, event.manifestSha256, hash, event.actionId',
  receivedAudit: 'hash, event.captureId, event.caseId, event.actionId',
  settings: 'key',
  cases: 'id, openedAtUtc',
  attachments: '[actionId+fileName], actionId',
  derivedFiles: '[captureId+fileName], captureId',
};

describe('database migrations', () => {
  it('v1 → now: files keyed by kind move to files keyed by name, the old table goes, captures are unfiled', async () => {
    // A capture as issue #2's code stored it, read back from a current world to get real metadata.
    const { db: source, capture } = await testWorld();
    const { metadata } = await capture.captureTab(1, 'visible', form());
    const v1Rows = (await source.files.toArray()).map(({ fileName: _dropped, ...row }) => row);
    const name = `exhibit-migration-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      captures: 'id, capturedAtUtc',
      artefacts: '[captureId+kind], captureId',
      audit: 'seq, event.captureId',
      settings: 'key',
    });
    await v1.table('captures').add({ id: metadata.id, capturedAtUtc: metadata.capturedAtUtc, metadata });
    await v1.table('settings').add({ key: 'profile', value: { name: 'Kept' } });
    await v1.table('artefacts').bulkAdd(v1Rows);
    await v1.table('audit').bulkAdd(await source.audit.toArray());
    v1.close();

    const db = new ExhibitDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'attachments',
      'audit',
      'captures',
      'cases',
      'derivedFiles',
      'erasedAudit',
      'files',
      'openResponses',
      'pageWords',
      'pageWordsPending',
      'receivedAudit',
      'settings',
      'subjectAccessRequests',
      'timestamps',
    ]);
    expect(await db.timestamps.count()).toBe(0); // v14: captures kept before are not time-stamped after the fact
    expect((await db.captures.get(metadata.id))?.caseId).toBe('unfiled');
    expect((await db.captures.get(metadata.id))?.summary).toMatchObject({ category: metadata.category }); // v10
    expect((await db.captures.get(metadata.id))?.summary.words).toContain('village'); // v11: its note's words
    expect(await db.pageWordsPending.toCollection().primaryKeys()).toEqual([metadata.id]); // v13: its page text to index
    expect((await db.captures.get(metadata.id))?.site).toBe(new URL(metadata.page.url).hostname); // v11
    expect(await db.settings.get('profile')).toEqual({ key: 'profile', value: { name: 'Kept' } });
    const files = await db.files.where('captureId').equals(metadata.id).toArray();
    expect(files.map((f) => f.fileName).sort()).toEqual(metadata.artefacts.map((a) => a.fileName).sort());
    const screenshot = await createEvidenceRepository(db).getFile(metadata.id, 'screenshot.png');
    expect(screenshot?.sha256).toBe(metadata.artefacts.find((a) => a.kind === 'screenshot')?.sha256);
    expect(new Uint8Array(await screenshot!.blob.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('v3 → v4: captures from before cases are put in the unfiled state and can be found by it', async () => {
    const name = `exhibit-migration-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores({
      captures: 'id, capturedAtUtc',
      artefacts: '[captureId+kind], captureId',
      audit: 'seq, event.captureId',
      settings: 'key',
    });
    v3.version(2).stores({ files: '[captureId+fileName], captureId' });
    v3.version(3).stores({ artefacts: null });
    await v3.table('captures').bulkAdd([
      { id: 'a', capturedAtUtc: '2026-01-01T00:00:00.000Z', metadata: minimalMetadata('https://a.example/') },
      { id: 'b', capturedAtUtc: '2026-01-02T00:00:00.000Z', metadata: minimalMetadata('https://b.example/') },
    ]);
    v3.close();

    const db = new ExhibitDb(name);
    expect(await db.captures.where('caseId').equals('unfiled').primaryKeys()).toEqual(['a', 'b']);
  });

  it('v7 → v8: entries already stored are found by the case action they record', async () => {
    const { db: source } = await testWorld();
    const entry = {
      seq: 1,
      at: '2026-06-01T09:00:00.000Z',
      actor: { name: 'Jo', email: 'jo@x' },
      event: { action: 'action.recorded', caseId: 'c', actionId: 'act-1' },
      prevHash: '0',
      hash: 'h1',
    };
    source.close();
    const name = `exhibit-migration-${crypto.randomUUID()}`;
    const v7 = new Dexie(name);
    const stores: Record<number, Record<string, string | null>> = {
      1: {
        captures: 'id, capturedAtUtc',
        artefacts: '[captureId+kind], captureId',
        audit: 'seq, event.captureId',
        settings: 'key',
      },
      2: { files: '[captureId+fileName], captureId' },
      3: { artefacts: null },
      4: {
        captures: 'id, capturedAtUtc, caseId',
        audit: 'seq, event.captureId, event.caseId',
        cases: 'id, openedAtUtc',
      },
      5: { attachments: '[actionId+fileName], actionId' },
      6: {
        receivedAudit: 'hash, event.captureId, event.caseId',
        audit: 'seq, event.captureId, event.caseId, event.manifestSha256, hash',
      },
      7: { derivedFiles: '[captureId+fileName], captureId' },
    };
    for (const [version, schema] of Object.entries(stores)) v7.version(Number(version)).stores(schema);
    await v7.table('audit').add(entry);
    await v7
      .table('receivedAudit')
      .add({ ...entry, hash: 'h2', receivedFrom: { keyFingerprint: 'k', manifestSha256: 'm' } });
    v7.close();

    const db = new ExhibitDb(name);
    expect((await db.audit.where('event.actionId').equals('act-1').toArray()).map((e) => e.hash)).toEqual(['h1']);
    expect((await db.receivedAudit.where('event.actionId').equals('act-1').toArray()).map((e) => e.hash)).toEqual([
      'h2',
    ]);
  });

  it('v8 → v9: the comments still to answer are found from the captures and their answers, here or the sender’s', async () => {
    const { fakeTabs, pageReading } = await import('../fixtures');
    const tabs = fakeTabs({ readPage: async () => pageReading() });
    const { db: source, capture, evidence } = await testWorld({ tabs });
    const open = (await capture.captureTab(1, 'visible', form({ needsResponse: true }))).metadata;
    const answeredHere = (await capture.captureTab(1, 'visible', form({ needsResponse: true }))).metadata;
    const answeredBySender = (await capture.captureTab(1, 'visible', form({ needsResponse: true }))).metadata;
    await capture.captureTab(1, 'visible', form()); // no response needed
    await evidence.answerResponse(answeredHere.id, 'Replied', {
      name: 'Jo',
      role: 'r',
      email: 'jo@x.example',
      school: 's',
    });
    const captures = await source.captures.toArray();
    const audit = await source.audit.toArray();
    source.close();

    const name = `exhibit-migration-${crypto.randomUUID()}`;
    const v8 = new Dexie(name);
    v8.version(8).stores(V8_STORES);
    await v8.table('captures').bulkAdd(captures);
    await v8.table('audit').bulkAdd(audit);
    await v8.table('receivedAudit').add({
      seq: 1,
      at: '2026-06-01T09:00:00.000Z',
      actor: { name: 'Sender', email: 's@x' },
      event: { action: 'response.answered', captureId: answeredBySender.id, how: 'Replied' },
      prevHash: '0',
      hash: 'sender-answer',
      receivedFrom: { keyFingerprint: 'k', manifestSha256: 'm' },
    });
    v8.close();

    const db = new ExhibitDb(name);
    expect(await db.openResponses.toArray()).toEqual([
      { captureId: open.id, receivedAtUtc: open.responseReceivedAtUtc },
    ]);
  });

  it('v10 → v11: captures are found by site and cases carry the summary their history folds to', async () => {
    const { createCaseRepository } = await import('@/lib/store');
    const { caseSummaryFolded } = await import('@/lib/store/caseFold');
    const { db: source, capture, clock } = await testWorld();
    const cases = createCaseRepository(source, clock);
    const opened = await cases.openCase(
      { title: 'Posts', personPosting: { name: 'Sam', profileUrls: [], relationship: '' }, affected: '', owner: 'Jo' },
      { name: 'Jo', role: 'r', email: 'jo@x.example', school: 's' },
    );
    const { metadata } = await capture.captureTab(1, 'visible', form(), { filing: { caseId: opened.id } });
    await cases.setStatus(opened.id, 'monitoring', '', { name: 'Jo', role: 'r', email: 'jo@x.example', school: 's' });
    const expected = (await caseSummaryFolded(source, opened.id))!;
    // As v10 stored them: no site, a summary without search words.
    const captureRows = (await source.captures.toArray()).map(({ site: _dropped, summary, ...row }) => ({
      ...row,
      summary: { category: summary.category },
    }));
    const caseRows = (await source.cases.toArray()).map(({ id, openedAtUtc, details }) => ({
      id,
      openedAtUtc,
      details,
    }));
    const audit = await source.audit.toArray();
    source.close();

    const name = `exhibit-migration-${crypto.randomUUID()}`;
    const v10 = new Dexie(name);
    v10.version(10).stores({ ...V8_STORES, openResponses: 'captureId, receivedAtUtc' });
    await v10.table('captures').bulkAdd(captureRows);
    await v10.table('cases').bulkAdd(caseRows);
    await v10.table('audit').bulkAdd(audit);
    v10.close();

    const db = new ExhibitDb(name);
    expect(caseRowSummaryOf((await db.cases.get(opened.id))!)).toEqual(expected);
    expect(expected.summary).toMatchObject({ status: 'monitoring', captureCount: 1 });
    const noteWord = metadata.note.split(' ')[0]!.toLowerCase();
    expect(await db.captures.where('summary.words').equals(noteWord).primaryKeys()).toEqual([metadata.id]);
    expect(await db.captures.where('site').equals(new URL(metadata.page.url).hostname).primaryKeys()).toEqual([
      metadata.id,
    ]);
  });
});

describe('v11 → v12 (erasure, issue #18)', () => {
  it('entries sealed before salts stay as they were, the chain verifies after an erasure, and new entries are salted', async () => {
    const { GENESIS_HASH, contentHashOf, findChainBreaks, linkHash } = await import('@/lib/audit');
    const { chainLines, createErasure } = await import('@/lib/store');
    const { db: source, capture } = await testWorld();
    const { metadata: gone } = await capture.captureTab(1, 'visible', form({ note: 'an old note' }));
    const { metadata: kept } = await capture.captureTab(1, 'visible', form());
    // As v11 sealed them: no salt in the content the hash covers.
    let prevHash = GENESIS_HASH;
    const unsalted = (await source.audit.orderBy('seq').toArray()).map(({ salt: _none, ...entry }) => {
      const hash = linkHash(prevHash, contentHashOf(entry));
      const sealed = { ...entry, prevHash, hash };
      prevHash = hash;
      return sealed;
    });
    const rows = {
      captures: await source.captures.toArray(),
      files: await source.files.toArray(),
      settings: await source.settings.toArray(),
    };
    source.close();

    const name = `exhibit-migration-${crypto.randomUUID()}`;
    const v11 = new Dexie(name);
    v11.version(11).stores({
      ...V8_STORES,
      openResponses: 'captureId, receivedAtUtc',
      captures:
        'id, capturedAtUtc, caseId, site, [caseId+capturedAtUtc], [site+capturedAtUtc], [summary.category.id+capturedAtUtc], *summary.words',
      cases: 'id, openedAtUtc, lastActivityUtc, closedAtUtc, *words',
    });
    await v11.table('captures').bulkAdd(rows.captures);
    await v11.table('files').bulkAdd(rows.files);
    await v11.table('settings').bulkAdd(rows.settings);
    await v11.table('audit').bulkAdd(unsalted);
    v11.close();

    const db = new ExhibitDb(name);
    expect(findChainBreaks(await chainLines(db))).toEqual([]);
    await createErasure(db).erase(
      { captureId: gone.id },
      { reason: 'Review', confirmation: gone.reference ?? '' },
      { name: 'Jo', role: 'r', email: 'jo@x.example', school: 's' },
    );
    const chain = await chainLines(db);
    expect(findChainBreaks(chain)).toEqual([]);
    expect(chain.filter((line) => 'withheld' in line).map((line) => line.seq)).toEqual([1]);
    expect(await db.captures.get(kept.id)).toBeDefined();
    const record = (await db.audit.orderBy('seq').last())!;
    expect(record.event.action).toBe('capture.erased');
    expect(record.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(unsalted.every((entry) => !('salt' in entry))).toBe(true);
  });
});
