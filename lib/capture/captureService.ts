import { ExhibitError, errorMessage } from '../errors';
import { sha256OfBlob } from '../hash';
import type { CaptureFiling, EvidenceRepository } from '../store';
import type { SettingsRepository } from '../store/settings';
import { localiseTime } from '../time';
import type { ImageAdapter, PageSource, TabsAdapter } from './adapters';
import {
  elementImages,
  fullPageImages,
  visibleImages,
  type CapturedImage,
  type ImageContext,
  type ImageFacts,
} from './images';
import {
  CaptureMetadataSchema,
  type Artefact,
  type CaptureForm,
  type CaptureMetadata,
  type CaptureMode,
  type Environment,
} from './metadata';
import { PageReadingSchema, type PageReading } from './pageReading';
import { createCaptureThrottle } from './region/throttle';
import { FORBIDDEN_PAGE_MESSAGE, isBrowserRefusal, isRestrictedPage } from './restrictedPages';
import { required } from '../required';

export type { PageSource, TabInfo, TabsAdapter } from './adapters';

export interface CaptureServiceDeps {
  tabs: TabsAdapter;
  images: ImageAdapter;
  evidence: EvidenceRepository;
  settings: SettingsRepository;
  readEnvironment(): Promise<Environment>;
  clock?: () => Date;
  newId?: () => string;
  timeZone?: string;
  throttle?: ReturnType<typeof createCaptureThrottle>;
}

export interface CaptureRun {
  signal?: AbortSignal;
  /** Where the capture goes (issue #4); unfiled when not said. */
  filing?: CaptureFiling;
  /** The right-clicked element, where the browser names it (Firefox); otherwise the picker asks. */
  targetElementId?: number;
  onProgress?: (slice: number, of: number) => void;
}

export interface CaptureResult {
  metadata: CaptureMetadata;
  auditHash: string;
}

interface StoredArtefact {
  artefact: Artefact;
  blob: Blob;
}

const CANCELLED = 'Capture cancelled. Nothing was saved.';

/** Browser refusals in plain words; errors of our own pass through. */
async function guard<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (error instanceof ExhibitError) throw error;
    if (isBrowserRefusal(error)) throw new ExhibitError('forbidden-page', FORBIDDEN_PAGE_MESSAGE, { cause: error });
    throw new ExhibitError(
      'capture-failed',
      `The browser could not take the screenshot, so nothing was saved (${errorMessage(error)}). Wait a moment and try again.`,
      { cause: error },
    );
  }
}

export function createCaptureService(deps: CaptureServiceDeps) {
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  // One throttle for the life of the background, so back-to-back captures respect the rate too.
  const throttle = deps.throttle ?? createCaptureThrottle();
  // Browser and extension versions do not change while the background lives; read them once.
  let environment: Promise<Environment> | undefined;
  const readEnvironment = () => (environment ??= deps.readEnvironment());

  async function readPageOrRefuse(tabId: number): Promise<PageReading> {
    try {
      return PageReadingSchema.parse(await deps.tabs.readPage(tabId));
    } catch (error) {
      if (isBrowserRefusal(error)) throw new ExhibitError('forbidden-page', FORBIDDEN_PAGE_MESSAGE, { cause: error });
      throw new ExhibitError(
        'capture-failed',
        'Exhibit could not read this page, so nothing was captured. Reload the page and try again.',
        { cause: error },
      );
    }
  }

  /** The right-clicked element when the browser can name it, else the staff member picks one. */
  async function chooseElement(tabId: number, targetElementId: number | undefined) {
    const named =
      targetElementId !== undefined && deps.tabs.markTargetElement
        ? await deps.tabs.markTargetElement(tabId, targetElementId)
        : null;
    return named ?? deps.tabs.pickElement(tabId);
  }

  return {
    /** Captures a tab in the chosen mode with its page details and source, and stores it (issues #2, #3). */
    async captureTab(
      tabId: number,
      mode: CaptureMode,
      form: CaptureForm,
      run: CaptureRun = {},
    ): Promise<CaptureResult> {
      const capturedBy = await deps.settings.getProfile();
      if (!capturedBy)
        throw new ExhibitError(
          'profile-missing',
          'Fill in your name, role, email and school in Exhibit’s options before capturing.',
        );
      const tab = await deps.tabs.getTab(tabId);
      if (isRestrictedPage(tab.url)) throw new ExhibitError('forbidden-page', FORBIDDEN_PAGE_MESSAGE);
      if (!tab.active) await deps.tabs.activate(tab);

      const element = mode === 'element' ? await guard(chooseElement(tabId, run.targetElementId)) : undefined;
      if (element === null) throw new ExhibitError('capture-cancelled', CANCELLED);
      const at = clock();
      const ctx: ImageContext = { tab, tabs: deps.tabs, images: deps.images, throttle, guard, ...run };
      // Reading the page and keeping its source run alongside the pixels, so all three show the same
      // moment and the click → stored time stays close to the screenshot's own (issue #3 benchmark).
      // A full page scrolls, so it waits for them before moving anything.
      const reading = readPageOrRefuse(tabId);
      const source = deps.tabs.savePageSource(tabId).catch((error: unknown) => new Error(errorMessage(error)));
      if (mode === 'full-page') await Promise.all([reading, source]);
      const images =
        mode === 'full-page' ? fullPageImages(ctx) : element ? elementImages(ctx, element) : visibleImages(ctx);
      // Each artefact is hashed as soon as it exists: the page's text and source while the screenshot
      // is taken, the images and the thumbnail once the pixels are in.
      const pageText = reading.then((page) =>
        describe(new Blob([page.text], { type: 'text/plain;charset=utf-8' }), {
          kind: 'page-text',
          fileName: 'page-text.txt',
          method: 'document.body.innerText',
        }),
      );
      const sourceFile = source.then((pageSource) =>
        pageSource instanceof Error ? undefined : describeSource(pageSource),
      );
      const thumbnail = images
        .then(([first]) => deps.images.makeThumbnail(required(first, 'an image of the capture').blob))
        .then((blob) =>
          describe(blob, {
            kind: 'thumbnail',
            fileName: thumbnailFileName(blob.type),
            method: 'scaled-from-screenshot',
          }),
        );
      const hashedImages = images.then((captured) =>
        Promise.all(captured.map((image: CapturedImage) => describe(image.blob, image.facts))),
      );
      const [page, pageSource, imageArtefacts, thumbnailFile, textFile, sourceFileOrNone, environmentNow] =
        await Promise.all([reading, source, hashedImages, thumbnail, pageText, sourceFile, readEnvironment()]);
      if (run.signal?.aborted) throw new ExhibitError('capture-cancelled', CANCELLED);

      const stored = [...imageArtefacts, thumbnailFile, textFile, ...(sourceFileOrNone ? [sourceFileOrNone] : [])];
      const time = localiseTime(at, deps.timeZone);
      const metadata = CaptureMetadataSchema.parse({
        schemaVersion: 4,
        id: newId(),
        mode,
        capturedAtUtc: time.utc,
        capturedAtLocal: time.local,
        timeZone: time.timeZone,
        utcOffset: time.utcOffset,
        page: {
          ...addressesOf(required(tab.url, 'the tab’s address'), page.url),
          title: page.title,
          selectedText: page.selectedText,
          viewport: page.viewport,
          devicePixelRatio: page.devicePixelRatio,
        },
        ...form,
        capturedBy,
        environment: environmentNow,
        artefacts: stored.map((s) => s.artefact),
        post: page.post,
        responseReceivedAtUtc: form.needsResponse ? receivedAt(page.post.postedAtIso, time.utc) : undefined,
        pageSourceError:
          pageSource instanceof Error ? `The browser did not give the page source: ${pageSource.message}` : undefined,
      });
      const saved = await deps.evidence.saveCapture(
        metadata,
        new Map(stored.map((s) => [s.artefact.fileName, s.blob])),
        run.filing,
      );
      return { metadata: saved.metadata, auditHash: saved.entry.hash };
    },
  };
}
export type CaptureService = ReturnType<typeof createCaptureService>;

/** An artefact's record: what it is, plus the size, type and SHA-256 of its bytes. */
async function describe(blob: Blob, facts: ImageFacts): Promise<StoredArtefact> {
  const mimeType = blob.type || 'application/octet-stream';
  return { blob, artefact: { ...facts, mimeType, bytes: blob.size, sha256: await sha256OfBlob(blob) } };
}

function describeSource(source: PageSource): Promise<StoredArtefact> {
  const mhtml = source.method === 'pageCapture.saveAsMHTML';
  return describe(source.blob, {
    kind: 'page-source',
    fileName: mhtml ? 'page.mhtml' : 'page-source.html',
    method: source.method,
  });
}

/**
 * The capture's address is the browser's, read when the capture was asked for (a restricted-page
 * check has made sure there is one); the page's own report of its address is kept beside it only
 * when the two differ, so a reader sees both and knows which the browser vouched for.
 */
function addressesOf(tabUrl: string, documentUrl: string): { url: string; documentUrl?: string } {
  return documentUrl === tabUrl ? { url: tabUrl } : { url: tabUrl, documentUrl };
}

/** The post's machine-readable time when the page gives one, else the moment of capture. */
function receivedAt(postedAtIso: string | null, capturedAtUtc: string): string {
  const posted = postedAtIso ? new Date(postedAtIso) : undefined;
  return posted && !Number.isNaN(posted.getTime()) && posted.toISOString() <= capturedAtUtc
    ? posted.toISOString()
    : capturedAtUtc;
}

function thumbnailFileName(mimeType: string): string {
  return mimeType === 'image/webp' ? 'thumbnail.webp' : mimeType === 'image/jpeg' ? 'thumbnail.jpg' : 'thumbnail.png';
}
