import verifyHtml from 'virtual:verify-html';
import type { ExportedAuditLine } from '../audit';
import type { Artefact, CaptureMetadata, StaffMember } from '../capture/metadata';
import { ExhibitError } from '../errors';
import { sha256OfBlob, shortHash } from '../hash';
import type { CaseExport } from '../cases/case';
import type { CaseView } from '../store/caseRepository';
import type { CaptureView, EvidenceRepository } from '../store/evidenceRepository';
import { BundleManifestSchema, manifestJsonSchema, type BundleManifest } from './manifest';
import { CASE_PATH, planBundle, type PlannedCapture } from './bundlePlan';
import type { DerivedImages } from '../derived/derivedImages';
import { createExportedDerivedImages, type PlacedDerivedImages } from '../derived/exportedDerivedImages';
import { createBundleWriter } from './bundleWriter';
import { renderReportHtml } from './report';
import { reportDocument, type ReportDocument } from './reportDocument';
import type { PdfImage } from './reportPdf';
import { signManifest, type BundleSigner } from './signing';
import { draftStatements } from './statement';
import { BUNDLE_LIMITS } from './limits';
import { formatSha256Sums } from './sha256sums';
import { slug } from '../slug';

export interface ExportProgress {
  done: number;
  total: number;
  path: string;
}

export interface ExportRequest {
  captureIds: readonly string[];
  /** Exporting a whole case (issue #4): its captures, plus case.json, its actions and chronology. */
  caseView?: CaseView;
  exportedBy: StaffMember;
  /** A share copy: redacted copies only, no originals (issue #5); says so on the report's cover. */
  share?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportedBundle {
  zip: Blob;
  fileName: string;
  manifest: BundleManifest;
  manifestSha256: string;
}

export interface BundleExporterDeps {
  evidence: EvidenceRepository;
  /** The audit chain for the bundle; `onlyActions` narrows which entries about the captures are given in full. */
  auditLines(
    captureIds: ReadonlySet<string>,
    caseIds: ReadonlySet<string>,
    onlyActions?: ReadonlySet<string>,
  ): Promise<ExportedAuditLine[]>;
  generatorVersion: string;
  /** Draws a presentation copy: the image with a caption band beneath (issue #5). Absent: none made. */
  caption?: (png: Blob, lines: readonly string[]) => Promise<Blob>;
  /** Presentation copy and renditions drawn after capture (lib/store/derivedImageStore.ts), when there. */
  derivedImageStore?: {
    load: (metadata: CaptureMetadata) => Promise<DerivedImages | undefined>;
    /** Called when a stored presentation copy no longer matches its hash, so the next export draws it again. */
    discard: (metadata: CaptureMetadata) => Promise<void>;
  };
  /** This installation's signing key (issue #5); every bundle's manifest is signed with it. */
  signer(): Promise<BundleSigner>;
  /** Files attached to a case's actions (issue #4), for case exports. */
  getAttachment?(actionId: string, fileName: string): Promise<{ blob: Blob; sha256: string } | undefined>;
  /** A capture's redacted copy (issue #5), exported beside its original. */
  getRedactedCopy?(captureId: string, fileName: string): Promise<{ blob: Blob; sha256: string } | undefined>;
  /** report.pdf (issue #5): laid out from the report's document and a JPEG rendition of each image it shows. Absent: no PDF. */
  pdf?: {
    render: (
      document: ReportDocument,
      images: ReadonlyMap<string, PdfImage>,
      signal?: AbortSignal,
    ) => Promise<Uint8Array>;
    rendition: (image: Blob) => Promise<PdfImage>;
  };
  clock?: () => Date;
}

const json = (value: unknown) => new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' });
const text = (value: string, type: string) => new Blob([value], { type: `${type};charset=utf-8` });

/**
 * Builds the evidence bundle (issue #2, item 6): each file is read once and hashed (SHA-256 for
 * the manifest, CRC-32 for the zip), the manifest is written from those hashes, SHA256SUMS comes
 * last, and the zip links the files' Blobs in rather than copying their bytes.
 */
export function createBundleExporter(deps: BundleExporterDeps) {
  const clock = deps.clock ?? (() => new Date());

  async function loadCaptures(ids: readonly string[]): Promise<CaptureView[]> {
    const views = await Promise.all(ids.map((id) => deps.evidence.getCapture(id)));
    const found = views.filter((v): v is CaptureView => v !== undefined);
    if (found.length === 0) throw new ExhibitError('invalid-input', 'Choose at least one capture to export.');
    if (found.length !== ids.length)
      throw new ExhibitError('invalid-input', 'Some chosen captures no longer exist; refresh the list and try again.');
    return found.sort((a, b) => a.metadata.capturedAtUtc.localeCompare(b.metadata.capturedAtUtc));
  }

  async function storedBlob(view: CaptureView, artefact: Artefact): Promise<Blob> {
    const row = await deps.evidence.getFile(view.metadata.id, artefact.fileName);
    if (!row)
      throw new ExhibitError(
        'export-failed',
        `The stored ${artefact.fileName} of the capture of ${view.metadata.page.url} is missing; the export was stopped.`,
      );
    return row.blob;
  }

  /** The stored file, checked whole against its capture hash: for drawing a presentation copy, which reads it whole anyway. */
  async function checkedBlob(view: CaptureView, artefact: Artefact): Promise<Blob> {
    const blob = await storedBlob(view, artefact);
    if ((await sha256OfBlob(blob)) !== artefact.sha256) throw changedSinceCapture(view, artefact);
    return blob;
  }

  const derivedImages = createExportedDerivedImages({
    draw: { caption: deps.caption, rendition: deps.pdf?.rendition },
    derivedImageStore: deps.derivedImageStore,
    checkedOriginal: checkedBlob,
  });

  /** What makes an export unable to start, said before anything is read. */
  function refuseUnexportable(request: ExportRequest): void {
    // A received case's actions point at entries in the sender's log, which this installation cannot re-sign.
    if (request.caseView?.chronology.some((entry) => 'receivedFrom' in entry)) {
      throw new ExhibitError(
        'export-failed',
        'This case was received from another installation, so it cannot be exported again as a case yet. Export its captures on their own (their custody entries go with them), or ask the sender for the case bundle.',
      );
    }
    if (request.share && request.caseView)
      throw new ExhibitError(
        'invalid-input',
        'A share copy is made from captures, not a whole case: choose the captures to share.',
      );
  }

  return {
    async exportBundle(request: ExportRequest): Promise<ExportedBundle> {
      refuseUnexportable(request);
      const views = await loadCaptures(request.captureIds);
      const exportedAt = clock();
      const exportedAtUtc = exportedAt.toISOString();
      const { caseView } = request;
      const signer = await deps.signer();
      const share = request.share === true;
      // A share copy carries no statements (they describe the originals) and only the redactions in full.
      const statements = share ? [] : draftStatements(views);
      const auditLines = await deps.auditLines(
        new Set(views.map((v) => v.metadata.id)),
        new Set(caseView ? [caseView.id] : []),
        share ? SHARED_ACTIONS : undefined,
      );
      if (auditLines.length > BUNDLE_LIMITS.maxAuditEntries) {
        throw new ExhibitError(
          'export-failed',
          `The audit log up to these captures has ${auditLines.length} entries, more than a bundle may carry (${BUNDLE_LIMITS.maxAuditEntries}), so the bundle was not made.`,
        );
      }
      const plan = planBundle({
        views,
        caseView,
        statements,
        share,
        presentationCopies: deps.caption !== undefined,
        pdf: deps.pdf !== undefined,
      });
      let manifestSha256 = '';
      let manifest: BundleManifest | undefined;
      let manifestBlob: Blob | undefined;

      // Ends what the export set going beside the zip (report.pdf's worker) when it fails part-way,
      // as a cancel does: left alone, the worker would lay out a PDF nobody will read.
      const stopped = new AbortController();
      const signal = request.signal ? AbortSignal.any([request.signal, stopped.signal]) : stopped.signal;
      const writer = createBundleWriter(request.signal);
      const listed = writer.listed;
      const renditions = new Map<string, PdfImage>();
      /** The presentation copies written, which the report shows instead of the originals. */
      const presentationCopies = new Set<string>();
      /** A stored original: it must still be the file hashed at capture, checked by the one read that zips it. */
      const original = async (view: CaptureView, artefact: Artefact, path: string) => {
        const blob = await storedBlob(view, artefact);
        return writer.add(
          { path, blob },
          { expectedSha256: artefact.sha256, mismatch: () => changedSinceCapture(view, artefact) },
        );
      };

      const documentWith = (shownCopies: ReadonlySet<string>): ReportDocument =>
        reportDocument({
          exportedAtUtc,
          exportedBy: request.exportedBy,
          generatorVersion: deps.generatorVersion,
          captures: plan.captures.map(({ view, folder }) => ({ view, folder })),
          caseView,
          share,
          auditLines,
          presentationCopies: shownCopies,
          keyFingerprint: signer.fingerprint,
          auditHeadHash: auditLines.at(-1)?.hash ?? '',
        });
      const stored = views.map((view) => derivedImages.storedFor(view, share));
      for (const p of stored) p.catch(() => undefined); // awaited in the capture's turn
      const early = earlyReport(stored);
      early.catch(() => undefined); // awaited when the report's turn comes

      /**
       * When every image the report shows was drawn after capture, the report is known before any
       * file is read, so report.pdf is laid out alongside the reads, not after them.
       */
      async function earlyReport(
        loading: Promise<DerivedImages | undefined>[],
      ): Promise<{ document: ReportDocument; pdf?: Promise<Uint8Array> } | undefined> {
        if (share || plan.captures.some((c) => c.redactions.length > 0)) return undefined;
        const loaded = await Promise.all(loading);
        const placedAll: PlacedDerivedImages[] = [];
        for (const [i, images] of loaded.entries()) {
          const capture = plan.captures[i];
          if (!images || !capture) return undefined;
          placedAll.push(derivedImages.placed(images, capture.folder));
        }
        const document = documentWith(
          new Set(placedAll.flatMap((d) => (d.presentationCopy ? [d.presentationCopy.path] : []))),
        );
        const pdf = deps.pdf?.render(document, new Map(placedAll.flatMap((d) => d.pdfImages)), signal);
        pdf?.catch(() => undefined); // awaited when the report's turn comes
        return { document, pdf };
      }

      // Each capture's presentation copy and PDF renditions are drawn (decode, caption, encode)
      // while the capture before it is read into the zip: the two overlap instead of taking turns,
      // and only small renditions wait for the report, never full-size copies.
      const derivedImagesOf = (i: number): Promise<PlacedDerivedImages | undefined> => {
        const capture = plan.captures[i];
        const storedImages = stored[i];
        const drawn =
          capture && storedImages
            ? derivedImages.forExport(capture.view, capture.folder, share, storedImages)
            : Promise.resolve(undefined);
        drawn.catch(() => undefined); // awaited in its turn below
        return drawn;
      };

      /** A capture's files as the plan lists them; its derived images are waited for after its originals. */
      async function* captureFiles({ view, files }: PlannedCapture, these: Promise<PlacedDerivedImages | undefined>) {
        let placedImages: PlacedDerivedImages | undefined;
        const drawn = async (): Promise<PlacedDerivedImages> => {
          if (!placedImages) {
            placedImages = (await these) ?? { pdfImages: [] };
            for (const [path, image] of placedImages.pdfImages) renditions.set(path, image);
          }
          return placedImages;
        };
        for (const { path, source } of files) {
          if (source.kind === 'original') {
            yield original(view, source.artefact, path);
            continue;
          }
          const { presentationCopy: presentation } = await drawn();
          if (source.kind === 'presentation-copy') {
            if (presentation?.path !== path)
              throw new ExhibitError(
                'export-failed',
                `The presentation copy of the capture of ${view.metadata.page.url} was not drawn; the export was stopped.`,
              );
            yield writer.add(
              { path, blob: presentation.blob },
              {
                expectedSha256: presentation.sha256,
                mismatch: () => changedPresentationCopy(view, deps.derivedImageStore?.discard),
              },
            );
            presentationCopies.add(path);
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
            if (deps.pdf) renditions.set(path, await deps.pdf.rendition(stored.blob));
          } else if (source.kind === 'capture-metadata') {
            yield writer.add({ path, blob: json(view.metadata) });
          } else
            throw new ExhibitError(
              'export-failed',
              `${path} is not a file of a capture's folder; the export was stopped.`,
            );
        }
        await drawn();
      }

      /** The files after the captures' folders, as the plan lists them. */
      async function* restFiles() {
        for (const { path, source } of plan.rest) {
          switch (source.kind) {
            case 'case':
              if (caseView) yield writer.add({ path, blob: json(caseExport(caseView)) });
              break;
            case 'attachment': {
              const stored = await deps.getAttachment?.(source.actionId, source.fileName);
              const changed = () =>
                new ExhibitError(
                  'export-failed',
                  `The attachment ${source.fileName} is missing or no longer matches its recorded hash; the export was stopped.`,
                );
              if (!stored) throw changed();
              // Checked against the hash recorded with the action as it is written, like an original.
              yield writer.add({ path, blob: stored.blob }, { expectedSha256: source.sha256, mismatch: changed });
              break;
            }
            case 'statement':
              yield writer.add({ path, blob: text(source.statement.text, 'text/plain') });
              break;
            case 'audit-log':
              yield writer.add({
                path,
                blob: text(auditLines.map((l) => JSON.stringify(l)).join('\n') + '\n', 'application/x-ndjson'),
              });
              break;
            case 'report-html': {
              const ready = await early;
              yield writer.add({
                path,
                blob: text(renderReportHtml(ready?.document ?? documentWith(presentationCopies)), 'text/html'),
              });
              break;
            }
            case 'report-pdf': {
              const ready = await early;
              const pdf = await (ready?.pdf ??
                deps.pdf?.render(ready?.document ?? documentWith(presentationCopies), renditions, signal));
              renditions.clear();
              if (pdf)
                yield writer.add({
                  path,
                  blob: new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
                });
              break;
            }
            case 'manifest-schema':
              yield writer.add({ path, blob: json(manifestJsonSchema()) });
              break;
            case 'verify-page':
              yield writer.add({ path, blob: text(verifyHtml, 'text/html') });
              break;
            case 'manifest': {
              await writer.allRead();
              manifest = BundleManifestSchema.parse({
                format: 'exhibit-evidence-bundle',
                formatVersion: 1,
                generator: { name: 'Exhibit', version: deps.generatorVersion },
                exportedAtUtc,
                exportedBy: request.exportedBy,
                captures: plan.captures.map(({ view: v, folder }) => ({
                  id: v.metadata.id,
                  folder,
                  capturedAtUtc: v.metadata.capturedAtUtc,
                  url: v.metadata.page.url,
                  category: v.current.category.id,
                })),
                audit: { path: 'audit.jsonl', entries: auditLines.length, headHash: auditLines.at(-1)?.hash },
                case: caseView ? { id: caseView.id, title: caseView.details.title, path: CASE_PATH } : undefined,
                share: share || undefined,
                files: listed,
              });
              manifestBlob = json(manifest);
              const manifestFile = writer.add({ path, blob: manifestBlob }, { listInManifest: false });
              manifestSha256 = (await manifestFile.digest).sha256;
              yield manifestFile;
              break;
            }
            case 'manifest-digest': {
              if (!manifestBlob)
                throw new ExhibitError(
                  'export-failed',
                  'The manifest was not written before its signature; the export was stopped.',
                );
              yield writer.add(
                { path, blob: json(await signManifest(signer, new Uint8Array(await manifestBlob.arrayBuffer()))) },
                { listInManifest: false },
              );
              break;
            }
            case 'sha256sums': {
              await writer.allRead();
              yield writer.add(
                { path, blob: text(formatSha256Sums(writer.digests()), 'text/plain') },
                { listInManifest: false },
              );
              break;
            }
            default:
              throw new ExhibitError('export-failed', `${path} belongs in a capture's folder; the export was stopped.`);
          }
        }
      }

      async function* files() {
        let next = derivedImagesOf(0);
        for (const [i, capture] of plan.captures.entries()) {
          const these = next;
          next = derivedImagesOf(i + 1);
          yield* captureFiles(capture, these);
        }
        yield* restFiles();
      }

      let zip: Blob;
      try {
        zip = await writer.zip(files(), exportedAt, (done, path) =>
          request.onProgress?.({ done, total: plan.files.length, path }),
        );
      } catch (error) {
        stopped.abort(error);
        if (request.signal?.aborted)
          throw new ExhibitError(
            'export-cancelled',
            'Export cancelled. No file was saved and your captures are unchanged.',
            { cause: error },
          );
        if (error instanceof ExhibitError) throw error;
        throw new ExhibitError('export-failed', 'The bundle could not be built; no file was saved. Try again.', {
          cause: error,
        });
      }
      if (!manifest)
        throw new ExhibitError('export-failed', 'The bundle was built without its manifest; no file was saved.');
      return {
        zip,
        fileName: bundleFileName(request.exportedBy.school, exportedAt, manifestSha256),
        manifest,
        manifestSha256,
      };
    },
  };
}
export type BundleExporter = ReturnType<typeof createBundleExporter>;

/** What a share copy's audit log gives in full: that each capture was made here or received, and its redactions. */
const SHARED_ACTIONS: ReadonlySet<string> = new Set(['capture.created', 'capture.received', 'capture.redacted']);

function changedSinceCapture(view: CaptureView, artefact: Artefact): ExhibitError {
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

/** `exhibit-<school>-<UTC date>-<short hash>.zip`; the hash is the manifest's, which pins every file. */
export function bundleFileName(school: string, exportedAt: Date, manifestSha256: string): string {
  const stamp = exportedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `exhibit-${slug(school, 'school')}-${stamp}-${shortHash(manifestSha256).slice(0, 8)}.zip`;
}
