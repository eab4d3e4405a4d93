import { SHA256_HEX } from '../hash';

export interface ChecksumLine {
  sha256: string;
  path: string;
}

/** The format `sha256sum -c` reads: hash, two spaces (text mode), path; one per line. */
export function formatSha256Sums(lines: readonly ChecksumLine[]): string {
  return lines.map((line) => `${line.sha256}  ${line.path}\n`).join('');
}

export function parseSha256Sums(text: string): { lines: ChecksumLine[]; problems: string[] } {
  const lines: ChecksumLine[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw === '') return;
    const [, sha256, path] = /^([0-9a-f]{64}) [ *](.+)$/.exec(raw) ?? [];
    if (!sha256 || !path || !SHA256_HEX.test(sha256))
      problems.push(`SHA256SUMS line ${index + 1} is not in sha256sum format`);
    else lines.push({ sha256, path });
  });
  return { lines, problems };
}
