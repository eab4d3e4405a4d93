import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ExhibitDb, createEvidenceRepository } from '@/lib/store';
import { form, testWorld } from '../fixtures';

describe('database migrations', () => {
  it('v1 → v3: files keyed by kind move to files keyed by name, and the old table goes', async () => {
    // A capture as issue #2's code stored it, read back from a current world to get real metadata.
    const { db: source, capture } = await testWorld();
    const { metadata } = await capture.captureTab(1, 'visible', form());
    const v1Rows = (await source.files.toArray()).map(({ fileName: _dropped, ...row }) => row);
    const name = `exhibit-migration-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ captures: 'id, capturedAtUtc', artefacts: '[captureId+kind], captureId', audit: 'seq, event.captureId', settings: 'key' });
    await v1.table('captures').add({ id: metadata.id, capturedAtUtc: metadata.capturedAtUtc, metadata });
    await v1.table('artefacts').bulkAdd(v1Rows);
    await v1.table('audit').bulkAdd(await source.audit.toArray());
    v1.close();

    const db = new ExhibitDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['audit', 'captures', 'files', 'settings']);
    const files = await db.files.where('captureId').equals(metadata.id).toArray();
    expect(files.map((f) => f.fileName).sort()).toEqual(metadata.artefacts.map((a) => a.fileName).sort());
    const screenshot = await createEvidenceRepository(db).getFile(metadata.id, 'screenshot.png');
    expect(screenshot?.sha256).toBe(metadata.artefacts.find((a) => a.kind === 'screenshot')?.sha256);
    expect(new Uint8Array(await screenshot!.blob.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});
