import { describe, expect, it } from 'vitest';
import { createBundleExporter } from '@/lib/bundle/exportBundle';
import { verifyBundle } from '@/lib/bundle/verify';
import { createPreparedImages, exportableAuditLines, loadSigningKey } from '@/lib/store';
import { PDF_FONTS, STAFF, TINY_JPEG, form, testWorld } from '../fixtures';

/** Canvas stand-ins that count their calls. */
function countingDrawing() {
  const calls = { caption: 0, rendition: 0 };
  return {
    calls,
    caption: async (png: Blob, lines: readonly string[]) => (calls.caption++, new Blob([await png.arrayBuffer(), lines.join('\n')], { type: 'image/png' })),
    rendition: async () => (calls.rendition++, { jpeg: TINY_JPEG, width: 4, height: 3 }),
  };
}

async function world() {
  const w = await testWorld();
  const prepared = createPreparedImages(w.db);
  const drawing = countingDrawing();
  const exporter = createBundleExporter({
    evidence: w.evidence,
    auditLines: (c, k) => exportableAuditLines(w.db, c, k),
    signer: () => loadSigningKey(w.db),
    generatorVersion: '0.1.0',
    caption: drawing.caption,
    pdf: { fonts: async () => PDF_FONTS, rendition: drawing.rendition },
    preparedImages: prepared,
  });
  return { ...w, prepared, drawing, exporter };
}

describe('presentation copies and renditions drawn after capture', () => {
  it('are drawn once and then only streamed by exports, which still verify', async () => {
    const w = await world();
    const { metadata } = await w.capture.captureTab(1, 'visible', form());
    await w.prepared.prepare(metadata.id, w.drawing);
    expect(w.drawing.calls).toEqual({ caption: 1, rendition: 1 });
    for (let i = 0; i < 2; i++) {
      const bundle = await w.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
      expect((await verifyBundle(bundle.zip)).failures).toEqual([]);
      expect(bundle.manifest.files.map((f) => f.path)).toContain('captures/001-JS-1/presentation-screenshot.png');
    }
    expect(w.drawing.calls).toEqual({ caption: 1, rendition: 1 });
  });

  it('are drawn by the export when missing', async () => {
    const w = await world();
    const { metadata } = await w.capture.captureTab(1, 'visible', form());
    await w.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    expect(w.drawing.calls.caption).toBe(1);
  });

  it('stop the export when changed since drawn, are set aside, and are drawn afresh by the next export', async () => {
    const w = await world();
    const { metadata } = await w.capture.captureTab(1, 'visible', form());
    await w.prepared.prepare(metadata.id, w.drawing);
    await w.db.derivedFiles.update([metadata.id, 'presentation-screenshot.png'], { blob: new Blob(['changed']) });
    await expect(w.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF })).rejects.toThrow(/presentation copy .* had changed since it was drawn/);
    await expect.poll(() => w.db.derivedFiles.where('captureId').equals(metadata.id).count()).toBe(0);
    const bundle = await w.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    expect((await verifyBundle(bundle.zip)).failures).toEqual([]);
    expect(w.drawing.calls.caption).toBe(2);
  });

  it('keep a capture\'s redacted copy when its drawings are set aside', async () => {
    const w = await world();
    const { metadata } = await w.capture.captureTab(1, 'visible', form());
    await w.prepared.prepare(metadata.id, w.drawing);
    await w.db.derivedFiles.put({ captureId: metadata.id, fileName: 'redacted-screenshot.png', blob: new Blob(['r']), sha256: 'a'.repeat(64) });
    await w.prepared.discard(metadata);
    expect((await w.db.derivedFiles.where('captureId').equals(metadata.id).toArray()).map((r) => r.fileName)).toEqual(['redacted-screenshot.png']);
  });

  it('never stand in for the originals: the original is still exported and checked against its capture hash', async () => {
    const w = await world();
    const { metadata } = await w.capture.captureTab(1, 'visible', form());
    await w.prepared.prepare(metadata.id, w.drawing);
    await w.db.files.update([metadata.id, 'screenshot.png'], { blob: new Blob(['tampered']) });
    await expect(w.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF })).rejects.toMatchObject({ code: 'export-failed' });
  });
});
