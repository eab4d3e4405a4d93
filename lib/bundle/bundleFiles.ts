import { coverSheet } from './coverSheet';
import type { ObtainedToken } from '../timestamp/obtain';
import { pemOf } from '../timestamp/settings';
import verifyHtml from 'virtual:verify-html';
import type { ExportedAuditLine } from '../audit';
import type { CaseExport } from '../cases/case';
import type { Artefact, CaptureMetadata } from '../capture/metadata';
import type { DerivedImages } from '../derived/derivedImages';
import type { createExportedDerivedImages, PlacedDerivedImages } from '../derived/exportedDerivedImages';
import { ExhibitError } from '../errors';
import type { CaseView } from '../store/caseRepository';
import type { CaptureView } from '../store/evidenceRepository';
import { CASE_PATH, type BundlePlan, type BundleTimestamp, type PlannedCapture, type PlannedFile } from './bundlePlan';
import type { createBundleWriter, PendingFile } from './bundleWriter';
import type { BundleExporterDeps, ExportRequest } from './exportBundle';
import { BundleManifestSchema, manifestJsonSchema, type BundleManifest } from './manifest';
import { renderReportHtml } from './report';
import { reportDocument, type ReportDocument } from './reportDocument';
import type { PdfImage } from './reportPdf';
import { formatSha256Sums } from './sha256sums';
import { signManifest, type BundleSigner } from './signing';
import {
  PersonDataSchema,
  responseDueOn,
  SUBJECT_ACCESS_DATA_PATH,
  SUBJECT_ACCESS_LETTER_PATH,
  type PersonData,
} from '../subjectAccess/pack';

/** Everything one export's files are made from. */
export interface BundleBuild {
  plan: BundlePlan;
  deps: BundleExporterDeps;
  request: ExportRequest;
  exportedAtUtc: string;
  share: boolean;
  signer: BundleSigner;
  auditLines: readonly ExportedAuditLine[];
  writer: ReturnType<typeof createBundleWriter>;
  derivedImages: ReturnType<typeof createExportedDerivedImages>;
  /** A stored original's bytes, or an error saying it is missing. */
  storedBlob: (view: CaptureView, artefact: Artefact) => Promise<Blob>;
  /** Stops what runs beside the zip (report.pdf's worker) with the export. */
  signal: AbortSignal;
  /** The captures' trusted timestamps that the bundle carries (issue #20). */
  timestamps: ReadonlyMap<string, BundleTimestamp>;
  /** Asks the school's authorities for a token over manifest.json, when the plan has one. */
  stampManifest?: (manifest: Uint8Array) => Promise<ObtainedToken>;
}

/** The export's own timestamp: the time attested over manifest.json, or why there is none. */
export type ExportStamp = { attestedAtUtc: string; tsa: string } | { failed: string };

/** What the files leave behind as they are written: what the report and the manifest need. */
interface BuildState {
  /** The PDF's renditions, by the path the report shows. */
  renditions: Map<string, PdfImage>;
  /** The presentation copies written, which the report shows instead of the originals. */
  presentationCopies: Set<string>;
  manifest?: { manifest: BundleManifest; blob: Blob; sha256: string };
  /** What the school's time-stamp authority said of manifest.json (issue #20). */
  exportStamp?: ExportStamp;
  early: Promise<EarlyReport | undefined>;
  /** The report, once made for report.html; report.pdf shows the same one. */
  document?: ReportDocument;
}

interface EarlyReport {
  document: ReportDocument;
  pdf?: Promise<Uint8Array>;
}

const json = (value: unknown) => new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' });
const text = (value: string, type: string) => new Blob([value], { type: `${type};charset=utf-8` });

/**
 * The bundle's files in the plan's order, each added to the writer as its turn comes (issue #16):
 * the captures' folders, then the case, statements, audit log, report and the bundle's own files.
 * `manifest()` gives the manifest once the files have all been written.
 */
export function bundleFiles(build: BundleBuild): {
  files: AsyncGenerator<PendingFile>;
  manifest: () => { manifest: BundleManifest; sha256: string } | undefined;
  exportStamp: () => ExportStamp | undefined;
} {
  const stored = build.plan.captures.map(({ view }) => build.derivedImages.storedFor(view, build.share));
  for (const p of stored) p.catch(() => undefined); // awaited in the capture's turn
  const state: BuildState = { renditions: new Map(), presentationCopies: new Set(), early: earlyReport(build, stored) };
  state.early.catch(() => undefined); // awaited when the report's turn comes

  // Each capture's derived images are drawn (decode, caption, encode) while the capture before it
  // is read into the zip: the two overlap instead of taking turns, and only small renditions wait
  // for the report, never full-size copies.
  const derivedImagesOf = (i: number): Promise<PlacedDerivedImages | undefined> => {
    const capture = build.plan.captures[i];
    const storedImages = stored[i];
    const drawn =
      capture && storedImages
        ? build.derivedImages.forExport(capture.view, capture.folder, build.share, storedImages)
        : Promise.resolve(undefined);
    drawn.catch(() => undefined); // awaited in its turn
    return drawn;
  };

  async function* files() {
    let next = derivedImagesOf(0);
    for (const [i, capture] of build.plan.captures.entries()) {
      const these = next;
      next = derivedImagesOf(i + 1);
      yield* captureFiles(build, state, capture, these);
    }
    for (const file of build.plan.rest) {
      const pending = await restFile(build, state, file);
      if (pending) yield pending;
    }
  }

  return {
    files: files(),
    manifest: () => state.manifest && { manifest: state.manifest.manifest, sha256: state.manifest.sha256 },
    exportStamp: () => state.exportStamp,
  };
}

function documentFor(build: BundleBuild, shownCopies: ReadonlySet<string>): ReportDocument {
  return reportDocument({
    exportedAtUtc: build.exportedAtUtc,
    exportedBy: build.request.exportedBy,
    generatorVersion: build.deps.generatorVersion,
    captures: build.plan.captures.map(({ view, folder, files }) => {
      const token = files.find((file) => file.source.kind === 'timestamp-token')?.path;
      const certificate = build.timestamps.get(view.metadata.id)?.certificate.path;
      return { view, folder, ...(token && certificate ? { timestampFiles: { token, certificate } } : {}) };
    }),
    caseView: build.request.caseView,
    share: build.share,
    auditLines: build.auditLines,
    presentationCopies: shownCopies,
    keyFingerprint: build.signer.fingerprint,
    auditHeadHash: build.auditLines.at(-1)?.hash ?? '',
    subjectAccess: personDataOf(build),
    timestampAuthorities: build.plan.rest
      .filter((file) => file.source.kind === 'timestamp-certificate')
      .map((file) => file.path),
  });
}

/**
 * When every image the report shows was drawn after capture, the report is known before any file
 * is read, so report.pdf is laid out alongside the reads, not after them.
 */
async function earlyReport(
  build: BundleBuild,
  loading: Promise<DerivedImages | undefined>[],
): Promise<EarlyReport | undefined> {
  if (build.share || build.plan.captures.some((c) => c.redactions.length > 0)) return undefined;
  const loaded = await Promise.all(loading);
  const placedAll: PlacedDerivedImages[] = [];
  for (const [i, images] of loaded.entries()) {
    const capture = build.plan.captures[i];
    if (!images || !capture) return undefined;
    placedAll.push(build.derivedImages.placed(images, capture.folder));
  }
  const document = documentFor(
    build,
    new Set(placedAll.flatMap((d) => (d.presentationCopy ? [d.presentationCopy.path] : []))),
  );
  const pdf = build.deps.pdf?.render(document, new Map(placedAll.flatMap((d) => d.pdfImages)), build.signal);
  pdf?.catch(() => undefined); // awaited when the report's turn comes
  return { document, pdf };
}

/** A capture's files as the plan lists them; its derived images are waited for after its originals. */
async function* captureFiles(
  build: BundleBuild,
  state: BuildState,
  { view, files }: PlannedCapture,
  these: Promise<PlacedDerivedImages | undefined>,
) {
  const { writer, deps } = build;
  let placedImages: PlacedDerivedImages | undefined;
  const drawn = async (): Promise<PlacedDerivedImages> => {
    if (!placedImages) {
      placedImages = (await these) ?? { pdfImages: [] };
      for (const [path, image] of placedImages.pdfImages) state.renditions.set(path, image);
    }
    return placedImages;
  };
  for (const { path, source } of files) {
    if (source.kind === 'original') {
      // A stored original must still be the file hashed at capture, checked by the one read that zips it.
      const blob = await build.storedBlob(view, source.artefact);
      yield writer.add(
        { path, blob },
        { expectedSha256: source.artefact.sha256, mismatch: () => changedSinceCapture(view, source.artefact) },
      );
      continue;
    }
    const { presentationCopy } = await drawn();
    if (source.kind === 'presentation-copy') {
      if (presentationCopy?.path !== path)
        throw new ExhibitError(
          'export-failed',
          `The presentation copy of the capture of ${view.metadata.page.url} was not drawn; the export was stopped.`,
        );
      yield writer.add(
        { path, blob: presentationCopy.blob },
        {
          expectedSha256: presentationCopy.sha256,
          mismatch: () => changedPresentationCopy(view, deps.derivedImageStore?.discard),
        },
      );
      state.presentationCopies.add(path);
    } else if (source.kind === 'redacted-copy') {
      const { copy } = source.redaction;
      const stored = await deps.getRedactedCopy?.(view.metadata.id, copy.fileName);
      if (!stored)
        throw new ExhibitError(
          'export-failed',
          `The redacted copy ${copy.fileName} of the capture of ${view.metadata.page.url} is missing; the export was stopped.`,
        );
      const changed = () =>
        new ExhibitError(
          'export-failed',
          `The redacted copy ${copy.fileName} no longer matches the hash recorded when it was made; the export was stopped.`,
        );
      yield writer.add({ path, blob: stored.blob }, { expectedSha256: copy.sha256, mismatch: changed });
      if (deps.pdf) state.renditions.set(path, await deps.pdf.rendition(stored.blob));
    } else if (source.kind === 'capture-metadata') {
      yield writer.add({ path, blob: json(view.metadata) });
    } else if (source.kind === 'timestamp-token') {
      yield writer.add({
        path,
        blob: new Blob([Uint8Array.from(source.token)], { type: 'application/timestamp-reply' }),
      });
    } else
      throw new ExhibitError('export-failed', `${path} is not a file of a capture's folder; the export was stopped.`);
  }
  await drawn();
}

/** One of the files after the captures' folders, added to the writer. */
async function restFile(
  build: BundleBuild,
  state: BuildState,
  { path, source }: PlannedFile,
): Promise<PendingFile | undefined> {
  const { writer, deps, request } = build;
  switch (source.kind) {
    case 'case':
      return request.caseView && writer.add({ path, blob: json(caseExport(request.caseView)) });
    case 'attachment': {
      const stored = await deps.getAttachment?.(source.actionId, source.fileName);
      const changed = () =>
        new ExhibitError(
          'export-failed',
          `The attachment ${source.fileName} is missing or no longer matches its recorded hash; the export was stopped.`,
        );
      if (!stored) throw changed();
      // Checked against the hash recorded with the action as it is written, like an original.
      return writer.add({ path, blob: stored.blob }, { expectedSha256: source.sha256, mismatch: changed });
    }
    case 'statement':
      return writer.add({ path, blob: text(source.statement.text, 'text/plain') });
    case 'subject-access-letter':
      return request.subjectAccess && writer.add({ path, blob: text(request.subjectAccess.coverLetter, 'text/html') });
    case 'subject-access-data':
      return writer.add({ path, blob: json(personDataOf(build)) });
    case 'audit-log':
      return writer.add({
        path,
        blob: text(build.auditLines.map((l) => JSON.stringify(l)).join('\n') + '\n', 'application/x-ndjson'),
      });
    case 'report-html': {
      state.document = (await state.early)?.document ?? documentFor(build, state.presentationCopies);
      return writer.add({ path, blob: text(renderReportHtml(state.document), 'text/html') });
    }
    case 'report-pdf': {
      const ready = await state.early;
      const document = state.document ?? ready?.document ?? documentFor(build, state.presentationCopies);
      const pdf = await (ready?.pdf ?? deps.pdf?.render(document, state.renditions, build.signal));
      state.renditions.clear();
      return pdf && writer.add({ path, blob: new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }) });
    }
    case 'timestamp-certificate':
      return writer.add({ path, blob: text(pemOf(source.der), 'application/x-pem-file') });
    case 'manifest-schema':
      return writer.add({ path, blob: json(manifestJsonSchema()) });
    case 'verify-page':
      return writer.add({ path, blob: text(verifyHtml, 'text/html') });
    case 'manifest': {
      await writer.allRead();
      const manifest = manifestOf(build);
      const blob = json(manifest);
      const manifestFile = writer.add({ path, blob }, { listInManifest: false });
      state.manifest = { manifest, blob, sha256: (await manifestFile.digest).sha256 };
      return manifestFile;
    }
    case 'manifest-digest': {
      if (!state.manifest)
        throw new ExhibitError(
          'export-failed',
          'The manifest was not written before its signature; the export was stopped.',
        );
      const signed = await signManifest(build.signer, new Uint8Array(await state.manifest.blob.arrayBuffer()));
      return writer.add({ path, blob: json(signed) }, { listInManifest: false });
    }
    case 'manifest-timestamp': {
      if (!state.manifest || !build.stampManifest)
        throw new ExhibitError(
          'export-failed',
          'The manifest was not written before its timestamp; the export was stopped.',
        );
      try {
        const { token, check } = await build.stampManifest(new Uint8Array(await state.manifest.blob.arrayBuffer()));
        state.exportStamp = { attestedAtUtc: check.attestedAtUtc, tsa: check.tsa };
        const blob = new Blob([Uint8Array.from(token)], { type: 'application/timestamp-reply' });
        return writer.add({ path, blob }, { listInManifest: false });
      } catch (error) {
        // Offline or refused: the bundle is whole without it, and the export says so.
        state.exportStamp = { failed: error instanceof Error ? error.message : String(error) };
        return undefined;
      }
    }
    case 'cover-sheet': {
      if (!state.manifest)
        throw new ExhibitError(
          'export-failed',
          'The manifest was not written before its cover sheet; the export was stopped.',
        );
      const cover = coverSheet({
        school: request.exportedBy.school,
        keyFingerprint: build.signer.fingerprint,
        manifestSha256: state.manifest.sha256,
        exportedAtUtc: build.exportedAtUtc,
        exportStamp: state.exportStamp,
      });
      return writer.add({ path, blob: text(cover, 'text/plain') }, { listInManifest: false });
    }
    case 'sha256sums':
      await writer.allRead();
      return writer.add(
        { path, blob: text(formatSha256Sums(writer.digests()), 'text/plain') },
        { listInManifest: false },
      );
    default:
      throw new ExhibitError('export-failed', `${path} belongs in a capture's folder; the export was stopped.`);
  }
}

/** The manifest, from every file's hash (the writer has read them all). */
function manifestOf(build: BundleBuild): BundleManifest {
  const { request, plan, auditLines } = build;
  return BundleManifestSchema.parse({
    format: 'exhibit-evidence-bundle',
    formatVersion: 1,
    generator: { name: 'Exhibit', version: build.deps.generatorVersion },
    exportedAtUtc: build.exportedAtUtc,
    exportedBy: request.exportedBy,
    captures: plan.captures.map(({ view, folder }) => ({
      id: view.metadata.id,
      folder,
      capturedAtUtc: view.metadata.capturedAtUtc,
      url: view.metadata.page.url,
      category: view.current.category.id,
    })),
    audit: { path: 'audit.jsonl', entries: auditLines.length, headHash: auditLines.at(-1)?.hash },
    case: request.caseView
      ? { id: request.caseView.id, title: request.caseView.details.title, path: CASE_PATH }
      : undefined,
    timestamps: timestampsOf(build),
    share: build.share || undefined,
    subjectAccess: request.subjectAccess && {
      person: request.subjectAccess.request.person,
      requestReceivedOn: request.subjectAccess.request.requestReceivedOn,
      responseDueOn: responseDueOn(request.subjectAccess.request.requestReceivedOn),
      data: SUBJECT_ACCESS_DATA_PATH,
      letter: SUBJECT_ACCESS_LETTER_PATH,
    },
    files: build.writer.listed,
  });
}

/** The manifest's list of the captures' tokens and the certificates named for them. */
function timestampsOf({ plan, timestamps }: BundleBuild): BundleManifest['timestamps'] {
  const authorities = plan.rest.filter((file) => file.source.kind === 'timestamp-certificate').map((file) => file.path);
  const captures = plan.captures.flatMap(({ view, files }) => {
    const stamped = timestamps.get(view.metadata.id);
    const token = files.find((file) => file.source.kind === 'timestamp-token');
    return stamped && token
      ? [
          {
            id: view.metadata.id,
            token: token.path,
            certificate: stamped.certificate.path,
            attestedAtUtc: stamped.attestedAtUtc,
            tsa: stamped.tsa,
          },
        ]
      : [];
  });
  return captures.length > 0 || authorities.length > 0
    ? { captures, ...(authorities.length ? { authorities } : {}) }
    : undefined;
}

/** subject-access/your-data.json: what each capture and case of the pack says of the person. */
export function personDataOf({ request, plan }: Pick<BundleBuild, 'request' | 'plan'>): PersonData | undefined {
  const pack = request.subjectAccess;
  if (!pack) return undefined;
  const planned = new Map(plan.captures.map((capture) => [capture.view.metadata.id, capture]));
  return PersonDataSchema.parse({
    format: 'exhibit-subject-access',
    formatVersion: 1,
    person: pack.request.person,
    requestReceivedOn: pack.request.requestReceivedOn,
    responseDueOn: responseDueOn(pack.request.requestReceivedOn),
    captures: pack.captures.flatMap(({ captureId, places }) => {
      const capture = planned.get(captureId);
      if (!capture) return [];
      const { reference, capturedAtUtc } = capture.view.metadata;
      return [{ captureId, ...(reference ? { reference } : {}), capturedAtUtc, folder: capture.folder, places }];
    }),
    cases: pack.cases,
  });
}

export function changedSinceCapture(view: CaptureView, artefact: Artefact): ExhibitError {
  return new ExhibitError(
    'export-failed',
    `The stored ${artefact.fileName} of the capture of ${view.metadata.page.url} no longer matches the hash recorded when it was captured; the export was stopped.`,
  );
}

/** A stored presentation copy found changed: set aside, so exporting again draws it afresh. */
function changedPresentationCopy(view: CaptureView, discard?: (m: CaptureMetadata) => Promise<void>): ExhibitError {
  void discard?.(view.metadata).catch(() => undefined);
  return new ExhibitError(
    'export-failed',
    `The presentation copy of the capture of ${view.metadata.page.url} had changed since it was drawn; it has been set aside. Export again and it will be drawn afresh. The evidence itself is unchanged.`,
  );
}

function caseExport(view: CaseView): CaseExport {
  return {
    id: view.id,
    openedAtUtc: view.openedAtUtc,
    status: view.status,
    details: view.details,
    actions: view.actions.map((a) => ({
      actionId: a.actionId,
      current: a.current,
      auditEntries: a.history.map((e) => e.seq),
    })),
    captureIds: view.captureIds,
  };
}
