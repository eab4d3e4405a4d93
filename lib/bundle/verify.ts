import { COVER_PATH, readCoverSheet } from './coverSheet';
import { z } from 'zod';
import {
  ExportedAuditLineSchema,
  currentRedactions,
  findChainBreaks,
  type AuditEntry,
  type AuditEvent,
  type ExportedAuditLine,
} from '../audit';
import { canonicalJson } from '../canonicalJson';
import { PersonDataSchema } from '../subjectAccess/pack';
import { CaseExportSchema } from '../cases/case';
import { CaptureMetadataSchema } from '../capture/metadata';
import { sha256Hex, sha256OfBytes } from '../hash';
import {
  attachmentPath,
  BundleManifestSchema,
  BundlePathSchema,
  MANIFEST_PATH,
  MANIFEST_TIMESTAMP_PATH,
  SHA256SUMS_PATH,
  type BundleManifest,
} from './manifest';
import { parseSha256Sums } from './sha256sums';
import { BUNDLE_LIMITS, FailureList, foldedName, maxTextBytes, parseBundleJson, zipDirectoryExtent } from './limits';
import { DIGEST_PATH, ManifestDigestSchema, checkManifestDigest, readableFingerprint } from './signing';
import { openZip, type DirectoryRecord, type ZipFileEntry } from './zipReader';
import { differenceFromExhibitZip } from './zipStructure';
import {
  checkExportTimestamp,
  checkTimestamps,
  type ExportTimestampFinding,
  type TimestampFinding,
} from './verifyTimestamps';

export interface VerifyReport {
  ok: boolean;
  /** Fingerprint of the key whose signature on the manifest checked out. */
  signedBy?: string;
  /** Every problem found, in plain words (the first hundred, then a line counting the rest); empty when the bundle passes. */
  failures: string[];
  /** How many problems there were, when more than `failures` lists. */
  failureCount?: number;
  manifest?: BundleManifest;
  /** SHA-256 of the manifest.json that was checked: the bundle's identity once it is received. */
  manifestSha256?: string;
  filesChecked: number;
  /** Each capture's trusted timestamp that checked (issue #20): the attested time beside its own clock. */
  timestamps?: TimestampFinding[];
  /** The export's trusted timestamp over manifest.json, when it has one and it checked. */
  exportTimestamp?: ExportTimestampFinding;
}

/**
 * Checks a bundle end to end (issue #2, item 7): manifest schema, each file's size and SHA-256,
 * SHA256SUMS, the audit chain and each capture's metadata against the chain. Used by the CLI and
 * by the dashboard, so both give the same verdict.
 */
export async function verifyBundle(
  bundle: Blob,
  onProgress?: VerifyProgress,
  signal?: AbortSignal,
): Promise<VerifyReport> {
  // How many entries the zip says it holds, from its end records alone: a hostile zip of a million
  // empty entries is refused before a reader builds a list of them (issue #15).
  const extent = await zipDirectoryExtent(bundle);
  if (extent && extent.entries > BUNDLE_LIMITS.maxFiles)
    return fail(
      `The zip holds ${extent.entries} files, more than any bundle can (${BUNDLE_LIMITS.maxFiles}), so it was refused.`,
    );
  if (extent && extent.directoryBytes > BUNDLE_LIMITS.maxDirectoryBytes)
    return fail(
      `The zip’s table of contents is ${extent.directoryBytes} bytes, more than any bundle’s, so it was refused.`,
    );
  let zip: Awaited<ReturnType<typeof openZip>>;
  try {
    zip = await openZip(bundle);
  } catch (error) {
    // zip.js itself refuses entries named like `../x` or `/x` (zip slip) before listing them.
    if (error instanceof Error && /unsafe filename/i.test(error.message)) {
      return fail('The zip holds a file with an unsafe path (outside the bundle folder), so it was refused.');
    }
    const startsLikeAZip = new Uint8Array(await bundle.slice(0, 4).arrayBuffer()).join() === '80,75,3,4';
    return fail(
      startsLikeAZip
        ? 'The zip is damaged or cut short (its table of contents cannot be read), so it cannot be checked.'
        : 'This file is not a zip archive, so it is not an Exhibit bundle.',
    );
  }
  try {
    const refused = zipBombReason(zip.entries) ?? directoryProblem(zip.directory);
    if (refused) return fail(refused);
    // A bundle is laid out byte for byte as Exhibit's writer lays it out: every file stored, not
    // compressed, so nothing inflates beyond the zip's own size. Checked from the headers alone,
    // before a file is read; a zip without a manifest is not a bundle, which says more.
    if (zip.entries.some((entry) => entry.path === MANIFEST_PATH)) {
      const difference = await differenceFromExhibitZip(bundle, zip.directory);
      if (difference) return fail(difference);
    }
    return await verifyEntries(zip.entries, onProgress, signal);
  } finally {
    await zip.close();
  }
}

/** Bundles hold screenshots and text; no real one inflates like this. Checked before reading any file. */
export const ZIP_LIMITS = {
  maxTotalBytes: BUNDLE_LIMITS.maxTotalBytes,
  maxRatio: 200,
  ratioAppliesAbove: 16 * 2 ** 20,
};

function zipBombReason(entries: readonly ZipFileEntry[]): string | undefined {
  const total = entries.reduce((sum, e) => sum + e.bytes, 0);
  if (total > ZIP_LIMITS.maxTotalBytes)
    return `The zip would unpack to ${(total / 2 ** 30).toFixed(1)} GiB, more than any bundle, so it was refused.`;
  const bomb = entries.find(
    (e) => e.bytes > ZIP_LIMITS.ratioAppliesAbove && e.bytes / Math.max(1, e.compressedBytes) > ZIP_LIMITS.maxRatio,
  );
  return bomb
    ? `${bomb.path} would unpack ${Math.round(bomb.bytes / Math.max(1, bomb.compressedBytes))} times larger than it is stored (a zip bomb), so the zip was refused.`
    : undefined;
}

/**
 * A directory entry carrying data, or two entries that unzip to the same file: readers disagree on
 * which one they give (unzip, bsdtar and 7z take the first, a map of names the last), so a forged
 * file could be seen while the genuine one is checked.
 */
function directoryProblem(directory: readonly DirectoryRecord[]): string | undefined {
  const withData = directory.find(
    (record) => record.path.endsWith('/') && (record.size > 0 || record.compressedSize > 0),
  );
  if (withData)
    return `The zip’s folder entry ${JSON.stringify(withData.path)} carries data, which no bundle does, so it was refused.`;
  return duplicateProblem(directory.map((record) => record.path));
}

/** Two paths that are one file on a system that folds case or Unicode forms (or are simply the same). */
function duplicateProblem(paths: readonly string[]): string | undefined {
  const seen = new Map<string, string>();
  for (const path of paths) {
    const folded = foldedName(path);
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      const how =
        earlier === path
          ? 'twice'
          : `twice (as ${JSON.stringify(earlier)} and ${JSON.stringify(path)}, one file once unzipped)`;
      return `The bundle holds ${JSON.stringify(path)} ${how}; tools disagree on which copy they show, so it was refused.`;
    }
    seen.set(folded, path);
  }
  return undefined;
}

/** A report that passes only when the signing key is the one the person checking expects (`--key`, the pin fields). */
export function withExpectedSigner(report: VerifyReport, expectedFingerprint: string | undefined): VerifyReport {
  if (!expectedFingerprint || !report.ok || report.signedBy === expectedFingerprint) return report;
  return withProblems(report, [
    `The manifest is signed by the key ${readableFingerprint(report.signedBy ?? '')}, not by the expected key ${readableFingerprint(expectedFingerprint)}.`,
  ]);
}

/** A report failed by problems found beside the verifier's own (a pinned key, a link in a folder), listed first. */
export function withProblems(report: VerifyReport, problems: readonly string[]): VerifyReport {
  if (problems.length === 0) return report;
  return {
    ...report,
    ok: false,
    signedBy: undefined,
    failures: [...problems, ...report.failures],
    failureCount: problems.length + (report.failureCount ?? report.failures.length),
  };
}

function fail(message: string): VerifyReport {
  return { ok: false, failures: [message], filesChecked: 0 };
}

/** Told after each file the manifest lists is hashed: a bundle of gigabytes takes a while. */
export type VerifyProgress = (checked: number, of: number) => void;

/**
 * Checks a bundle from its entries: a zip's, or the files of an unzipped folder (verify.html).
 * An aborted `signal` stops it between files, rejecting with the signal's reason. Every size a
 * bundle states is checked against BUNDLE_LIMITS before work is spent on it, and problems are
 * counted past the first hundred, so a hostile bundle is refused quickly in bounded memory.
 */
export async function verifyEntries(
  entries: ZipFileEntry[],
  onProgress?: VerifyProgress,
  signal?: AbortSignal,
): Promise<VerifyReport> {
  if (entries.length > BUNDLE_LIMITS.maxFiles)
    return fail(
      `The bundle holds ${entries.length} files, more than any bundle can (${BUNDLE_LIMITS.maxFiles}), so it was refused.`,
    );
  const duplicate = duplicateProblem(entries.map((entry) => entry.path));
  if (duplicate) return fail(duplicate);
  const failures = new FailureList();
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  // Only the bundle's own small JSON and text files are kept; every other file is hashed and let go,
  // so a bundle of any size is checked in bounded memory.
  const contents = new Map<string, Uint8Array>();
  const hashes = new Map<string, string>();
  const sizes = new Map<string, number>();
  const damaged = (path: string, error: unknown) => {
    failures.add(
      `${path} cannot be read from the zip (it is damaged: ${error instanceof Error ? error.message : String(error)})`,
    );
    hashes.set(path, '');
    sizes.set(path, -1);
  };

  async function digest(path: string): Promise<boolean> {
    const entry = byPath.get(path);
    if (!entry) return false;
    if (!hashes.has(path)) {
      try {
        const { sha256, bytes } = await entry.digest();
        hashes.set(path, sha256);
        sizes.set(path, bytes);
      } catch (error) {
        damaged(path, error);
      }
    }
    return true;
  }

  /** One of the bundle's own files, read whole: refused unread when larger than any bundle's is. */
  const unread = new Set<string>();
  async function read(path: string): Promise<Uint8Array | undefined> {
    const entry = byPath.get(path);
    if (!entry) return undefined;
    if (!contents.has(path)) {
      if (entry.bytes > maxTextBytes(path)) {
        failures.add(
          `${path} is ${entry.bytes} bytes, more than a bundle’s ${path.split('/').at(-1)} can be (${maxTextBytes(path)}); it was not read`,
        );
        unread.add(path);
        contents.set(path, new Uint8Array());
        return contents.get(path);
      }
      try {
        const bytes = await entry.read();
        contents.set(path, bytes);
        if (!hashes.has(path)) {
          hashes.set(path, await sha256OfBytes(bytes));
          sizes.set(path, bytes.byteLength);
        }
      } catch (error) {
        damaged(path, error);
        contents.set(path, new Uint8Array());
      }
    }
    return contents.get(path);
  }
  const readText = async (path: string) => {
    const bytes = await read(path);
    return bytes && new TextDecoder().decode(bytes);
  };

  for (const entry of entries) {
    if (!BundlePathSchema.safeParse(entry.path).success)
      failures.add(`The zip holds a file with an unsafe path: ${JSON.stringify(entry.path)}`);
  }
  const manifestText = await readText(MANIFEST_PATH);
  if (manifestText === undefined) {
    // Most likely the folder that holds the unzipped bundle was chosen, not the bundle's own folder.
    const nested = entries
      .find((entry) => entry.path.endsWith(`/${MANIFEST_PATH}`))
      ?.path.slice(0, -MANIFEST_PATH.length);
    const where = nested ? ` Its manifest.json is inside ${nested}: check that folder instead.` : '';
    return {
      ok: false,
      failures: [`This is not an Exhibit bundle: it has no manifest.json.${where}`, ...failures.toArray()],
      filesChecked: 0,
    };
  }
  // A manifest too large to read has been said to be; nothing more can be checked without it.
  if (unread.has(MANIFEST_PATH)) return { ok: false, failures: failures.toArray(), filesChecked: 0 };
  const manifestJson = parseBundleJson(manifestText);
  const listedFiles = (manifestJson as { files?: unknown } | undefined)?.files;
  if (Array.isArray(listedFiles) && listedFiles.length > entries.length) {
    // Checked before the schema, which would otherwise walk a million made-up entries.
    return {
      ok: false,
      failures: [
        ...failures.toArray(),
        `manifest.json lists ${listedFiles.length} files, but the bundle holds ${entries.length}.`,
      ],
      filesChecked: 0,
    };
  }
  const manifestParse = BundleManifestSchema.safeParse(manifestJson);
  if (!manifestParse.success) {
    const issues = manifestParse.error.issues
      .slice(0, BUNDLE_LIMITS.maxFailuresListed)
      .map((issue) => `manifest.json: ${issue.path.join('.') || '(whole file)'}: ${issue.message}`);
    return {
      ok: false,
      failures: [...failures.toArray(), 'manifest.json does not match the bundle format.', ...issues],
      filesChecked: 0,
    };
  }
  const manifest = manifestParse.data;
  const listedByPath = new Map(manifest.files.map((file) => [file.path, file]));

  for (const [index, file] of manifest.files.entries()) {
    signal?.throwIfAborted();
    const present = await digest(file.path);
    onProgress?.(index + 1, manifest.files.length);
    if (!present) failures.add(`${file.path} is listed in the manifest but missing from the bundle`);
    else if (sizes.get(file.path) === -1)
      continue; // damaged, said already
    else if (sizes.get(file.path) !== file.bytes)
      failures.add(`${file.path} has ${sizes.get(file.path)} bytes; the manifest says ${file.bytes}`);
    else if (hashes.get(file.path) !== file.sha256)
      failures.add(`${file.path} has been changed: its SHA-256 does not match the manifest`);
  }
  const signedBy = await checkDigest(
    await read(DIGEST_PATH),
    contents.get(MANIFEST_PATH) ?? new Uint8Array(),
    failures,
  );
  const listed = new Set([
    ...listedByPath.keys(),
    MANIFEST_PATH,
    DIGEST_PATH,
    SHA256SUMS_PATH,
    MANIFEST_TIMESTAMP_PATH,
    COVER_PATH,
  ]);
  const exportTimestamp = await checkExportTimestamp(
    manifest,
    contents.get(MANIFEST_PATH) ?? new Uint8Array(),
    entries.some((entry) => entry.path === MANIFEST_TIMESTAMP_PATH) ? await read(MANIFEST_TIMESTAMP_PATH) : undefined,
    read,
    failures,
  );
  for (const entry of entries)
    if (!listed.has(entry.path)) failures.add(`${entry.path} is in the bundle but not listed in the manifest`);

  // Read before SHA256SUMS is checked, which compares the hashes of the files read.
  const coverText = entries.some((entry) => entry.path === COVER_PATH) ? await readText(COVER_PATH) : undefined;
  checkSha256Sums(await readText(SHA256SUMS_PATH), hashes, manifest, failures);
  checkCoverSheet(coverText, { signedBy, manifestSha256: hashes.get(MANIFEST_PATH), exportTimestamp }, failures);
  const auditLines = checkAudit(await readText(manifest.audit.path), manifest, failures);
  const historyOf = historiesByCapture(auditLines);
  const redactedIn = redactedCopiesByFolder(manifest);
  for (const capture of manifest.captures) {
    signal?.throwIfAborted();
    const history = historyOf.get(capture.id) ?? [];
    checkRedactedCopies(capture, redactedIn.get(capture.folder) ?? [], history, failures);
    checkCapture(capture, manifest, listedByPath, await readText(`${capture.folder}/metadata.json`), history, failures);
  }
  const timestamps = await checkTimestamps(manifest, listedByPath, read, failures);
  if (manifest.case) checkCase(manifest.case, listedByPath, await readText(manifest.case.path), auditLines, failures);
  if (manifest.subjectAccess)
    checkSubjectAccess(
      manifest.subjectAccess,
      manifest,
      listedByPath,
      await readText(manifest.subjectAccess.data),
      failures,
    );
  const ok = failures.count === 0;
  return {
    ok,
    failures: failures.toArray(),
    failureCount: failures.count,
    manifest,
    manifestSha256: hashes.get(MANIFEST_PATH),
    filesChecked: hashes.size,
    signedBy: ok ? signedBy : undefined,
    ...(timestamps.length > 0 ? { timestamps } : {}),
    ...(exportTimestamp ? { exportTimestamp } : {}),
  };
}

/**
 * cover.txt (issue #20), when the bundle has one: the fingerprint, the manifest's SHA-256 and the
 * attested export time it states must be the ones checked — a sheet printed and signed must not say
 * anything the bundle does not.
 */
function checkCoverSheet(
  text: string | undefined,
  checked: { signedBy?: string; manifestSha256?: string; exportTimestamp?: ExportTimestampFinding },
  failures: FailureList,
) {
  if (text === undefined) return;
  const cover = readCoverSheet(text);
  if (checked.signedBy && cover.key !== checked.signedBy)
    failures.add(`${COVER_PATH} names another signing key than the one that signed the manifest`);
  if (cover.manifestSha256 !== checked.manifestSha256)
    failures.add(`${COVER_PATH} gives another SHA-256 than manifest.json's`);
  if (cover.attestedAtUtc !== checked.exportTimestamp?.attestedAtUtc)
    failures.add(
      checked.exportTimestamp
        ? `${COVER_PATH} gives another time than manifest.timestamp.tsr attests (${checked.exportTimestamp.attestedAtUtc})`
        : `${COVER_PATH} gives an attested export time, but the bundle has no timestamp of the export that checks`,
    );
}

/** Each capture's entries in full, in the log's order, found in one pass (a bundle can list many captures). */
export function historiesByCapture(audit: readonly ExportedAuditLine[]): Map<string, AuditEntry[]> {
  const byCapture = new Map<string, AuditEntry[]>();
  for (const line of audit) {
    if ('withheld' in line || !('captureId' in line.event)) continue;
    const history = byCapture.get(line.event.captureId) ?? [];
    history.push(line);
    byCapture.set(line.event.captureId, history);
  }
  return byCapture;
}

/** Counts lines without splitting: a hostile file of millions of lines is refused before it is parsed. */
function lineCount(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return text.endsWith('\n') || text === '' ? lines : lines + 1;
}

function checkSha256Sums(
  text: string | undefined,
  hashes: Map<string, string>,
  manifest: BundleManifest,
  failures: FailureList,
) {
  if (text === undefined) {
    failures.add('SHA256SUMS is missing');
    return;
  }
  const most = manifest.files.length + 4; // every listed file, the manifest, its digest, timestamp and cover sheet
  const count = lineCount(text);
  if (count > most) {
    failures.add(
      `SHA256SUMS has ${count} lines; a bundle of ${manifest.files.length} files has at most ${most}, so it was not read`,
    );
    return;
  }
  const { lines, problems } = parseSha256Sums(text);
  failures.addAll(problems);
  const covered = new Set(lines.map((l) => l.path));
  for (const line of lines) {
    const actual = hashes.get(line.path);
    if (actual === undefined) failures.add(`SHA256SUMS lists ${line.path}, which is not in the manifest or the zip`);
    else if (actual && actual !== line.sha256) failures.add(`${line.path} does not match its line in SHA256SUMS`);
  }
  for (const path of hashes.keys())
    if (path !== SHA256SUMS_PATH && !covered.has(path)) failures.add(`${path} is missing from SHA256SUMS`);
}

/** The manifest's digest and signature (issue #5); returns the signing key's fingerprint when they hold. */
async function checkDigest(
  bytes: Uint8Array | undefined,
  manifestBytes: Uint8Array,
  failures: FailureList,
): Promise<string | undefined> {
  if (!bytes) {
    failures.add(`${DIGEST_PATH} is missing: the manifest is not signed`);
    return undefined;
  }
  const digest = ManifestDigestSchema.safeParse(parseBundleJson(new TextDecoder().decode(bytes)));
  if (!digest.success) {
    failures.add(`${DIGEST_PATH} does not match the digest format`);
    return undefined;
  }
  const problems = await checkManifestDigest(digest.data, manifestBytes as Uint8Array<ArrayBuffer>);
  failures.addAll(problems);
  return problems.length === 0 ? digest.data.signature.keyFingerprint : undefined;
}

function checkAudit(text: string | undefined, manifest: BundleManifest, failures: FailureList): ExportedAuditLine[] {
  if (text === undefined) {
    failures.add('audit.jsonl is missing');
    return [];
  }
  const count = lineCount(text);
  if (count > BUNDLE_LIMITS.maxAuditEntries || count > manifest.audit.entries + 1) {
    // One spare line: a blank last line is not an entry.
    failures.add(
      `audit.jsonl has ${count} lines; the manifest says ${manifest.audit.entries} entries, so it was not read`,
    );
    return [];
  }
  const lines: ExportedAuditLine[] = [];
  let index = 0;
  for (let from = 0; from < text.length; index++) {
    const end = text.indexOf('\n', from);
    const raw = text.slice(from, end === -1 ? text.length : end);
    from = end === -1 ? text.length : end + 1;
    if (raw.trim() === '') continue;
    const parsed = ExportedAuditLineSchema.safeParse(parseBundleJson(raw));
    if (parsed.success) lines.push(parsed.data);
    else failures.add(`audit.jsonl line ${index + 1} is not a valid audit entry`);
  }
  failures.addAll(findChainBreaks(lines));
  if (lines.length !== manifest.audit.entries)
    failures.add(`audit.jsonl has ${lines.length} entries; the manifest says ${manifest.audit.entries}`);
  if (lines.at(-1)?.hash !== manifest.audit.headHash)
    failures.add('The last audit entry is not the one the manifest names');
  return lines;
}

type CaptureRecording = Extract<AuditEvent, { action: 'capture.created' | 'capture.received' }>;
type ListedFiles = ReadonlyMap<string, BundleManifest['files'][number]>;

function checkCapture(
  capture: BundleManifest['captures'][number],
  manifest: BundleManifest,
  listedByPath: ListedFiles,
  text: string | undefined,
  history: readonly AuditEntry[],
  failures: FailureList,
) {
  const label = `Capture ${capture.folder}`;
  // Made here (capture.created) or received from another installation's verified bundle (capture.received).
  const recorded = history
    .map((entry) => entry.event)
    .find(
      (event): event is CaptureRecording => event.action === 'capture.created' || event.action === 'capture.received',
    );
  if (manifest.share) {
    // A share copy leaves the originals and metadata out: the log must still record the capture.
    if (!recorded) failures.add(`${label}: the audit log has no entry recording this capture`);
    return;
  }
  if (text === undefined) {
    failures.add(`${label}: metadata.json is missing`);
    return;
  }
  const raw = parseBundleJson(text);
  const metadata = CaptureMetadataSchema.safeParse(raw);
  if (!metadata.success) {
    failures.add(
      `${label}: metadata.json does not match the capture format (${z.prettifyError(metadata.error).split('\n')[0]})`,
    );
    return;
  }
  if (metadata.data.id !== capture.id) failures.add(`${label}: metadata.json is for a different capture`);
  for (const artefact of metadata.data.artefacts) {
    const listed = listedByPath.get(`${capture.folder}/${artefact.fileName}`);
    if (!listed) failures.add(`${label}: ${artefact.fileName} is recorded at capture but not in the bundle`);
    else if (listed.sha256 !== artefact.sha256)
      failures.add(`${label}: ${artefact.fileName} is not the file hashed at capture`);
  }
  if (!recorded) failures.add(`${label}: the audit log has no entry recording this capture`);
  else if (recorded.metadataSha256 !== sha256Hex(canonicalJson(raw)))
    failures.add(`${label}: metadata.json differs from what was recorded at capture`);
}

/** The redacted copies the manifest lists, by the folder they are in, found in one pass. */
function redactedCopiesByFolder(manifest: BundleManifest): Map<string, BundleManifest['files']> {
  const byFolder = new Map<string, BundleManifest['files']>();
  for (const file of manifest.files) {
    const slash = file.path.lastIndexOf('/');
    if (!file.path.startsWith('redacted-', slash + 1)) continue;
    const folder = file.path.slice(0, slash);
    const files = byFolder.get(folder) ?? [];
    files.push(file);
    byFolder.set(folder, files);
  }
  return byFolder;
}

/** Each redacted copy in the bundle is the one its capture's latest capture.redacted entry vouches for. */
function checkRedactedCopies(
  capture: BundleManifest['captures'][number],
  redacted: BundleManifest['files'],
  history: readonly AuditEntry[],
  failures: FailureList,
) {
  const label = `Capture ${capture.folder}`;
  const vouched = new Map(
    currentRedactions(history).map((r) => [`${capture.folder}/${r.copy.fileName}`, r.copy.sha256]),
  );
  for (const file of redacted) {
    if (!vouched.has(file.path))
      failures.add(`${label}: ${file.path.split('/').at(-1)} is not a redacted copy the audit log records`);
    else if (vouched.get(file.path) !== file.sha256)
      failures.add(`${label}: ${file.path.split('/').at(-1)} is not the redacted copy the audit log records`);
  }
}

/** A case's file must be well formed, about the named case, and point at actions the audit log records. */
function checkCase(
  named: NonNullable<BundleManifest['case']>,
  listedByPath: ListedFiles,
  text: string | undefined,
  audit: readonly ExportedAuditLine[],
  failures: FailureList,
) {
  const parsed = CaseExportSchema.safeParse(text === undefined ? undefined : parseBundleJson(text));
  if (!parsed.success) {
    failures.add(`${named.path} is missing or does not match the case format`);
    return;
  }
  if (parsed.data.id !== named.id) failures.add(`${named.path} is for a different case`);
  const recorded = new Set(
    audit.filter((l) => !('withheld' in l) && 'caseId' in l.event && l.event.caseId === named.id).map((l) => l.seq),
  );
  for (const action of parsed.data.actions) {
    for (const seq of action.auditEntries)
      if (!recorded.has(seq))
        failures.add(`${named.path}: an action points at audit entry ${seq}, which does not record it`);
    for (const file of action.current.attachments) {
      const listed = listedByPath.get(attachmentPath(action.actionId, file.fileName));
      if (!listed) failures.add(`${named.path}: the attachment ${file.fileName} is not in the bundle`);
      else if (listed.sha256 !== file.sha256)
        failures.add(`${named.path}: the attachment ${file.fileName} is not the file recorded with the action`);
    }
  }
}

/**
 * A subject access pack's data (issue #18) must be well formed, for the person the manifest names,
 * about the pack's own captures in their folders; its cover letter must be in the bundle.
 */
function checkSubjectAccess(
  named: NonNullable<BundleManifest['subjectAccess']>,
  manifest: BundleManifest,
  listedByPath: ListedFiles,
  text: string | undefined,
  failures: FailureList,
) {
  if (!listedByPath.has(named.letter)) failures.add(`${named.letter} is not in the bundle`);
  if (!manifest.share) failures.add('A subject access pack must be a share copy; this one holds originals');
  const parsed = PersonDataSchema.safeParse(text === undefined ? undefined : parseBundleJson(text));
  if (!parsed.success) {
    failures.add(`${named.data} is missing or does not match the subject access format`);
    return;
  }
  const data = parsed.data;
  if (data.person !== named.person || data.requestReceivedOn !== named.requestReceivedOn)
    failures.add(`${named.data} is for a different request than the manifest names`);
  const folders = new Map(manifest.captures.map((capture) => [capture.id, capture.folder]));
  for (const capture of data.captures)
    if (folders.get(capture.captureId) !== capture.folder)
      failures.add(`${named.data} names a capture that is not in the pack: ${capture.folder}`);
}
