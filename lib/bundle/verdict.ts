import { describeExportTimestamp, describeTimestampFinding } from './verifyTimestamps';
import { errorMessage } from '../errors';
import { showInvisible } from '../visibleText';
import { chosenFolder, setAsideNote } from './bundleFolder';
import { readableFingerprint } from './signing';
import { verifyBundle, verifyEntries, withExpectedSigner, type VerifyProgress, type VerifyReport } from './verify';

/** How a check of a bundle ended: with a verdict, stopped by the person checking, or unable to finish. */
export type CheckOutcome = { report: VerifyReport } | { cancelled: true } | { error: unknown };

export type BundleCheck = (onProgress: VerifyProgress, signal: AbortSignal) => Promise<VerifyReport>;

/** A check to run, by the name it is shown under; `note` says what a folder check set aside. */
export interface NamedCheck {
  name: string;
  check: BundleCheck;
  note?: string;
}

/**
 * A bundle zip chosen or dropped in a browser; with `expectedSigner` (a fingerprint the person
 * checking typed), a bundle signed by any other key fails.
 */
export function zipCheck(file: File, expectedSigner?: string): NamedCheck {
  return {
    name: file.name,
    check: async (onProgress, signal) =>
      withExpectedSigner(await verifyBundle(file, onProgress, signal), expectedSigner),
  };
}

/** An unzipped bundle folder chosen in a browser, its files named as inside the bundle. */
export async function folderCheck(files: ArrayLike<File>, expectedSigner?: string): Promise<NamedCheck> {
  const { name, entries, setAside } = await chosenFolder(files);
  return {
    name,
    check: async (onProgress, signal) =>
      withExpectedSigner(await verifyEntries(entries, onProgress, signal), expectedSigner),
    note: setAsideNote(setAside),
  };
}

/** Runs a check to an outcome: a check stopped through its signal, or one that throws, ends in words, never an endless "Checking…". */
export async function runCheck(
  check: BundleCheck,
  onProgress: VerifyProgress,
  signal: AbortSignal,
): Promise<CheckOutcome> {
  try {
    return { report: await check(onProgress, signal) };
  } catch (error) {
    // A file deleted or changed on disk while it is read cannot be checked: say so.
    return signal.aborted ? { cancelled: true } : { error };
  }
}

export interface CheckWords {
  tone: 'pass' | 'fail' | 'stopped';
  heading: string;
  lines: string[];
  /** What was set aside from a folder (bundleFolder), said after the verdict. */
  note?: string;
}

/**
 * The words for an outcome, shared by `npm run verify`, verify.html and the dashboard, so a recipient
 * reads the same verdict, with the same facts, whichever way the bundle was checked. Every string
 * that came from the bundle (names, paths, the exporter) is in these words with its control, bidi
 * and invisible characters shown as ⟨U+XXXX⟩: a bundle cannot hide a line, clear a terminal or
 * forge a line of the verdict (issue #15).
 */
export function describeCheck(name: string, outcome: CheckOutcome, note?: string): CheckWords {
  const words = wordsFor(name, outcome, note);
  const shown = (text: string) => showInvisible(text);
  return {
    ...words,
    heading: shown(words.heading),
    lines: words.lines.map(shown),
    note: words.note === undefined ? undefined : shown(words.note),
  };
}

function wordsFor(name: string, outcome: CheckOutcome, note?: string): CheckWords {
  if ('cancelled' in outcome)
    return { tone: 'stopped', heading: `Check of ${name} cancelled: no verdict was reached.`, lines: [] };
  if ('error' in outcome)
    return { tone: 'fail', heading: `${name} could not be checked: ${errorMessage(outcome.error)}`, lines: [] };
  const { report } = outcome;
  if (!report.ok)
    return {
      tone: 'fail',
      heading: `FAIL — ${name}: ${report.failureCount ?? report.failures.length} problem(s)`,
      lines: [...report.failures],
      note,
    };
  const manifest = report.manifest;
  const lines = [
    `${report.filesChecked} files match their SHA-256 in manifest.json and SHA256SUMS; the audit chain${manifest ? ` of ${manifest.audit.entries} entries` : ''} is intact.`,
  ];
  if (manifest)
    lines.push(
      `${manifest.captures.length} capture(s), exported ${manifest.exportedAtUtc} by ${manifest.exportedBy.name} (${manifest.exportedBy.school}).`,
    );
  if (report.signedBy)
    lines.push(
      `The manifest is signed by the key with fingerprint ${readableFingerprint(report.signedBy)}. Check that it is the school's.`,
    );
  if (report.exportTimestamp) {
    lines.push(`Trusted timestamp of the export — ${describeExportTimestamp(report.exportTimestamp)}.`);
    // The three a statement signed on paper pins together: who signed, what, and when at the latest.
    if (report.signedBy && report.manifestSha256)
      lines.push(
        `Together: the key ${readableFingerprint(report.signedBy)} signed manifest.json (SHA-256 ${report.manifestSha256}), which ${report.exportTimestamp.tsa} attests existed at ${report.exportTimestamp.attestedAtUtc}.`,
      );
  }
  for (const finding of report.timestamps ?? [])
    lines.push(`Trusted timestamp — ${describeTimestampFinding(finding)}.`);
  if (report.timestamps?.length || report.exportTimestamp)
    lines.push(
      'Each timestamp token was checked against the certificate this bundle names for its authority (in timestamps/): compare that certificate with the one the authority publishes.',
    );
  return { tone: 'pass', heading: `PASS — ${name}`, lines, note };
}
