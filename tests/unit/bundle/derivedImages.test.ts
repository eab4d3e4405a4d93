import { describe, expect, it } from 'vitest';
import { createBundleExporter } from '@/lib/bundle/exportBundle';
import { verifyBundle } from '@/lib/bundle/verify';
import type { ReportDocument } from '@/lib/bundle/reportDocument';
import type { PdfImage } from '@/lib/bundle/reportPdf';
import { openZip } from '@/lib/bundle/zipReader';
import { createImportFlow } from '@/lib/bundle/importFlow';
import { createBundleReceiver, createDerivedImageStore, exportableAuditLines, loadSigningKey } from '@/lib/store';
import { STAFF, TINY_JPEG, form, renderPdfHere, testWorld } from '../fixtures';

/** Canvas stand-ins that count their calls. */
function countingDrawing() {
  const calls = { caption: 0, rendition: 0 };
  return {
    calls,
    caption: async (png: Blob, lines: readonly string[]) => (
      calls.caption++,
      new Blob([await png.arrayBuffer(), lines.join('\n')], { type: 'image/png' })
    ),
    rendition: async () => (calls.rendition++, { jpeg: TINY_JPEG, width: 4, height: 3 }),
  };
}

async function world() {
  const w = await testWorld();
  const stored = createDerivedImageStore(w.db);
  const drawing = countingDrawing();
  // How many files had gone into the zip when report.pdf was asked for, per export.
  const pdfAskedAfter: number[] = [];
  const pdfSignals: (AbortSignal | undefined)[] = [];
  let zipped = 0;
  const render = (document: ReportDocument, images: ReadonlyMap<string, PdfImage>, signal?: AbortSignal) => (
    pdfAskedAfter.push(zipped),
    pdfSignals.push(signal),
    renderPdfHere(document, images)
  );
  const exportBundle = (captureIds: string[]) => (
    (zipped = 0),
    exporter.exportBundle({ captureIds, exportedBy: STAFF, onProgress: () => zipped++ })
  );
  const exporter = createBundleExporter({
    evidence: w.evidence,
    auditLines: (c, k) => exportableAuditLines(w.db, c, k),
    signer: () => loadSigningKey(w.db),
    generatorVersion: '0.1.0',
    caption: drawing.caption,
    pdf: { render, rendition: drawing.rendition },
    derivedImageStore: stored,
    clock: () => new Date('2026-12-01T09:00:00Z'),
  });
  return { ...w, stored, drawing, exporter, exportBundle, pdfAskedAfter, pdfSignals };
}

async function reportHtml(zip: Blob): Promise<string> {
  const { entries, close } = await openZip(zip);
  const text = new TextDecoder().decode(await entries.find((e) => e.path === 'report.html')!.read());
  await close();
  return text;
}

describe('presentation copies and renditions drawn after capture', () => {
  it('are drawn once and then only streamed by exports, which still verify', async () => {
    const w = await world();
    const { metadata } = await w.capture.captureTab(1, 'visible', form());
    await w.stored.drawAndKeep(metadata.id, w.drawing);
    expect(w.drawing.calls).toEqual({ caption: 1, rendition: 1 });
    for (let i = 0; i < 2; i++) {
      const bundle = await w.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
      expect((await verifyBundle(bundle.zip)).failures).toEqual([]);
      expect(bundle.manifest.files.map((f) => f.path)).toContain('captures/001-JS-1/presentation-screenshot.png');
    }
    expect(w.drawing.calls).toEqual({ caption: 1, rendition: 1 });
  });

  it('let report.pdf be laid out while the files are read, not after, with the same report as when drawn during the export', async () => {
    const w = await world();
    const ids = [];
    for (let i = 0; i < 2; i++) ids.push((await w.capture.captureTab(1, 'visible', form())).metadata.id);
    for (const id of ids) await w.stored.drawAndKeep(id, w.drawing);
    const early = await w.exportBundle(ids);
    await w.stored.discard((await w.evidence.getCapture(ids[1]!))!.metadata);
    const late = await w.exportBundle(ids);
    const perCapture = early.manifest.files.filter((f) => f.path.startsWith('captures/001-')).length;
    expect(w.pdfAskedAfter[0]).toBeLessThan(perCapture); // while the first capture's files were being read
    expect(w.pdfAskedAfter[1]).toBeGreaterThan(perCapture); // once the last capture was reached, a few files behind the reads
    expect((await verifyBundle(early.zip)).failures).toEqual([]);
    expect(await reportHtml(late.zip)).toBe(await reportHtml(early.zip));
    expect(early.manifest.files.find((f) => f.path === 'report.pdf')!.bytes).toBeGreaterThan(1000);
  });

  it("stop report.pdf's early layout when the export fails part-way, not only when cancelled", async () => {
    const w = await world();
    const ids = [];
    for (let i = 0; i < 2; i++) ids.push((await w.capture.captureTab(1, 'visible', form())).metadata.id);
    for (const id of ids) await w.stored.drawAndKeep(id, w.drawing);
    await w.db.files.update([ids[1]!, 'screenshot.png'], { blob: new Blob(['altered']) });
    await expect(w.exportBundle(ids)).rejects.toThrow(/no longer matches the hash recorded when it was captured/);
    expect(w.pdfAskedAfter).toHaveLength(1);
    expect(w.pdfSignals[0]?.aborted).toBe(true);
    await w.exportBundle([ids[0]!]);
    expect(w.pdfSignals[1]?.aborted).toBe(false); // a finished export leaves its signal alone
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
    await w.stored.drawAndKeep(metadata.id, w.drawing);
    await w.db.derivedFiles.update([metadata.id, 'presentation-screenshot.png'], { blob: new Blob(['changed']) });
    await expect(w.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF })).rejects.toThrow(
      /presentation copy .* had changed since it was drawn/,
    );
    await expect.poll(() => w.db.derivedFiles.where('captureId').equals(metadata.id).count()).toBe(0);
    const bundle = await w.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    expect((await verifyBundle(bundle.zip)).failures).toEqual([]);
    expect(w.drawing.calls.caption).toBe(2);
  });

  it("keep a capture's redacted copy when its drawings are set aside", async () => {
    const w = await world();
    const { metadata } = await w.capture.captureTab(1, 'visible', form());
    await w.stored.drawAndKeep(metadata.id, w.drawing);
    await w.db.derivedFiles.put({
      captureId: metadata.id,
      fileName: 'redacted-screenshot.png',
      blob: new Blob(['r']),
      sha256: 'a'.repeat(64),
    });
    await w.stored.discard(metadata);
    expect((await w.db.derivedFiles.where('captureId').equals(metadata.id).toArray()).map((r) => r.fileName)).toEqual([
      'redacted-screenshot.png',
    ]);
  });

  it('never stand in for the originals: the original is still exported and checked against its capture hash', async () => {
    const w = await world();
    const { metadata } = await w.capture.captureTab(1, 'visible', form());
    await w.stored.drawAndKeep(metadata.id, w.drawing);
    await w.db.files.update([metadata.id, 'screenshot.png'], { blob: new Blob(['tampered']) });
    await expect(w.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF })).rejects.toMatchObject({
      code: 'export-failed',
    });
  });

  it('say a received capture is received, drawn after receiving or by the export', async () => {
    const sender = await testWorld();
    const { metadata } = await sender.capture.captureTab(1, 'visible', form());
    const bundle = await sender.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const w = await world();
    const flow = createImportFlow({
      receiver: createBundleReceiver(w.db, w.clock),
      actor: async () => STAFF,
      trustedSenders: w.settings.getTrustedSenders,
    });
    await flow.importBundle(bundle.zip, () => undefined);
    const captions: string[] = [];
    const caption = async (png: Blob, lines: readonly string[]) => (captions.push(lines[0]!), png);
    await w.stored.drawAndKeep(metadata.id, { caption, rendition: w.drawing.rendition });
    await w.stored.discard(metadata);
    await createBundleExporter({
      evidence: w.evidence,
      auditLines: (c, k) => exportableAuditLines(w.db, c, k),
      signer: () => loadSigningKey(w.db),
      generatorVersion: '0.1.0',
      caption,
    }).exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    expect(captions).toEqual([
      expect.stringMatching(/^Exhibit JS\/1 \(received\) — presentation copy/),
      expect.stringMatching(/^Exhibit JS\/1 \(received\) — presentation copy/),
    ]);
  });
});
