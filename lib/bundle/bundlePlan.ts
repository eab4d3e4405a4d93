import { COVER_PATH } from './coverSheet';
import { exportableRedactions, type Redaction } from '../audit';
import { primaryImage } from '../capture/artefacts';
import type { Artefact } from '../capture/metadata';
import type { CaseView } from '../store/caseRepository';
import type { CaptureView } from '../store/evidenceRepository';
import { presentationCopyName } from '../derived/derivedImages';
import { attachmentPath, MANIFEST_PATH, MANIFEST_TIMESTAMP_PATH, SHA256SUMS_PATH } from './manifest';
import { DIGEST_PATH } from './signing';
import type { DraftStatement } from './statement';
import { SUBJECT_ACCESS_DATA_PATH, SUBJECT_ACCESS_LETTER_PATH } from '../subjectAccess/pack';

export const CASE_PATH = 'case/case.json';

/** Where a file of the bundle comes from: the writer makes each from its source, in the plan's order. */
export type PlannedSource =
  | { kind: 'original'; artefact: Artefact }
  | { kind: 'presentation-copy' }
  | { kind: 'redacted-copy'; redaction: Redaction }
  | { kind: 'capture-metadata' }
  | { kind: 'timestamp-token'; token: Uint8Array }
  | { kind: 'timestamp-certificate'; der: Uint8Array }
  | { kind: 'case' }
  | { kind: 'attachment'; actionId: string; fileName: string; sha256: string }
  | { kind: 'statement'; statement: DraftStatement }
  | { kind: 'subject-access-letter' }
  | { kind: 'subject-access-data' }
  | { kind: 'audit-log' }
  | { kind: 'report-html' }
  | { kind: 'report-pdf' }
  | { kind: 'manifest-schema' }
  | { kind: 'verify-page' }
  | { kind: 'manifest' }
  | { kind: 'manifest-digest' }
  | { kind: 'manifest-timestamp' }
  | { kind: 'cover-sheet' }
  | { kind: 'sha256sums' };

export interface PlannedFile {
  path: string;
  source: PlannedSource;
}

/** One capture's folder and its files, in the order they are written. */
export interface PlannedCapture {
  view: CaptureView;
  folder: string;
  redactions: Redaction[];
  files: PlannedFile[];
}

export interface BundlePlan {
  captures: PlannedCapture[];
  /** After the captures' folders: the case, statements, audit log, report, and the bundle's own files. */
  rest: PlannedFile[];
  /** Every file, in the order written: what the export's progress counts. */
  files: PlannedFile[];
}

export interface BundlePlanInput {
  /** The captures, in the bundle's order (oldest first). */
  views: readonly CaptureView[];
  caseView?: CaseView;
  statements: readonly DraftStatement[];
  /** A share copy: each capture's redacted copies only. */
  share: boolean;
  /** Whether presentation copies are drawn (a caption is given). */
  presentationCopies: boolean;
  pdf: boolean;
  /** A subject access pack: its cover letter and the person's data (issue #18). */
  subjectAccess?: boolean;
  /** Captures' trusted timestamps (issue #20), by capture; never in a share copy (it has no metadata). */
  timestamps?: ReadonlyMap<string, BundleTimestamp>;
  /** The school's time-stamp authorities' certificates, when the export's manifest is to be stamped. */
  exportAuthorities?: readonly { der: Uint8Array; path: string }[];
}

/** A capture's token, and the certificate named for its authority (its file is named by its hash). */
export interface BundleTimestamp {
  token: Uint8Array;
  certificate: { der: Uint8Array; path: string };
  attestedAtUtc: string;
  tsa: string;
}

/**
 * Which files a bundle holds, in which order, and where each comes from (issue #16): worked out
 * before anything is read, so the writer and the progress total are the same list and cannot drift.
 */
export function planBundle(input: BundlePlanInput): BundlePlan {
  const captures = input.views.map((view, i): PlannedCapture => {
    // Folder names carry the exhibit reference (JS/4 → JS-4) where the capture has one.
    const folder = `captures/${String(i + 1).padStart(3, '0')}-${view.metadata.reference?.replace('/', '-') ?? view.metadata.id.slice(0, 8)}`;
    const redactions = exportableRedactions(view.history);
    const primary = primaryImage(view.metadata);
    const files: PlannedFile[] = [
      ...(input.share
        ? []
        : view.metadata.artefacts.map((artefact) => ({
            path: `${folder}/${artefact.fileName}`,
            source: { kind: 'original', artefact } as const,
          }))),
      ...(!input.share && input.presentationCopies && primary
        ? [
            {
              path: `${folder}/${presentationCopyName(primary.fileName)}`,
              source: { kind: 'presentation-copy' } as const,
            },
          ]
        : []),
      ...redactions.map((redaction) => ({
        path: `${folder}/${redaction.copy.fileName}`,
        source: { kind: 'redacted-copy', redaction } as const,
      })),
      ...(input.share ? [] : [{ path: `${folder}/metadata.json`, source: { kind: 'capture-metadata' } as const }]),
      ...timestampFiles(input, view, folder),
    ];
    return { view, folder, redactions, files };
  });
  const caseFiles: PlannedFile[] = input.caseView
    ? [
        { path: CASE_PATH, source: { kind: 'case' } },
        ...input.caseView.actions.flatMap(({ actionId, current }) =>
          current.attachments.map((file): PlannedFile => ({
            path: attachmentPath(actionId, file.fileName),
            source: { kind: 'attachment', actionId, fileName: file.fileName, sha256: file.sha256 },
          })),
        ),
      ]
    : [];
  const rest: PlannedFile[] = [
    ...caseFiles,
    ...input.statements.map((statement): PlannedFile => ({
      path: statement.path,
      source: { kind: 'statement', statement },
    })),
    ...(input.subjectAccess
      ? [
          { path: SUBJECT_ACCESS_LETTER_PATH, source: { kind: 'subject-access-letter' } as const },
          { path: SUBJECT_ACCESS_DATA_PATH, source: { kind: 'subject-access-data' } as const },
        ]
      : []),
    ...timestampCertificates(input),
    { path: 'audit.jsonl', source: { kind: 'audit-log' } },
    { path: 'report.html', source: { kind: 'report-html' } },
    ...(input.pdf ? [{ path: 'report.pdf', source: { kind: 'report-pdf' } as const }] : []),
    { path: 'manifest.schema.json', source: { kind: 'manifest-schema' } },
    { path: 'verify.html', source: { kind: 'verify-page' } },
    { path: MANIFEST_PATH, source: { kind: 'manifest' } },
    { path: DIGEST_PATH, source: { kind: 'manifest-digest' } },
    ...(input.exportAuthorities?.length
      ? [{ path: MANIFEST_TIMESTAMP_PATH, source: { kind: 'manifest-timestamp' } as const }]
      : []),
    { path: COVER_PATH, source: { kind: 'cover-sheet' } },
    { path: SHA256SUMS_PATH, source: { kind: 'sha256sums' } },
  ];
  return { captures, rest, files: [...captures.flatMap((c) => c.files), ...rest] };
}

/** Where a capture's token sits in its folder. */
export const TIMESTAMP_TOKEN = 'timestamp.tsr';

function timestampFiles(input: BundlePlanInput, view: CaptureView, folder: string): PlannedFile[] {
  const stamped = input.share ? undefined : input.timestamps?.get(view.metadata.id);
  return stamped
    ? [{ path: `${folder}/${TIMESTAMP_TOKEN}`, source: { kind: 'timestamp-token', token: stamped.token } }]
    : [];
}

/** Each named certificate once, however many tokens chain to it. */
function timestampCertificates(input: BundlePlanInput): PlannedFile[] {
  const byPath = new Map<string, Uint8Array>();
  if (!input.share)
    for (const { certificate } of input.timestamps?.values() ?? []) byPath.set(certificate.path, certificate.der);
  for (const { path, der } of input.exportAuthorities ?? []) byPath.set(path, der);
  return [...byPath].map(([path, der]) => ({ path, source: { kind: 'timestamp-certificate', der } }));
}
