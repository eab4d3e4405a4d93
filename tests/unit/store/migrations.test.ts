import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ExhibitDb, createEvidenceRepository } from '@/lib/store';
import { form, testWorld } from '../fixtures';

describe('database migrations', () => {
  it('v1 → now: files keyed by kind move to files keyed by name, the old table goes, captures are unfiled', async () => {
    // A capture as issue #2's code stored it, read back from a current world to get real metadata.
    const { db: source, capture } = await testWorld();
    const { metadata } = await capture.captureTab(1, 'visible', form());
    const v1Rows = (await source.files.toArray()).map(({ fileName: _dropped, ...row }) => row);
    const name = `exhibit-migration-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ captures: 'id, capturedAtUtc', artefacts: '[captureId+kind], captureId', audit: 'seq, event.captureId', settings: 'key' });
    await v1.table('captures').add({ id: metadata.id, capturedAtUtc: metadata.capturedAtUtc, metadata });
    await v1.table('settings').add({ key: 'profile', value: { name: 'Kept' } });
    await v1.table('artefacts').bulkAdd(v1Rows);
    await v1.table('audit').bulkAdd(await source.audit.toArray());
    v1.close();

    const db = new ExhibitDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['attachments', 'audit', 'captures', 'cases', 'derivedFiles', 'files', 'receivedAudit', 'settings']);
    expect((await db.captures.get(metadata.id))?.caseId).toBe('unfiled');
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
    v3.version(1).stores({ captures: 'id, capturedAtUtc', artefacts: '[captureId+kind], captureId', audit: 'seq, event.captureId', settings: 'key' });
    v3.version(2).stores({ files: '[captureId+fileName], captureId' });
    v3.version(3).stores({ artefacts: null });
    await v3.table('captures').bulkAdd([
      { id: 'a', capturedAtUtc: '2026-01-01T00:00:00.000Z', metadata: {} },
      { id: 'b', capturedAtUtc: '2026-01-02T00:00:00.000Z', metadata: {} },
    ]);
    v3.close();

    const db = new ExhibitDb(name);
    expect(await db.captures.where('caseId').equals('unfiled').primaryKeys()).toEqual(['a', 'b']);
  });
});
