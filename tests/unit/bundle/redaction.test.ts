import { describe, expect, it } from 'vitest';
import { clampBoxes, redactedFileName, type RedactionBox } from '@/lib/capture/redaction';
import { createImportFlow } from '@/lib/bundle/importFlow';
import { renderReport } from '@/lib/bundle/report';
import { openZip } from '@/lib/bundle/zipReader';
import { verifyBundle } from '@/lib/bundle/verify';
import { createBundleReceiver, createRedactionRepository } from '@/lib/store';
import { STAFF, fakeTabs, form, pngOfSize, testWorld } from '../fixtures';
import { rezip, utf8 } from './zipFixtures';

/** Stands in for the canvas: a "PNG" that records which boxes it blacked out. */
const drawn = async (_original: Blob, boxes: RedactionBox[]) =>
  new Blob([`redacted ${JSON.stringify(boxes)}`], { type: 'image/png' });
const BOX = { x: 0, y: 0, width: 1, height: 1 };

async function redactedCapture() {
  const world = await testWorld();
  const { metadata } = await world.capture.captureTab(1, 'visible', form());
  const redactions = createRedactionRepository(world.db, world.clock);
  const redaction = await redactions.saveRedaction(metadata.id, 'screenshot.png', [BOX], drawn, STAFF);
  return { world, metadata, redactions, redaction };
}

describe('redacted copies', () => {
  it('clamps boxes to the image and names the copy so nobody takes it for the original', () => {
    expect(
      clampBoxes(
        [
          { x: 90, y: -5, width: 50, height: 20 },
          { x: 200, y: 0, width: 5, height: 5 },
        ],
        { width: 100, height: 100 },
      ),
    ).toEqual([{ x: 90, y: 0, width: 10, height: 15 }]);
    expect(redactedFileName('screenshot.png')).toBe('redacted-screenshot.png');
    expect(redactedFileName('full-page-2.png')).toBe('redacted-full-page-2.png');
  });

  it('stores the copy with an audit entry naming its boxes and hash; the original is untouched', async () => {
    const { world, metadata, redactions, redaction } = await redactedCapture();
    const original = await world.evidence.getFile(metadata.id, 'screenshot.png');
    expect(original!.sha256).toBe(metadata.artefacts.find((a) => a.fileName === 'screenshot.png')!.sha256);
    expect(redaction.entry.event).toMatchObject({
      action: 'capture.redacted',
      image: 'screenshot.png',
      boxes: [BOX],
      copy: { fileName: 'redacted-screenshot.png' },
    });
    expect(await (await redactions.getCopy(metadata.id, 'redacted-screenshot.png'))!.blob.text()).toBe(
      `redacted ${JSON.stringify([BOX])}`,
    );
  });

  it('refuses boxes wholly outside the image and images the capture does not have, saving nothing', async () => {
    const { world, metadata, redactions } = await redactedCapture();
    const before = await world.db.audit.count();
    await expect(
      redactions.saveRedaction(metadata.id, 'screenshot.png', [{ x: 50, y: 50, width: 5, height: 5 }], drawn, STAFF),
    ).rejects.toThrow('Draw at least one box');
    await expect(redactions.saveRedaction(metadata.id, 'page-text.txt', [BOX], drawn, STAFF)).rejects.toThrow(
      'not part of this capture',
    );
    expect(await world.db.audit.count()).toBe(before);
  });

  it('is exported beside the original, each with its own hash, and the report says which is which', async () => {
    const { world, metadata, redaction } = await redactedCapture();
    const bundle = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const paths = bundle.manifest.files.map((f) => f.path.split('/').at(-1));
    expect(paths).toEqual(expect.arrayContaining(['screenshot.png', 'redacted-screenshot.png']));
    expect(bundle.manifest.files.find((f) => f.path.endsWith('/redacted-screenshot.png'))!.sha256).toBe(
      redaction.copy.sha256,
    );
    expect((await verifyBundle(bundle.zip)).failures).toEqual([]);
    const view = (await world.evidence.getCapture(metadata.id))!;
    const html = renderReport({
      exportedAtUtc: '2026-06-10T00:00:00.000Z',
      exportedBy: STAFF,
      generatorVersion: '0.1.0',
      captures: [{ view, folder: 'captures/001-JS-1' }],
      keyFingerprint: 'e'.repeat(64),
      auditHeadHash: 'f'.repeat(64),
    });
    expect(html).toContain(
      'redacted-screenshot.png: a redacted copy of screenshot.png, NOT the original: 1 area(s) blacked out by Jo Smith',
    );
    expect(html).toContain('The original screenshot.png is unaltered in this bundle.');
  });

  it('redacts each image of a capture on its own: a post and its context each get a copy, exported, shared and received', async () => {
    const world = await testWorld({ tabs: fakeTabs({ captureVisibleTab: async () => pngOfSize(1280, 720) }) });
    const { metadata } = await world.capture.captureTab(1, 'element', form());
    const redactions = createRedactionRepository(world.db, world.clock);
    const post = await redactions.saveRedaction(metadata.id, 'element.png', [BOX], drawn, STAFF);
    const context = await redactions.saveRedaction(
      metadata.id,
      'screenshot.png',
      [BOX, { ...BOX, x: 1 }],
      drawn,
      STAFF,
    );
    expect(post.copy.fileName).toBe('redacted-element.png');
    expect(context.copy.fileName).toBe('redacted-screenshot.png');

    const bundle = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const listed = new Map(bundle.manifest.files.map((f) => [f.path.split('/').at(-1), f.sha256]));
    expect([listed.get('redacted-element.png'), listed.get('redacted-screenshot.png')]).toEqual([
      post.copy.sha256,
      context.copy.sha256,
    ]);
    expect((await verifyBundle(bundle.zip)).failures).toEqual([]);
    const { entries } = await openZip(bundle.zip);
    const report = new TextDecoder().decode(await entries.find((e) => e.path === 'report.html')!.read());
    expect(report).toContain('redacted-element.png: a redacted copy of element.png, NOT the original: 1 area(s)');
    expect(report).toContain('redacted-screenshot.png: a redacted copy of screenshot.png, NOT the original: 2 area(s)');

    const shared = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF, share: true });
    expect(shared.manifest.files.map((f) => f.path.split('/').at(-1)).filter((n) => n!.endsWith('.png'))).toEqual([
      'redacted-element.png',
      'redacted-screenshot.png',
    ]);
    expect((await verifyBundle(shared.zip)).failures).toEqual([]);

    const receiver = await testWorld();
    await createImportFlow({ receiver: createBundleReceiver(receiver.db), actor: async () => STAFF }).importBundle(
      bundle.zip,
    );
    const kept = await receiver.db.derivedFiles.where('captureId').equals(metadata.id).toArray();
    expect(kept.map((f) => [f.fileName, f.sha256]).sort()).toEqual([
      ['redacted-element.png', post.copy.sha256],
      ['redacted-screenshot.png', context.copy.sha256],
    ]);
  });

  it('fails verification when the redacted copy is swapped', async () => {
    const { world, metadata } = await redactedCapture();
    const { zip } = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const swapped = await rezip(zip, (files) =>
      files.set(
        [...files.keys()].find((p) => p.endsWith('/redacted-screenshot.png'))!,
        utf8('another picture'),
      ),
    );
    expect((await verifyBundle(swapped)).failures.join('\n')).toMatch(
      /redacted-screenshot\.png (has been changed|has \d+ bytes)/,
    );
  });

  it('makes a share copy: the redacted copy only, no originals, metadata, statements or notes, and says so on the cover', async () => {
    const { world, metadata, redaction } = await redactedCapture();
    await world.evidence.editCapture(metadata.id, { field: 'note', to: 'Names Amy Child, Year 2' }, STAFF);
    const bundle = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF, share: true });
    expect(bundle.manifest.share).toBe(true);
    const names = bundle.manifest.files.map((f) => f.path.split('/').at(-1)!);
    expect(names).toContain('redacted-screenshot.png');
    for (const original of [
      ...metadata.artefacts.map((a) => a.fileName),
      'metadata.json',
      'presentation-screenshot.png',
    ])
      expect(names).not.toContain(original);
    expect(names.some((n) => n.startsWith('statement'))).toBe(false);
    expect((await verifyBundle(bundle.zip)).failures).toEqual([]);
    const { entries } = await openZip(bundle.zip);
    const read = async (path: string) => new TextDecoder().decode(await entries.find((e) => e.path === path)!.read());
    const audit = await read('audit.jsonl');
    expect(audit).toContain(redaction.copy.sha256);
    expect(audit).not.toContain('Amy Child');
    const report = await read('report.html');
    expect(report).toContain('SHARE COPY — NOT THE FULL EVIDENCE');
    expect(report).not.toContain('Amy Child');
    expect(report).toContain(`screenshot.png (original, left out)`);
  });

  it('refuses to receive a share copy as evidence, changing nothing', async () => {
    const { world, metadata } = await redactedCapture();
    const { zip } = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF, share: true });
    const receiver = await testWorld();
    const flow = createImportFlow({ receiver: createBundleReceiver(receiver.db), actor: async () => STAFF });
    const before = [await receiver.db.captures.count(), await receiver.db.audit.count()];
    await expect(flow.importBundle(zip)).rejects.toMatchObject({
      code: 'import-refused',
      message: expect.stringContaining('share copy'),
    });
    expect([await receiver.db.captures.count(), await receiver.db.audit.count()]).toEqual(before);
  });
});
