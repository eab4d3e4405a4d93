import type { ExportedAuditLine } from '../audit';
import type { Artefact, CaptureMetadata, StaffMember } from '../capture/metadata';
import { ExhibitError } from '../errors';
import { sha256Hex, sha256OfBlob, shortHash } from '../hash';
import type { CaseView } from '../store/caseRepository';
import type { CaptureView, EvidenceRepository } from '../store/evidenceRepository';
import type { BundleManifest } from './manifest';
import { planBundle, type BundleTimestamp } from './bundlePlan';
import type { DerivedImages } from '../derived/derivedImages';
import { createExportedDerivedImages } from '../derived/exportedDerivedImages';
import { createBundleWriter } from './bundleWriter';
import { bundleFiles, changedSinceCapture, type ExportStamp } from './bundleFiles';
import type { ObtainedToken } from '../timestamp/obtain';
import type { ReportDocument } from './reportDocument';
import type { PdfImage } from './reportPdf';
import type { BundleSigner } from './signing';
import { draftStatements } from './statement';
import { BUNDLE_LIMITS } from './limits';
import { slug } from '../slug';
import type { SubjectAccessPackInput } from '../subjectAccess/pack';

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
  /**
   * A subject access pack (issue #18): a share copy of the captures the person appears in, with the
   * cover letter and what each capture and case says of them (subject-access/).
   */
  subjectAccess?: SubjectAccessPackInput;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportedBundle {
  zip: Blob;
  fileName: string;
  manifest: BundleManifest;
  manifestSha256: string;
  /** The trusted timestamp of the export (issue #20), or why it could not be had; absent when off. */
  exportStamp?: ExportStamp;
}

/** A capture's obtained timestamp as the store keeps it (lib/store/timestampRow.ts). */
export interface StoredTimestamp {
  token: Uint8Array;
  namedCertificate: Uint8Array;
  attestedAtUtc: string;
  tsa: string;
}

export interface BundleExporterDeps {
  evidence: EvidenceRepository;
  /** The audit chain for the bundle; `onlyActions` narrows which entries about the captures are given in full. */
  auditLines(
    captureIds: ReadonlySet<string>,
    caseIds: ReadonlySet<string>,
    onlyActions?: ReadonlySet<string>,
    throughHead?: boolean,
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
  /**
   * Trusted timestamps at export (issue #20), when the school has them on: its authorities'
   * certificates (named in the bundle) and a token over manifest.json. Absent or none: not stamped.
   */
  exportTimestamping?: {
    authorities: () => Promise<Uint8Array[]>;
    stamp: (manifest: Uint8Array) => Promise<ObtainedToken>;
  };
  /** A capture's trusted timestamp (issue #20), when it has one: its token and the certificate named for its TSA. */
  getTimestamp?(captureId: string): Promise<StoredTimestamp | undefined>;
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

/**
 * Builds the evidence bundle (issue #2, item 6): each file is read once and hashed (SHA-256 for
 * the manifest, CRC-32 for the zip), the manifest is written from those hashes, SHA256SUMS comes
 * last, and the zip links the files' Blobs in rather than copying their bytes.
 */
export function createBundleExporter(deps: BundleExporterDeps) {
  const clock = deps.clock ?? (() => new Date());

  async function loadCaptures(request: ExportRequest): Promise<CaptureView[]> {
    const ids = request.captureIds;
    const views = await Promise.all(ids.map((id) => deps.evidence.getCapture(id)));
    const found = views.filter((v): v is CaptureView => v !== undefined);
    // A subject access pack may hold cases alone: a person named in a case with no capture of theirs.
    const casesAlone = (request.subjectAccess?.cases.length ?? 0) > 0 && ids.length === 0;
    if (found.length === 0 && !casesAlone)
      throw new ExhibitError('invalid-input', 'Choose at least one capture to export.');
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

  /** The captures' tokens, each with the certificate named for its authority (a file named by its hash). */
  async function timestampsFor(views: readonly CaptureView[]): Promise<Map<string, BundleTimestamp>> {
    const found = new Map<string, BundleTimestamp>();
    for (const view of views) {
      const stored = await deps.getTimestamp?.(view.metadata.id);
      if (!stored) continue;
      const path = authorityPath(stored.namedCertificate);
      found.set(view.metadata.id, {
        token: stored.token,
        certificate: { der: stored.namedCertificate, path },
        attestedAtUtc: stored.attestedAtUtc,
        tsa: stored.tsa,
      });
    }
    return found;
  }

  /** What makes an export unable to start, said before anything is read. */
  function refuseUnexportable(request: ExportRequest): void {
    // A received case's actions point at entries in the sender's log, which this installation cannot re-sign.
    if (request.caseView?.chronology.some((entry) => 'receivedFrom' in entry)) {
      throw new ExhibitError(
        'export-failed',
        'This case was received from another installation, so it cannot be exported again as a case yet. Export its captures on their own (their custody entries go with them), or ask the sender for the case bundle.',
      );
    }
    if ((request.share || request.subjectAccess) && request.caseView)
      throw new ExhibitError(
        'invalid-input',
        'A share copy is made from captures, not a whole case: choose the captures to share.',
      );
  }

  return {
    async exportBundle(request: ExportRequest): Promise<ExportedBundle> {
      refuseUnexportable(request);
      const views = await loadCaptures(request);
      const exportedAt = clock();
      const exportedAtUtc = exportedAt.toISOString();
      const { caseView } = request;
      const signer = await deps.signer();
      const share = request.share === true || request.subjectAccess !== undefined;
      // A share copy carries no statements (they describe the originals) and only the redactions in full.
      const statements = share ? [] : draftStatements(views);
      const auditLines = await deps.auditLines(
        new Set(views.map((v) => v.metadata.id)),
        new Set(caseView ? [caseView.id] : []),
        share ? SHARED_ACTIONS : undefined,
        // A pack may hold no capture: its log still runs to the chain's head, all withheld but its captures'.
        request.subjectAccess !== undefined,
      );
      if (auditLines.length > BUNDLE_LIMITS.maxAuditEntries) {
        throw new ExhibitError(
          'export-failed',
          `The audit log up to these captures has ${auditLines.length} entries, more than a bundle may carry (${BUNDLE_LIMITS.maxAuditEntries}), so the bundle was not made.`,
        );
      }
      const timestamps = share ? new Map<string, BundleTimestamp>() : await timestampsFor(views);
      const exportAuthorities = ((await deps.exportTimestamping?.authorities()) ?? []).map((der) => ({
        der,
        path: authorityPath(der),
      }));
      const plan = planBundle({
        views,
        caseView,
        statements,
        share,
        presentationCopies: deps.caption !== undefined,
        pdf: deps.pdf !== undefined,
        subjectAccess: request.subjectAccess !== undefined,
        timestamps,
        exportAuthorities,
      });
      // Ends what the export set going beside the zip (report.pdf's worker) when it fails part-way,
      // as a cancel does: left alone, the worker would lay out a PDF nobody will read.
      const stopped = new AbortController();
      const signal = request.signal ? AbortSignal.any([request.signal, stopped.signal]) : stopped.signal;
      const writer = createBundleWriter(request.signal);
      const {
        files,
        manifest: written,
        exportStamp,
      } = bundleFiles({
        plan,
        deps,
        request,
        exportedAtUtc,
        share,
        signer,
        auditLines,
        writer,
        derivedImages,
        storedBlob,
        signal,
        timestamps,
        stampManifest: deps.exportTimestamping?.stamp,
      });

      let zip: Blob;
      try {
        zip = await writer.zip(files, exportedAt, (done, path) =>
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
      const made = written();
      if (!made)
        throw new ExhibitError('export-failed', 'The bundle was built without its manifest; no file was saved.');
      return {
        zip,
        // A pack's name says what it is, never whom it is for: file names end up in lists and logs.
        fileName: bundleFileName(request.exportedBy.school, exportedAt, made.sha256, request.subjectAccess && 'sar'),
        manifest: made.manifest,
        manifestSha256: made.sha256,
        exportStamp: exportStamp(),
      };
    },
  };
}
export type BundleExporter = ReturnType<typeof createBundleExporter>;

/** Where a named certificate sits in a bundle: named by its hash, so each is there once. */
function authorityPath(der: Uint8Array): string {
  return `timestamps/authority-${sha256Hex(der).slice(0, 16)}.pem`;
}

/** What a share copy's audit log gives in full: that each capture was made here or received, and its redactions. */
const SHARED_ACTIONS: ReadonlySet<string> = new Set(['capture.created', 'capture.received', 'capture.redacted']);

/**
 * `exhibit-<school>-<UTC date>-<short hash>.zip` (a subject access pack's `exhibit-sar-…`); the hash
 * is the manifest's, which pins every file.
 */
export function bundleFileName(school: string, exportedAt: Date, manifestSha256: string, kind?: 'sar'): string {
  const stamp = exportedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `exhibit-${kind ? `${kind}-` : ''}${slug(school, 'school')}-${stamp}-${shortHash(manifestSha256).slice(0, 8)}.zip`;
}
