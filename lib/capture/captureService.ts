import { ExhibitError, errorMessage } from '../errors';
import { sha256OfBlob } from '../hash';
import type { EvidenceRepository } from '../store';
import type { SettingsRepository } from '../store/settings';
import { localiseTime } from '../time';
import { CaptureMetadataSchema, type Artefact, type CaptureForm, type CaptureMetadata, type Environment } from './metadata';
import { PageReadingSchema, type PageReading } from './pageReading';
import { pngSize } from './png';
import { FORBIDDEN_PAGE_MESSAGE, isBrowserRefusal, isRestrictedPage } from './restrictedPages';

export interface TabInfo {
  id: number;
  windowId: number;
  url?: string;
  active: boolean;
}

/** The browser, reached only through this adapter (lib/browser/tabsAdapter.ts in the extension). */
export interface TabsAdapter {
  getTab(tabId: number): Promise<TabInfo>;
  /** Makes the tab the visible one in its window, since only the visible tab can be captured. */
  activate(tab: TabInfo): Promise<void>;
  readPage(tabId: number): Promise<unknown>;
  captureVisibleTab(windowId: number): Promise<Blob>;
  /** MHTML where the browser has it (Chrome), else a serialised DOM (Firefox). */
  savePageSource(tabId: number): Promise<PageSource>;
}

export interface PageSource {
  blob: Blob;
  method: 'pageCapture.saveAsMHTML' | 'dom-snapshot';
}

export interface CaptureServiceDeps {
  tabs: TabsAdapter;
  evidence: EvidenceRepository;
  settings: SettingsRepository;
  makeThumbnail(png: Blob): Promise<Blob>;
  readEnvironment(): Promise<Environment>;
  clock?: () => Date;
  newId?: () => string;
  timeZone?: string;
}

export interface CaptureResult {
  metadata: CaptureMetadata;
  auditHash: string;
}

export function createCaptureService(deps: CaptureServiceDeps) {
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());

  async function readPageOrRefuse(tabId: number): Promise<PageReading> {
    try {
      return PageReadingSchema.parse(await deps.tabs.readPage(tabId));
    } catch (error) {
      if (isBrowserRefusal(error)) throw new ExhibitError('forbidden-page', FORBIDDEN_PAGE_MESSAGE, { cause: error });
      throw new ExhibitError('capture-failed', 'Exhibit could not read this page, so nothing was captured. Reload the page and try again.', { cause: error });
    }
  }

  async function capturePixels(windowId: number): Promise<Blob> {
    try {
      return await deps.tabs.captureVisibleTab(windowId);
    } catch (error) {
      if (isBrowserRefusal(error)) throw new ExhibitError('forbidden-page', FORBIDDEN_PAGE_MESSAGE, { cause: error });
      throw new ExhibitError('capture-failed', 'The browser could not take the screenshot, so nothing was saved. Wait a moment and try again.', { cause: error });
    }
  }

  return {
    /** Captures the visible tab with its page details and stores it (issue #2, items 3–4). */
    async captureVisibleTab(tabId: number, form: CaptureForm): Promise<CaptureResult> {
      const capturedBy = await deps.settings.getProfile();
      if (!capturedBy) throw new ExhibitError('profile-missing', 'Fill in your name, role, email and school in Exhibit’s options before capturing.');
      const tab = await deps.tabs.getTab(tabId);
      if (isRestrictedPage(tab.url)) throw new ExhibitError('forbidden-page', FORBIDDEN_PAGE_MESSAGE);
      if (!tab.active) await deps.tabs.activate(tab);

      const page = await readPageOrRefuse(tabId);
      const at = clock();
      // The page source is taken alongside the pixels so both show the same moment.
      const [png, source] = await Promise.all([capturePixels(tab.windowId), deps.tabs.savePageSource(tabId).catch((error: unknown) => error)]);
      const [pixels, thumbnail, environment] = await Promise.all([pngSize(png), deps.makeThumbnail(png), deps.readEnvironment()]);
      const pageText = new Blob([page.text], { type: 'text/plain;charset=utf-8' });
      const stored: StoredArtefact[] = [
        await describe(png, { kind: 'screenshot', fileName: 'screenshot.png', method: 'tabs.captureVisibleTab', pixels }),
        await describe(thumbnail, { kind: 'thumbnail', fileName: thumbnailFileName(thumbnail.type), method: 'scaled-from-screenshot' }),
        await describe(pageText, { kind: 'page-text', fileName: 'page-text.txt', method: 'document.body.innerText' }),
      ];
      if (isPageSource(source)) {
        const mhtml = source.method === 'pageCapture.saveAsMHTML';
        stored.push(await describe(source.blob, { kind: 'page-source', fileName: mhtml ? 'page.mhtml' : 'page-source.html', method: source.method }));
      }
      const time = localiseTime(at, deps.timeZone);
      const metadata = CaptureMetadataSchema.parse({
        schemaVersion: 2,
        id: newId(),
        capturedAtUtc: time.utc,
        capturedAtLocal: time.local,
        timeZone: time.timeZone,
        utcOffset: time.utcOffset,
        page: { url: page.url, title: page.title, selectedText: page.selectedText, viewport: page.viewport, devicePixelRatio: page.devicePixelRatio },
        ...form,
        capturedBy,
        environment,
        artefacts: stored.map((s) => s.artefact),
        post: page.post,
        pageSourceError: isPageSource(source) ? undefined : `The browser did not give the page source: ${errorMessage(source)}`,
      });
      const entry = await deps.evidence.saveCapture(metadata, new Map(stored.map((s) => [s.artefact.fileName, s.blob])));
      return { metadata, auditHash: entry.hash };
    },
  };
}
export type CaptureService = ReturnType<typeof createCaptureService>;

interface StoredArtefact {
  artefact: Artefact;
  blob: Blob;
}

/** An artefact's record: what it is, plus the size, type and SHA-256 of its bytes. */
async function describe(blob: Blob, what: Pick<Artefact, 'kind' | 'fileName' | 'method' | 'pixels'>): Promise<StoredArtefact> {
  const mimeType = blob.type || 'application/octet-stream';
  return { blob, artefact: { ...what, mimeType, bytes: blob.size, sha256: await sha256OfBlob(blob) } };
}

function isPageSource(value: unknown): value is PageSource {
  return typeof value === 'object' && value !== null && 'blob' in value && 'method' in value;
}

function thumbnailFileName(mimeType: string): string {
  return mimeType === 'image/webp' ? 'thumbnail.webp' : mimeType === 'image/jpeg' ? 'thumbnail.jpg' : 'thumbnail.png';
}
