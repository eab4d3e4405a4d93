import { exportTimestampingOf, storedTimestampOf, type TimestampTransport } from '@/lib/store/timestamps';
import type { CaseAction, CaseDetails } from '@/lib/cases/case';
import { readFileSync } from 'node:fs';
import {
  ExhibitDb,
  createEvidenceRepository,
  createRedactionRepository,
  createSettingsRepository,
  loadSigningKey,
} from '@/lib/store';
import { exportableAuditLines } from '@/lib/store/auditLog';
import type { CaseRowSummary } from '@/lib/store/caseSummary';
import type { ImageAdapter } from '@/lib/capture/adapters';
import { createCaptureService, type TabsAdapter } from '@/lib/capture/captureService';
import type { Placement } from '@/lib/capture/region/geometry';
import { createCaptureThrottle } from '@/lib/capture/region/throttle';
import { createBundleExporter } from '@/lib/bundle/exportBundle';
import type { ReportDocument } from '@/lib/bundle/reportDocument';
import { renderReportPdf, type PdfImage } from '@/lib/bundle/reportPdf';
import type { CaptureForm, Environment, StaffMember } from '@/lib/capture/metadata';
import type { PageReading } from '@/lib/capture/pageReading';
import { postDetails } from '@/lib/extract/postDetails';

/** A real 1×1 PNG. */
export const ONE_PIXEL_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** A 4 × 3 JPEG, made by Chromium's encoder: the PDF's stand-in rendition under Node. */
export const TINY_JPEG = Uint8Array.from(
  atob(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAADAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABwj/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCXgKgEj//Z',
  ),
  (c) => c.charCodeAt(0),
);

/** The report's fonts, as the extension packages them. */
export const PDF_FONTS = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  mono: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
};
/** report.pdf laid out on the test's own thread (the extension uses a worker). */
export const renderPdfHere = async (document: ReportDocument, images: ReadonlyMap<string, PdfImage>) =>
  renderReportPdf(document, PDF_FONTS, images);

export const PAGE_MHTML =
  'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://social.example/posts/123\r\n\r\n<html>…</html>';

export const STAFF: StaffMember = {
  name: 'Jo Smith',
  role: 'Head of School',
  email: 'jo.smith@northwick.example',
  school: 'Northwick Park Primary',
};

export const ENVIRONMENT: Environment = {
  browserName: 'Chromium',
  browserVersion: '156.0',
  os: 'linux (x86-64)',
  extensionVersion: '0.1.0',
  userAgent: 'test',
};

/** A police referral recorded on a case, with its crime reference. */
export const POLICE_REFERRAL: CaseAction = {
  step: 'police-referral',
  date: '2026-06-05',
  who: 'Jo Smith',
  outcome: 'Reported',
  police: { crimeReference: 'CR/1/26' },
  attachments: [],
};

/** A case's details as staff enter them: a title, the person posting, and whoever is affected. */
export function caseDetails(title: string, person = 'Sam Poster', affected = ''): CaseDetails {
  return {
    title,
    personPosting: { name: person, profileUrls: [], relationship: 'parent' },
    affected,
    owner: 'Jo Smith',
  };
}

export function form(overrides: Partial<CaptureForm> = {}): CaptureForm {
  return {
    category: { id: 'defamation' },
    note: 'Posted on the village page',
    author: { name: 'A Parent', profileUrl: 'https://social.example/aparent' },
    ...overrides,
  };
}

export function pageReading(overrides: Partial<PageReading> = {}): PageReading {
  return {
    url: 'https://social.example/posts/123',
    title: 'A post',
    selectedText: '',
    text: 'The head teacher is a liar',
    viewport: { width: 1280, height: 720 },
    devicePixelRatio: 2,
    post: postDetails('generic', {
      authorName: 'A Parent',
      permalink: 'https://social.example/posts/123',
      postedAtIso: '2026-05-31T18:00:00Z',
    }),
    ...overrides,
  };
}

export function fakeTabs(
  overrides: Partial<TabsAdapter> & { page?: Partial<PageReading> } = {},
): TabsAdapter & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getTab: async (tabId) => ({
      id: tabId,
      windowId: 1,
      url: overrides.page?.url ?? 'https://social.example/posts/123',
      active: true,
    }),
    activate: async () => void calls.push('activate'),
    readPage: async () => pageReading(overrides.page),
    captureVisibleTab: async () => new Blob([ONE_PIXEL_PNG], { type: 'image/png' }),
    savePageSource: async () => ({
      blob: new Blob([PAGE_MHTML], { type: 'multipart/related' }),
      method: 'pageCapture.saveAsMHTML',
    }),
    pickElement: async () => ({ x: 10, y: 20, width: 1, height: 1 }),
    renderElement: async () => ({ blob: pngOfSize(300, 200), world: 'ISOLATED' }),
    scrollablePage: () => ({
      measure: async () => ({
        scrollX: 0,
        scrollY: 0,
        viewportWidth: 1280,
        viewportHeight: 720,
        scrollHeight: 720,
        devicePixelRatio: 1,
      }),
      scrollTo: async (y) => ({ x: 0, y }),
      restore: async () => undefined,
    }),
    ...overrides,
  };
}

let dbCounter = 0;

/** A fresh database and the services over it, with a clock that ticks a second per call. */
export async function testWorld(
  options: {
    tabs?: TabsAdapter;
    images?: ImageAdapter;
    profile?: StaffMember | null;
    /** Trusted timestamps at export (issue #20): how this world's exporter reaches a TSA. */
    timestampTransport?: TimestampTransport;
  } = {},
) {
  const db = new ExhibitDb(`exhibit-test-${++dbCounter}`);
  let tick = Date.parse('2026-06-01T09:00:00Z');
  const clock = () => new Date((tick += 1000));
  const evidence = createEvidenceRepository(db, clock);
  const settings = createSettingsRepository(db);
  if (options.profile !== null) await settings.saveProfile(options.profile ?? STAFF);
  const capture = createCaptureService({
    tabs: options.tabs ?? fakeTabs(),
    images: options.images ?? recordingImages(),
    evidence,
    settings,
    readEnvironment: async () => ENVIRONMENT,
    throttle: createCaptureThrottle({ minIntervalMs: 0 }),
    clock,
    timeZone: 'Europe/London',
  });
  const exporter = createBundleExporter({
    evidence,
    auditLines: (captureIds, caseIds, onlyActions, throughHead) =>
      exportableAuditLines(db, captureIds, caseIds, onlyActions, throughHead),
    getAttachment: (actionId, fileName) => db.attachments.get([actionId, fileName]),
    getRedactedCopy: (captureId, fileName) => db.derivedFiles.get([captureId, fileName]),
    getTimestamp: (captureId) => storedTimestampOf(db, captureId),
    ...(options.timestampTransport && { exportTimestamping: exportTimestampingOf(db, options.timestampTransport) }),
    signer: () => loadSigningKey(db),
    generatorVersion: '0.1.0',
    clock,
    pdf: { render: renderPdfHere, rendition: async () => ({ jpeg: TINY_JPEG, width: 4, height: 3 }) },
  });
  return { db, evidence, settings, capture, exporter, clock };
}

/** The first bytes of a PNG of the given size: enough for pngSize(), not an image to decode. */
export function pngOfSize(width: number, height: number): Blob {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return new Blob([bytes], { type: 'image/png' });
}

/**
 * Image work without a canvas: the thumbnail is a copy, and each canvas "image" is a PNG header of
 * the canvas's size. What was drawn where is recorded for the test to check.
 */
export function recordingImages(): ImageAdapter & {
  drawn: { width: number; pieces: (Placement & { tile: number })[] }[];
} {
  const drawn: { width: number; pieces: (Placement & { tile: number })[] }[] = [];
  return {
    drawn,
    makeThumbnail: async (png) => new Blob([await png.arrayBuffer()], { type: 'image/png' }),
    createCanvas: (width, tiles) => ({
      draw: async (_png, pieces) => void drawn.push({ width, pieces: [...pieces] }),
      finish: async () => tiles.map((t) => pngOfSize(width, t.height)),
    }),
  };
}

/** A page a test capture reads, with the bytes its screenshot and source end with, to tell captures apart. */
export type TestPage = Partial<PageReading> & { pixels?: string; source?: string };

/** A world whose next capture (`take`) reads the page given, with its own pixels and page source. */
export async function worldReadingPages() {
  let current: TestPage = {};
  const world = await testWorld({
    tabs: fakeTabs({
      getTab: async (tabId) => ({
        id: tabId,
        windowId: 1,
        url: current.url ?? 'https://social.example/posts/123',
        active: true,
      }),
      readPage: async () => {
        const { pixels: _pixels, source: _source, ...page } = current;
        return pageReading(page);
      },
      captureVisibleTab: async () =>
        new Blob([await pngOfSize(2, 2).arrayBuffer(), current.pixels ?? ''], { type: 'image/png' }),
      savePageSource: async () => ({
        blob: new Blob([`From: <Saved by Blink>\r\n\r\n<html>${current.source ?? ''}</html>`]),
        method: 'pageCapture.saveAsMHTML',
      }),
    }),
  });
  const take = async (
    page: TestPage,
    captureForm: Partial<CaptureForm> = {},
    filing?: Parameters<typeof world.capture.captureTab>[3],
  ) => {
    current = page;
    return (await world.capture.captureTab(1, 'visible', form(captureForm), filing)).metadata;
  };
  return { ...world, take };
}

/** The fields of a case's row its summary sets, to compare with what its fold gives (caseSummaryFolded). */
export function caseRowSummaryOf({
  summary,
  lastActivityUtc,
  closedAtUtc,
  words,
  pastWords,
}: CaseRowSummary): CaseRowSummary {
  return { summary, lastActivityUtc, closedAtUtc, words, pastWords };
}

/** A redacted copy of a capture's screenshot, one pixel blacked out, whose bytes are `copyBytes`. */
export function redactScreenshot(
  world: { db: ExhibitDb; clock: () => Date },
  captureId: string,
  copyBytes = 'blacked out',
) {
  return createRedactionRepository(world.db, world.clock).saveRedaction(
    captureId,
    'screenshot.png',
    [{ x: 0, y: 0, width: 1, height: 1 }],
    async () => new Blob([copyBytes], { type: 'image/png' }),
    STAFF,
  );
}
