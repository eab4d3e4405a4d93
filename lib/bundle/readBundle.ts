import { AuditEntrySchema, currentRedactions, type AuditEntry } from '../audit';
import { CaseExportSchema, type CaseExport } from '../cases/case';
import { CaptureMetadataSchema, type CaptureMetadata } from '../capture/metadata';
import { ExhibitError } from '../errors';
import { sha256OfBlob, sha256OfBytes } from '../hash';
import { attachmentPath, type BundleManifest } from './manifest';
import { historiesByCapture, verifyBundle } from './verify';
import { openZip } from './zipReader';

export interface ReceivedCapture {
  metadata: CaptureMetadata;
  /** Each artefact's bytes by its file name, as listed in the metadata. */
  files: Map<string, Blob>;
}

/** What another installation sent, read from a bundle that has just verified (issue #5). */
export interface ReceivedBundle {
  manifest: BundleManifest;
  manifestSha256: string;
  /** The sending installation's signing key, whose signature on the manifest checked out. */
  keyFingerprint: string;
  captures: ReceivedCapture[];
  caseExport?: CaseExport;
  attachments: { actionId: string; fileName: string; blob: Blob; sha256: string }[];
  /** The sender's audit entries that the bundle gives in full (the rest are withheld to hashes). */
  auditEntries: AuditEntry[];
  /** Redacted copies, each vouched for by its capture.redacted entry. */
  redactedCopies: { captureId: string; fileName: string; blob: Blob; sha256: string }[];
}

/** How far receiving a bundle has got: each file checked, then each capture's files read again to keep, then the write. */
export interface ImportProgress {
  stage: 'checking' | 'reading' | 'storing';
  done?: number;
  total?: number;
}

const REFUSED = 'This bundle was not imported, and nothing here was changed, because it did not pass its checks:';

/**
 * Verifies a bundle and, only if every check passes, reads what is needed to store it. Every file
 * read is checked again against the manifest, so what is stored is what was verified.
 */
export async function readReceivedBundle(
  bundle: Blob,
  onProgress?: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ReceivedBundle> {
  const report = await verifyBundle(bundle, (done, total) => onProgress?.({ stage: 'checking', done, total }), signal);
  const { manifest, manifestSha256, signedBy } = report;
  if (!report.ok || !manifest || !manifestSha256 || !signedBy) {
    const problems = report.failures.length ? report.failures : ['The manifest’s signature could not be checked.'];
    throw new ExhibitError('import-refused', `${REFUSED} ${problems.join('; ')}`, { problems });
  }
  if (manifest.share) {
    const problem =
      'It is a share copy: redacted copies only, without the originals, so it cannot be received as evidence. Ask the sender for the full bundle.';
    throw new ExhibitError('import-refused', `This bundle was not imported, and nothing here was changed. ${problem}`, {
      problems: [problem],
    });
  }
  const zip = await openZip(bundle);
  try {
    const byPath = new Map(zip.entries.map((entry) => [entry.path, entry]));
    const listed = new Map(manifest.files.map((file) => [file.path, file]));
    const changedWhileRead = (path: string) =>
      new ExhibitError('import-refused', `${REFUSED} ${path} changed while it was being read.`, {
        problems: [`${path} changed while it was being read`],
      });
    /** A small file (metadata, the case, the audit log), read once: the bytes hashed are the bytes used. */
    const text = async (path: string): Promise<string> => {
      const bytes = await byPath.get(path)?.read();
      if (!bytes || (await sha256OfBytes(bytes)) !== listed.get(path)?.sha256) throw changedWhileRead(path);
      return new TextDecoder().decode(bytes);
    };
    const json = async (path: string) => JSON.parse(await text(path)) as unknown;
    /** A file to store, kept as a slice of the bundle rather than read into memory (a bundle can be gigabytes). */
    const file = async (path: string, type: string | undefined): Promise<Blob> => {
      const blob = await byPath.get(path)?.blob(type);
      if (!blob || (await sha256OfBlob(blob)) !== listed.get(path)?.sha256) throw changedWhileRead(path);
      return blob; // the store's check before writing finds this hash already worked out
    };

    const captures: ReceivedCapture[] = [];
    for (const capture of manifest.captures) {
      signal?.throwIfAborted();
      const metadata = CaptureMetadataSchema.parse(await json(`${capture.folder}/metadata.json`));
      const files = new Map<string, Blob>();
      for (const artefact of metadata.artefacts)
        files.set(artefact.fileName, await file(`${capture.folder}/${artefact.fileName}`, artefact.mimeType));
      captures.push({ metadata, files });
      onProgress?.({ stage: 'reading', done: captures.length, total: manifest.captures.length });
    }
    const caseExport = manifest.case ? CaseExportSchema.parse(await json(manifest.case.path)) : undefined;
    const attachments = [];
    for (const action of caseExport?.actions ?? []) {
      for (const attached of action.current.attachments) {
        const path = attachmentPath(action.actionId, attached.fileName);
        attachments.push({
          actionId: action.actionId,
          fileName: attached.fileName,
          sha256: attached.sha256,
          blob: await file(path, listed.get(path)?.mimeType),
        });
      }
    }
    const auditText = await text(manifest.audit.path);
    const auditEntries = auditText
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => AuditEntrySchema.safeParse(JSON.parse(line)))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
    // Each capture's history found in one pass: a bundle may hold thousands of captures and entries.
    const historyOf = historiesByCapture(auditEntries);
    const redactedCopies = [];
    for (const capture of manifest.captures) {
      for (const { copy } of currentRedactions(historyOf.get(capture.id) ?? [])) {
        const path = `${capture.folder}/${copy.fileName}`;
        if (listed.has(path))
          redactedCopies.push({
            captureId: capture.id,
            fileName: copy.fileName,
            sha256: copy.sha256,
            blob: await file(path, 'image/png'),
          });
      }
    }
    return {
      manifest,
      manifestSha256,
      keyFingerprint: signedBy,
      captures,
      caseExport,
      attachments,
      auditEntries,
      redactedCopies,
    };
  } finally {
    await zip.close();
  }
}
