import { canonicalJson } from '../canonicalJson';
import { checkToken } from '../timestamp';
import { certificateDerOf } from '../timestamp/settings';
import type { BundleManifest, ManifestFile } from './manifest';
import { parseBundleJson, type FailureList } from './limits';
import { clockGap } from './timestampWords';

/** One capture's trusted timestamp as the verifier found it (issue #20). */
export interface TimestampFinding {
  captureId: string;
  folder: string;
  /** The capture's own clock. */
  capturedAtUtc: string;
  /** The time the authority attests, read from the token. */
  attestedAtUtc: string;
  /** The authority, as its certificate's subject names it. */
  tsa: string;
  /** Attested minus recorded, in whole minutes (positive: the token came later). */
  gapMinutes: number;
  /** More than CLOCK_GAP_MINUTES apart: said beside the times. */
  flagged: boolean;
}

/**
 * Each capture's token checked offline against its metadata.json (canonical, as it was hashed at
 * capture) and the certificate the bundle names for its authority; the attested time beside the
 * capture's own clock, a gap of more than a few minutes flagged.
 */
export async function checkTimestamps(
  manifest: BundleManifest,
  listedByPath: ReadonlyMap<string, ManifestFile>,
  read: (path: string) => Promise<Uint8Array | undefined>,
  failures: FailureList,
): Promise<TimestampFinding[]> {
  const findings: TimestampFinding[] = [];
  for (const stamp of manifest.timestamps?.captures ?? []) {
    const capture = manifest.captures.find((c) => c.id === stamp.id);
    const label = capture ? capture.folder : `A timestamp for capture ${stamp.id}`;
    if (!capture) {
      failures.add(`${label}: the manifest lists a trusted timestamp for a capture the bundle does not hold`);
      continue;
    }
    if (
      !stamp.token.startsWith(`${capture.folder}/`) ||
      !listedByPath.has(stamp.token) ||
      !listedByPath.has(stamp.certificate)
    ) {
      failures.add(`${label}: its trusted timestamp's token or certificate is not a file the manifest lists for it`);
      continue;
    }
    const [token, certificatePem, metadata] = await Promise.all([
      read(stamp.token),
      read(stamp.certificate),
      read(`${capture.folder}/metadata.json`),
    ]);
    const certificate = certificatePem && derOfPem(certificatePem);
    if (certificatePem && !certificate) {
      failures.add(`${label}: ${stamp.certificate} is not a certificate in PEM form`);
      continue;
    }
    if (!token || !certificate || !metadata) continue; // missing files are said by the file checks
    const parsed = parseBundleJson(new TextDecoder().decode(metadata));
    if (parsed === undefined) continue; // said by the capture's own check
    const stamped = new TextEncoder().encode(canonicalJson(parsed));
    const check = await checkToken(token, stamped, [certificate]);
    for (const failure of check.failures) failures.add(`${label}: trusted timestamp: ${failure}`);
    if (!check.ok || !check.attestedAtUtc) continue;
    if (Date.parse(check.attestedAtUtc) !== Date.parse(stamp.attestedAtUtc))
      failures.add(
        `${label}: the manifest says its timestamp attests ${stamp.attestedAtUtc}; the token attests ${check.attestedAtUtc}`,
      );
    const gap = clockGap(capture.capturedAtUtc, check.attestedAtUtc);
    findings.push({
      captureId: capture.id,
      folder: capture.folder,
      capturedAtUtc: capture.capturedAtUtc,
      attestedAtUtc: check.attestedAtUtc,
      tsa: check.tsa ?? stamp.tsa,
      gapMinutes: gap.minutes,
      flagged: gap.flagged,
    });
  }
  return findings;
}

/** A finding in words, for the CLI, verify.html and the dashboard. */
export function describeTimestampFinding(finding: TimestampFinding): string {
  const gap = finding.flagged
    ? finding.gapMinutes > 0
      ? ` — ${finding.gapMinutes} minutes after the capture's own clock: the token attests only that the capture existed by then`
      : ` — the capture's own clock was ${-finding.gapMinutes} minutes ahead of the attested time`
    : '';
  return `${finding.folder}: captured ${finding.capturedAtUtc} by its own clock; ${finding.tsa} attests ${finding.attestedAtUtc}${gap}`;
}

/** The export's own trusted timestamp: over manifest.json, beside the exporter's clock (issue #20). */
export interface ExportTimestampFinding {
  exportedAtUtc: string;
  attestedAtUtc: string;
  tsa: string;
  gapMinutes: number;
  flagged: boolean;
}

/**
 * manifest.timestamp.tsr, when the bundle has one: a token over manifest.json's bytes chaining to one
 * of the certificates the manifest names in timestamps/. It stands apart from the signing key, so a
 * key replaced later leaves it as good as it was.
 */
export async function checkExportTimestamp(
  manifest: BundleManifest,
  manifestBytes: Uint8Array,
  token: Uint8Array | undefined,
  read: (path: string) => Promise<Uint8Array | undefined>,
  failures: FailureList,
): Promise<ExportTimestampFinding | undefined> {
  if (!token) return undefined;
  const paths = new Set([
    ...(manifest.timestamps?.authorities ?? []),
    ...(manifest.timestamps?.captures.map((c) => c.certificate) ?? []),
  ]);
  const named: Uint8Array[] = [];
  for (const path of paths) {
    const pem = await read(path);
    const der = pem && derOfPem(pem);
    if (der) named.push(der);
  }
  const check = await checkToken(token, manifestBytes, named);
  for (const failure of check.failures) failures.add(`manifest.timestamp.tsr: ${failure}`);
  if (!check.ok || !check.attestedAtUtc) return undefined;
  const gap = clockGap(manifest.exportedAtUtc, check.attestedAtUtc);
  return {
    exportedAtUtc: manifest.exportedAtUtc,
    attestedAtUtc: check.attestedAtUtc,
    tsa: check.tsa ?? '',
    gapMinutes: gap.minutes,
    flagged: gap.flagged,
  };
}

export function describeExportTimestamp(finding: ExportTimestampFinding): string {
  const gap = finding.flagged ? ` — ${Math.abs(finding.gapMinutes)} minutes from the exporter's own clock` : '';
  return `exported ${finding.exportedAtUtc} by the exporter's own clock; ${finding.tsa} attests manifest.json at ${finding.attestedAtUtc}${gap}`;
}

/** A certificate file of the bundle (PEM) as the DER a token is checked against; null when it is not one. */
function derOfPem(pem: Uint8Array): Uint8Array | null {
  return certificateDerOf(new TextDecoder().decode(pem));
}
