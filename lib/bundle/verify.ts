import { z } from 'zod';
import { ExportedAuditLineSchema, currentRedactions, findChainBreaks, type AuditEntry, type AuditEvent, type ExportedAuditLine } from '../audit';
import { canonicalJson } from '../canonicalJson';
import { CaseExportSchema } from '../cases/case';
import { CaptureMetadataSchema } from '../capture/metadata';
import { sha256Hex, sha256OfBytes } from '../hash';
import { attachmentPath, BundleManifestSchema, BundlePathSchema, MANIFEST_PATH, SHA256SUMS_PATH, type BundleManifest } from './manifest';
import { parseSha256Sums } from './sha256sums';
import { DIGEST_PATH, ManifestDigestSchema, checkManifestDigest } from './signing';
import { openZip, type ZipFileEntry } from './zipReader';
import { differenceFromExhibitZip } from './zipStructure';

export interface VerifyReport {
  ok: boolean;
  /** Fingerprint of the key whose signature on the manifest checked out. */
  signedBy?: string;
  /** Every problem found, in plain words; empty when the bundle passes. */
  failures: string[];
  manifest?: BundleManifest;
  /** SHA-256 of the manifest.json that was checked: the bundle's identity once it is received. */
  manifestSha256?: string;
  filesChecked: number;
}

/**
 * Checks a bundle end to end (issue #2, item 7): manifest schema, each file's size and SHA-256,
 * SHA256SUMS, the audit chain and each capture's metadata against the chain. Used by the CLI and
 * by the dashboard, so both give the same verdict.
 */
export async function verifyBundle(bundle: Blob, onProgress?: VerifyProgress, signal?: AbortSignal): Promise<VerifyReport> {
  let zip: Awaited<ReturnType<typeof openZip>>;
  try {
    zip = await openZip(bundle);
  } catch (error) {
    // zip.js itself refuses entries named like `../x` or `/x` (zip slip) before listing them.
    if (error instanceof Error && /unsafe filename/i.test(error.message)) {
      return fail('The zip holds a file with an unsafe path (outside the bundle folder), so it was refused.');
    }
    const startsLikeAZip = new Uint8Array(await bundle.slice(0, 4).arrayBuffer()).join() === '80,75,3,4';
    return fail(startsLikeAZip ? 'The zip is damaged or cut short (its table of contents cannot be read), so it cannot be checked.' : 'This file is not a zip archive, so it is not an Exhibit bundle.');
  }
  try {
    const bomb = zipBombReason(zip.entries);
    if (bomb) return fail(bomb);
    const report = await verifyEntries(zip.entries, onProgress, signal);
    if (!report.manifest) return report; // not a bundle at all: how its zip is laid out does not matter
    const difference = await differenceFromExhibitZip(bundle, zip.directory);
    return difference ? { ...report, ok: false, signedBy: undefined, failures: [...report.failures, difference] } : report;
  } finally {
    await zip.close();
  }
}

/** Bundles hold screenshots and text; no real one inflates like this. Checked before reading any file. */
export const ZIP_LIMITS = { maxTotalBytes: 64 * 2 ** 30, maxRatio: 200, ratioAppliesAbove: 16 * 2 ** 20 };

function zipBombReason(entries: readonly ZipFileEntry[]): string | undefined {
  const total = entries.reduce((sum, e) => sum + e.bytes, 0);
  if (total > ZIP_LIMITS.maxTotalBytes) return `The zip would unpack to ${(total / 2 ** 30).toFixed(1)} GiB, more than any bundle, so it was refused.`;
  const bomb = entries.find((e) => e.bytes > ZIP_LIMITS.ratioAppliesAbove && e.bytes / Math.max(1, e.compressedBytes) > ZIP_LIMITS.maxRatio);
  return bomb ? `${bomb.path} would unpack ${Math.round(bomb.bytes / Math.max(1, bomb.compressedBytes))} times larger than it is stored (a zip bomb), so the zip was refused.` : undefined;
}

function fail(message: string): VerifyReport {
  return { ok: false, failures: [message], filesChecked: 0 };
}

/** Told after each file the manifest lists is hashed: a bundle of gigabytes takes a while. */
export type VerifyProgress = (checked: number, of: number) => void;

/**
 * Checks a bundle from its entries: a zip's, or the files of an unzipped folder (verify.html).
 * An aborted `signal` stops it between files, rejecting with the signal's reason.
 */
export async function verifyEntries(entries: ZipFileEntry[], onProgress?: VerifyProgress, signal?: AbortSignal): Promise<VerifyReport> {
  const failures: string[] = [];
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  // Only the bundle's own small JSON and text files are kept; every other file is hashed and let go,
  // so a bundle of any size is checked in bounded memory.
  const contents = new Map<string, Uint8Array>();
  const hashes = new Map<string, string>();
  const sizes = new Map<string, number>();
  const damaged = (path: string, error: unknown) => {
    failures.push(`${path} cannot be read from the zip (it is damaged: ${error instanceof Error ? error.message : error})`);
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

  async function read(path: string): Promise<Uint8Array | undefined> {
    const entry = byPath.get(path);
    if (!entry) return undefined;
    if (!contents.has(path)) {
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
    if (!BundlePathSchema.safeParse(entry.path).success) failures.push(`The zip holds a file with an unsafe path: ${JSON.stringify(entry.path)}`);
  }
  const manifestText = await readText(MANIFEST_PATH);
  if (manifestText === undefined) {
    // Most likely the folder that holds the unzipped bundle was chosen, not the bundle's own folder.
    const nested = entries.find((entry) => entry.path.endsWith(`/${MANIFEST_PATH}`))?.path.slice(0, -MANIFEST_PATH.length);
    const where = nested ? ` Its manifest.json is inside ${nested}: check that folder instead.` : '';
    return { ok: false, failures: [`This is not an Exhibit bundle: it has no manifest.json.${where}`, ...failures], filesChecked: 0 };
  }
  const manifestParse = BundleManifestSchema.safeParse(parseJson(manifestText));
  if (!manifestParse.success) {
    const issues = manifestParse.error.issues.map((issue) => `manifest.json: ${issue.path.join('.') || '(whole file)'}: ${issue.message}`);
    return { ok: false, failures: [...failures, 'manifest.json does not match the bundle format.', ...issues], filesChecked: 0 };
  }
  const manifest = manifestParse.data;

  for (const [index, file] of manifest.files.entries()) {
    signal?.throwIfAborted();
    const present = await digest(file.path);
    onProgress?.(index + 1, manifest.files.length);
    if (!present) failures.push(`${file.path} is listed in the manifest but missing from the bundle`);
    else if (sizes.get(file.path) === -1) continue; // damaged, said already
    else if (sizes.get(file.path) !== file.bytes) failures.push(`${file.path} has ${sizes.get(file.path)} bytes; the manifest says ${file.bytes}`);
    else if (hashes.get(file.path) !== file.sha256) failures.push(`${file.path} has been changed: its SHA-256 does not match the manifest`);
  }
  const signedBy = await checkDigest(await read(DIGEST_PATH), contents.get(MANIFEST_PATH)!, failures);
  const listed = new Set([...manifest.files.map((f) => f.path), MANIFEST_PATH, DIGEST_PATH, SHA256SUMS_PATH]);
  for (const entry of entries) if (!listed.has(entry.path)) failures.push(`${entry.path} is in the bundle but not listed in the manifest`);

  await checkSha256Sums(await readText(SHA256SUMS_PATH), hashes, failures);
  const auditLines = checkAudit(await readText(manifest.audit.path), manifest, failures);
  for (const capture of manifest.captures) {
    await checkCapture(capture, manifest, await readText(`${capture.folder}/metadata.json`), auditLines, failures);
  }
  if (manifest.case) checkCase(manifest, await readText(manifest.case.path), auditLines, failures);
  return { ok: failures.length === 0, failures, manifest, manifestSha256: hashes.get(MANIFEST_PATH), filesChecked: hashes.size, signedBy: failures.length === 0 ? signedBy : undefined };
}

async function checkSha256Sums(text: string | undefined, hashes: Map<string, string>, failures: string[]) {
  if (text === undefined) {
    failures.push('SHA256SUMS is missing');
    return;
  }
  const { lines, problems } = parseSha256Sums(text);
  failures.push(...problems);
  const covered = new Set(lines.map((l) => l.path));
  for (const line of lines) {
    const actual = hashes.get(line.path);
    if (actual === undefined) failures.push(`SHA256SUMS lists ${line.path}, which is not in the manifest or the zip`);
    else if (actual && actual !== line.sha256) failures.push(`${line.path} does not match its line in SHA256SUMS`);
  }
  for (const path of hashes.keys()) if (path !== SHA256SUMS_PATH && !covered.has(path)) failures.push(`${path} is missing from SHA256SUMS`);
}

/** The manifest's digest and signature (issue #5); returns the signing key's fingerprint when they hold. */
async function checkDigest(bytes: Uint8Array | undefined, manifestBytes: Uint8Array, failures: string[]): Promise<string | undefined> {
  if (!bytes) {
    failures.push(`${DIGEST_PATH} is missing: the manifest is not signed`);
    return undefined;
  }
  const digest = ManifestDigestSchema.safeParse(parseJson(new TextDecoder().decode(bytes)));
  if (!digest.success) {
    failures.push(`${DIGEST_PATH} does not match the digest format`);
    return undefined;
  }
  const problems = await checkManifestDigest(digest.data, manifestBytes as Uint8Array<ArrayBuffer>);
  failures.push(...problems);
  return problems.length === 0 ? digest.data.signature.keyFingerprint : undefined;
}

function checkAudit(text: string | undefined, manifest: BundleManifest, failures: string[]): ExportedAuditLine[] {
  if (text === undefined) {
    failures.push('audit.jsonl is missing');
    return [];
  }
  const lines: ExportedAuditLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const parsed = ExportedAuditLineSchema.safeParse(parseJson(raw));
    if (parsed.success) lines.push(parsed.data);
    else failures.push(`audit.jsonl line ${index + 1} is not a valid audit entry`);
  });
  failures.push(...findChainBreaks(lines));
  if (lines.length !== manifest.audit.entries) failures.push(`audit.jsonl has ${lines.length} entries; the manifest says ${manifest.audit.entries}`);
  if (lines.at(-1)?.hash !== manifest.audit.headHash) failures.push('The last audit entry is not the one the manifest names');
  return lines;
}

type CaptureRecording = Extract<AuditEvent, { action: 'capture.created' | 'capture.received' }>;

async function checkCapture(
  capture: BundleManifest['captures'][number],
  manifest: BundleManifest,
  text: string | undefined,
  audit: readonly ExportedAuditLine[],
  failures: string[],
) {
  const label = `Capture ${capture.folder}`;
  const history = audit.filter((line): line is AuditEntry => !('withheld' in line) && 'captureId' in line.event && line.event.captureId === capture.id);
  checkRedactedCopies(capture, manifest, history, label, failures);
  // Made here (capture.created) or received from another installation's verified bundle (capture.received).
  const recorded = history.map((entry) => entry.event).find((event): event is CaptureRecording => event.action === 'capture.created' || event.action === 'capture.received');
  if (manifest.share) {
    // A share copy leaves the originals and metadata out: the log must still record the capture.
    if (!recorded) failures.push(`${label}: the audit log has no entry recording this capture`);
    return;
  }
  if (text === undefined) {
    failures.push(`${label}: metadata.json is missing`);
    return;
  }
  const raw = parseJson(text);
  const metadata = CaptureMetadataSchema.safeParse(raw);
  if (!metadata.success) {
    failures.push(`${label}: metadata.json does not match the capture format (${z.prettifyError(metadata.error).split('\n')[0]})`);
    return;
  }
  if (metadata.data.id !== capture.id) failures.push(`${label}: metadata.json is for a different capture`);
  for (const artefact of metadata.data.artefacts) {
    const listed = manifest.files.find((f) => f.path === `${capture.folder}/${artefact.fileName}`);
    if (!listed) failures.push(`${label}: ${artefact.fileName} is recorded at capture but not in the bundle`);
    else if (listed.sha256 !== artefact.sha256) failures.push(`${label}: ${artefact.fileName} is not the file hashed at capture`);
  }
  if (!recorded) failures.push(`${label}: the audit log has no entry recording this capture`);
  else if (recorded.metadataSha256 !== sha256Hex(canonicalJson(raw))) failures.push(`${label}: metadata.json differs from what was recorded at capture`);
}

/** Each redacted copy in the bundle is the one its capture's latest capture.redacted entry vouches for. */
function checkRedactedCopies(capture: BundleManifest['captures'][number], manifest: BundleManifest, history: readonly AuditEntry[], label: string, failures: string[]) {
  const vouched = new Map(currentRedactions(history).map((r) => [`${capture.folder}/${r.copy.fileName}`, r.copy.sha256]));
  for (const file of manifest.files.filter((f) => f.path.startsWith(`${capture.folder}/redacted-`))) {
    if (!vouched.has(file.path)) failures.push(`${label}: ${file.path.split('/').at(-1)} is not a redacted copy the audit log records`);
    else if (vouched.get(file.path) !== file.sha256) failures.push(`${label}: ${file.path.split('/').at(-1)} is not the redacted copy the audit log records`);
  }
}

/** A case's file must be well formed, about the named case, and point at actions the audit log records. */
function checkCase(manifest: BundleManifest, text: string | undefined, audit: readonly ExportedAuditLine[], failures: string[]) {
  const named = manifest.case!;
  const parsed = CaseExportSchema.safeParse(text === undefined ? undefined : parseJson(text));
  if (!parsed.success) {
    failures.push(`${named.path} is missing or does not match the case format`);
    return;
  }
  if (parsed.data.id !== named.id) failures.push(`${named.path} is for a different case`);
  const recorded = new Set(audit.filter((l) => !('withheld' in l) && 'caseId' in l.event && l.event.caseId === named.id).map((l) => l.seq));
  for (const action of parsed.data.actions) {
    for (const seq of action.auditEntries) if (!recorded.has(seq)) failures.push(`${named.path}: an action points at audit entry ${seq}, which does not record it`);
    for (const file of action.current.attachments) {
      const listed = manifest.files.find((f) => f.path === attachmentPath(action.actionId, file.fileName));
      if (!listed) failures.push(`${named.path}: the attachment ${file.fileName} is not in the bundle`);
      else if (listed.sha256 !== file.sha256) failures.push(`${named.path}: the attachment ${file.fileName} is not the file recorded with the action`);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
