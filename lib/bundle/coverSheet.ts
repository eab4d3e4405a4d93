import type { ExportStamp } from './bundleFiles';
import { readableFingerprint } from './signing';

/** Outside the manifest like its signature and timestamp (it names them), covered by SHA256SUMS. */
export const COVER_PATH = 'cover.txt';

const KEY = 'Signing key fingerprint:';
const MANIFEST = 'manifest.json SHA-256:';
const ATTESTED = 'Trusted timestamp of the export:';

/**
 * The cover sheet (issue #20): the signing key's fingerprint, the manifest's SHA-256 and the time a
 * trusted timestamp attests for it, together on one page, to print and sign with the witness
 * statement — which cannot carry them itself, being one of the files the manifest lists.
 */
export function coverSheet(input: {
  school: string;
  keyFingerprint: string;
  manifestSha256: string;
  exportedAtUtc: string;
  exportStamp?: ExportStamp;
}): string {
  const stamp = input.exportStamp;
  const attested =
    stamp === undefined
      ? `${ATTESTED} none (trusted timestamps were off)`
      : 'failed' in stamp
        ? `${ATTESTED} none (the authority could not be reached: ${stamp.failed})`
        : `${ATTESTED} ${stamp.attestedAtUtc} by ${stamp.tsa}`;
  return [
    `Exhibit evidence bundle of ${input.school} — cover sheet`,
    '',
    `${KEY} ${readableFingerprint(input.keyFingerprint)}`,
    `${MANIFEST} ${input.manifestSha256}`,
    `Exported (the exporter's own clock): ${input.exportedAtUtc}`,
    attested,
    '',
    'Every checker (npm run verify, verify.html, Exhibit’s dashboard) states these three together and fails the',
    'bundle if this sheet disagrees with them. Without Exhibit: sha256sum manifest.json; openssl ts -verify -data',
    'manifest.json -in manifest.timestamp.tsr -token_in -CAfile timestamps/<the authority’s certificate>.pem',
    '',
    'I have checked these against the bundle and produce it with my statement.',
    '',
    'Signed: ............................................   Date: ....................',
    '',
  ].join('\n');
}

/** What a cover sheet says, read back for the verifier to compare with what it checked. */
export function readCoverSheet(text: string): { key?: string; manifestSha256?: string; attestedAtUtc?: string } {
  const after = (label: string) =>
    text
      .split('\n')
      .find((line) => line.startsWith(label))
      ?.slice(label.length)
      .trim();
  const attested = after(ATTESTED);
  return {
    key: after(KEY)?.replace(/\s+/g, ''),
    manifestSha256: after(MANIFEST),
    attestedAtUtc: attested && /^\d{4}-/.test(attested) ? attested.split(' ')[0] : undefined,
  };
}
