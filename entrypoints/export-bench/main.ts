import { pageServices } from '@/lib/browser/pageServices';
import { imageAdapter } from '@/lib/browser/imageAdapter';
import { presentationCaption } from '@/lib/derived/derivedImages';
import { primaryImage } from '@/lib/capture/artefacts';
import { readEnvironment } from '@/lib/browser/environment';
import { saveFile } from '@/lib/browser/downloads';
import { createExportFlow } from '@/lib/bundle/exportFlow';
import { openZip } from '@/lib/bundle/zipReader';
import { createBundleExporter } from '@/lib/bundle/exportBundle';
import { ExhibitDb, createDerivedImageStore, exportableAuditLines, loadSigningKey } from '@/lib/store';
import { DERIVED_IMAGE_DRAWING } from '@/lib/browser/derivedImageDrawing';
import { createCaptureService, type TabsAdapter } from '@/lib/capture/captureService';
import { createCaptureThrottle } from '@/lib/capture/region/throttle';
import { postDetails } from '@/lib/extract/postDetails';
import { sha256OfBytes } from '@/lib/hash';
import { context2d } from '@/lib/browser/canvas';
import { required } from '@/lib/required';
import { fillStore, type FillResult } from '@/lib/store/scaleFill';
import { createPageExporter } from '@/lib/browser/bundleServices';

// `npm run bench` (scripts/bench.ts) drives this page, in the e2e build only (wxt.config.ts skips it
// otherwise): it fills the store with large captures through the real capture service, then times
// the real export against the hash + copy baseline (issue #5, "Scale and speed").

/** A PNG of random pixels: incompressible, so its size is what a bundle of photos would weigh. */
async function noisePng(width: number, height: number): Promise<Blob> {
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let offset = 0; offset < pixels.length; offset += 65536)
    crypto.getRandomValues(pixels.subarray(offset, offset + 65536));
  for (let alpha = 3; alpha < pixels.length; alpha += 4) pixels[alpha] = 255;
  const canvas = new OffscreenCanvas(width, height);
  context2d(canvas).putImageData(new ImageData(pixels, width, height), 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** A tab whose "screenshot" is the given PNG: the capture service and the store do everything else. */
function tabShowing(png: Blob, index: () => number): TabsAdapter {
  const url = () => `https://social.example/posts/${index()}`;
  return {
    getTab: (id) => Promise.resolve({ id, windowId: 1, url: url(), active: true }),
    activate: () => Promise.resolve(),
    readPage: () =>
      Promise.resolve({
        url: url(),
        title: `Post ${index()}`,
        selectedText: '',
        text: 'Benchmark post text',
        viewport: { width: 1280, height: 720 },
        devicePixelRatio: 1,
        post: postDetails('generic', {}),
      }),
    captureVisibleTab: () => Promise.resolve(png),
    savePageSource: () =>
      Promise.resolve({
        blob: new Blob([`<html><body>Post ${index()}</body></html>`], { type: 'text/html' }),
        method: 'dom-snapshot' as const,
      }),
    pickElement: () => Promise.resolve(null),
    renderElement: () => Promise.resolve({ blob: png, world: 'ISOLATED' as const }),
    scrollablePage: () => {
      throw new Error('not used by the benchmark');
    },
  };
}

let lastBundle: Blob | undefined;

const bench = {
  /**
   * What the exporter reads: every stored file of the captures (originals, and with `derived` the
   * presentation copies and renditions drawn after capture), from IndexedDB, hashed and copied into one Blob.
   */
  async hashAndCopyStored(ids: string[], derived: boolean): Promise<{ ms: number; bytes: number }> {
    const { evidence } = pageServices();
    const db = new ExhibitDb();
    const start = performance.now();
    const parts: ArrayBuffer[] = [];
    for (const id of ids) {
      const view = required(await evidence.getCapture(id), `capture ${id}`);
      const blobs = [
        ...(await Promise.all(
          view.metadata.artefacts.map(async (a) => required(await evidence.getFile(id, a.fileName), a.fileName).blob),
        )),
        ...(derived ? (await db.derivedFiles.where('captureId').equals(id).toArray()).map((row) => row.blob) : []),
      ];
      for (const blob of blobs) {
        const bytes = await blob.arrayBuffer();
        await sha256OfBytes(bytes);
        parts.push(bytes);
      }
    }
    return { ms: performance.now() - start, bytes: new Blob(parts).size };
  },

  /** The presentation copies on their own: decode, caption and PNG-encode each capture's image, as the background does. */
  async captionAll(ids: string[]): Promise<{ ms: number }> {
    const { evidence } = pageServices();
    const start = performance.now();
    for (const id of ids) {
      const { metadata } = required(await evidence.getCapture(id), `capture ${id}`);
      const original = required(primaryImage(metadata), 'an image of the capture');
      await DERIVED_IMAGE_DRAWING.caption(
        required(await evidence.getFile(id, original.fileName), original.fileName).blob,
        presentationCaption(metadata, original),
      );
    }
    return { ms: performance.now() - start };
  },

  /**
   * A store of years (issue #17): one capture of a drawn 1280 × 720 page stored through the real
   * capture service, then `captures` copies and `cases` cases written by the documented fast path.
   */
  async fillStore(captures: number, cases: number): Promise<FillResult> {
    const canvas = new OffscreenCanvas(1280, 720);
    const context = context2d(canvas);
    context.fillStyle = '#f0f2f5';
    context.fillRect(0, 0, 1280, 720);
    context.fillStyle = '#1c1e21';
    context.font = '20px sans-serif';
    for (let line = 0; line < 20; line++)
      context.fillText(`A post about the school, line ${line + 1}`, 40, 60 + line * 30);
    const png = await canvas.convertToBlob({ type: 'image/png' });
    const services = pageServices();
    const capture = createCaptureService({
      tabs: tabShowing(png, () => 0),
      images: imageAdapter,
      evidence: services.evidence,
      settings: services.settings,
      readEnvironment,
      throttle: createCaptureThrottle({ minIntervalMs: 0 }),
    });
    const { metadata } = await capture.captureTab(1, 'visible', {
      category: { id: 'threats' },
      note: 'template',
      author: {},
    });
    const staff = required(await services.settings.getProfile(), 'the staff profile');
    return fillStore(new ExhibitDb(), metadata, captures, cases, staff);
  },

  /** Stores `count` visible captures of a `width` × `height` noise image; returns their ids and the image's size. */
  async seed(count: number, width: number, height: number): Promise<{ ids: string[]; pngBytes: number }> {
    const png = await noisePng(width, height);
    const services = pageServices();
    let n = 0;
    const capture = createCaptureService({
      tabs: tabShowing(png, () => n),
      images: imageAdapter,
      evidence: services.evidence,
      settings: services.settings,
      readEnvironment,
      throttle: createCaptureThrottle({ minIntervalMs: 0 }),
    });
    const ids: string[] = [];
    // As the background does after each capture: presentation copy and PDF renditions drawn once.
    const stored = createDerivedImageStore(new ExhibitDb());
    for (n = 1; n <= count; n++) {
      const { metadata } = await capture.captureTab(1, 'visible', {
        category: { id: 'threats' },
        note: `benchmark ${n}`,
        author: {},
      });
      await stored.drawAndKeep(metadata.id, DERIVED_IMAGE_DRAWING);
      ids.push(metadata.id);
    }
    return { ids, pngBytes: png.size };
  },

  /**
   * The real export (build, save through downloads, record), as the dashboard's Export button runs
   * it; the bundle is kept for the baseline.
   */
  async exportAll(ids: string[]): Promise<{ ms: number; buildMs: number; fileName: string; builtBytes: number }> {
    const services = pageServices();
    const exportedBy = required(await services.settings.getProfile(), 'the staff profile');
    let builtAt = 0;
    const exportAndSave = createExportFlow({
      exporter: createPageExporter({
        db: new ExhibitDb(),
        evidence: services.evidence,
        redactions: services.redactions,
      }),
      evidence: services.evidence,
      saveFile: (zip, fileName, ask) => (
        (lastBundle = zip),
        (builtAt = performance.now()),
        saveFile(zip, fileName, ask)
      ),
    });
    const start = performance.now();
    const { fileName } = await exportAndSave({ captureIds: ids, exportedBy, askWhereToSave: false });
    return {
      ms: performance.now() - start,
      buildMs: builtAt - start,
      fileName,
      builtBytes: required(lastBundle, 'the exported bundle').size,
    };
  },

  /**
   * The same export without presentation copies or PDF: the streaming writer's own cost (reading
   * the store, hashing, zipping, writing the file), to tell it from the images' drawing.
   */
  async writerOnly(ids: string[]): Promise<{ ms: number; bytes: number }> {
    const services = pageServices();
    const db = new ExhibitDb();
    const exporter = createBundleExporter({
      evidence: services.evidence,
      auditLines: (captureIds, caseIds) => exportableAuditLines(db, captureIds, caseIds),
      generatorVersion: 'bench',
      signer: () => loadSigningKey(db),
    });
    const start = performance.now();
    const bundle = await exporter.exportBundle({
      captureIds: ids,
      exportedBy: required(await services.settings.getProfile(), 'the staff profile'),
    });
    return { ms: performance.now() - start, bytes: bundle.zip.size };
  },

  /**
   * Erases the newest capture not on hold, as the erasure form does (issue #18), timed from the
   * confirmed request to the transaction's end: the cost of erasing one capture in a store of years.
   */
  async eraseNewest(): Promise<{ ms: number }> {
    const services = pageServices();
    const db = new ExhibitDb();
    const row = required(
      await db.captures
        .orderBy('capturedAtUtc')
        .reverse()
        .filter((r) => r.summary.heldSince === undefined)
        .first(),
      'a capture to erase',
    );
    const actor = required(await services.settings.getProfile(), 'the staff profile');
    const plan = await services.erasure.plan({ captureId: row.id });
    const start = performance.now();
    await services.erasure.erase({ captureId: row.id }, { reason: 'bench', confirmation: plan.confirmWith }, actor);
    return { ms: performance.now() - start };
  },

  /** Lets go of the last export's zip when no baseline reads it. */
  releaseBundle(): Promise<void> {
    lastBundle = undefined;
    return Promise.resolve();
  },

  /**
   * The strict baseline: the bundle's own files, already in memory, each hashed (WebCrypto) and
   * copied into one Blob — less than any exporter of these bytes can do, since it must read them.
   */
  async hashAndCopyBundle(): Promise<{ ms: number; bytes: number; files: number }> {
    const { entries, close } = await openZip(required(lastBundle, 'the exported bundle'));
    const files: Uint8Array<ArrayBuffer>[] = [];
    for (const entry of entries) files.push(await entry.read());
    await close();
    lastBundle = undefined;
    const start = performance.now();
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for (const bytes of files) {
      await sha256OfBytes(bytes);
      parts.push(bytes);
    }
    const copy = new Blob(parts);
    return { ms: performance.now() - start, bytes: copy.size, files: files.length };
  },
};

(globalThis as { exhibitBench?: typeof bench }).exhibitBench = bench;
