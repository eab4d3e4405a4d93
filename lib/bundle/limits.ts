/** A capture's metadata.json, and any other file of the bundle's own that is parsed. */
const METADATA_BYTES = 8 * 2 ** 20;

/**
 * What a real bundle can hold (issue #15), checked before any work is spent on a bundle, so a small
 * hostile zip cannot exhaust the memory or the time of the verifier or the import.
 *
 * Derived from the largest bundle Exhibit makes: a store of 10,000 captures (the scale the store is
 * built for), each with up to ten files (images, thumbnail, page text and source, metadata,
 * presentation and redacted copies), is 100,000 files; its audit log holds a few entries a capture
 * plus the withheld rest of the chain. Exhibit's exporter refuses to write past these limits, so no
 * bundle it makes is refused by its own verifier.
 */
export const BUNDLE_LIMITS = {
  /** Files (zip entries) in one bundle. */
  maxFiles: 100_000,
  /** Bytes of the zip's central directory: each record is 46 bytes, a name and at most a zip64 field. */
  maxDirectoryBytes: 100_000 * (46 + 255 + 32),
  /** What the files add up to, unpacked. */
  maxTotalBytes: 64 * 2 ** 30,
  /** Lines of audit.jsonl. */
  maxAuditEntries: 500_000,
  /** JSON nesting: a bundle's deepest JSON (a capture's metadata) is under ten levels deep. */
  maxJsonDepth: 32,
  /** Problems listed in a verdict; the rest are counted. */
  maxFailuresListed: 100,
  /** The bundle's own files, read into memory to be parsed: no larger than the limits above need. */
  maxTextBytes: {
    'manifest.json': 64 * 2 ** 20,
    'manifest.digest.json': 64 * 2 ** 10,
    SHA256SUMS: 100_000 * (64 + 2 + 255 + 1),
    'audit.jsonl': 256 * 2 ** 20,
    'metadata.json': METADATA_BYTES,
    'case/case.json': 32 * 2 ** 20,
    'subject-access/your-data.json': 64 * 2 ** 20,
  } as Record<string, number | undefined>,
} as const;

/** The most bytes of one of the bundle's own files that is read into memory, by its path's last part. */
export function maxTextBytes(path: string): number {
  const limits = BUNDLE_LIMITS.maxTextBytes;
  return limits[path] ?? limits[path.split('/').at(-1) ?? path] ?? METADATA_BYTES;
}

/**
 * A name as file systems that fold case and Unicode forms see it (macOS, Windows): two entries
 * with the same folded name are one file once unzipped, and which one a tool keeps differs.
 */
export function foldedName(path: string): string {
  return path.normalize('NFKC').toLowerCase().normalize('NFKC');
}

/** Whether JSON text nests deeper than `max`, found by one pass over it, before it is parsed. */
export function jsonTooDeep(text: string, max: number = BUNDLE_LIMITS.maxJsonDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // a backslash escapes the next character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

/** JSON.parse for a bundle's own files: undefined when the text is not JSON or nests too deep. */
export function parseBundleJson(text: string): unknown {
  if (jsonTooDeep(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Problems found in a bundle: the first `maxFailuresListed` kept word for word, the rest counted. */
export class FailureList {
  readonly listed: string[] = [];
  private more = 0;

  add(problem: string): void {
    if (this.listed.length < BUNDLE_LIMITS.maxFailuresListed) this.listed.push(problem);
    else this.more++;
  }

  addAll(problems: Iterable<string>): void {
    for (const problem of problems) this.add(problem);
  }

  get count(): number {
    return this.listed.length + this.more;
  }

  /** The problems to show: those kept, and a last line counting the rest. */
  toArray(): string[] {
    return this.more
      ? [...this.listed, `…and ${this.more} more problem(s) of the same kinds, not listed.`]
      : [...this.listed];
  }
}

const EOCD = { signature: 0x06054b50, bytes: 22 };
const ZIP64_LOCATOR = { signature: 0x07064b50, bytes: 20 };
const ZIP64_EOCD = { signature: 0x06064b50, bytes: 56 };

/**
 * How many entries a zip's central directory holds and how many bytes it takes, read from its end
 * records (and the zip64 ones) alone, before any reader builds the entry list; undefined when the
 * end records cannot be found (the zip reader then says what is wrong).
 */
export async function zipDirectoryExtent(zip: Blob): Promise<{ entries: number; directoryBytes: number } | undefined> {
  const tailStart = Math.max(0, zip.size - (EOCD.bytes + 0xffff + ZIP64_LOCATOR.bytes));
  const tail = new DataView(await zip.slice(tailStart).arrayBuffer());
  for (let at = tail.byteLength - EOCD.bytes; at >= 0; at--) {
    if (tail.getUint32(at, true) !== EOCD.signature) continue;
    if (at + EOCD.bytes + tail.getUint16(at + 20, true) !== tail.byteLength) continue; // a signature inside a comment
    const entries = tail.getUint16(at + 10, true);
    const directoryBytes = tail.getUint32(at + 12, true);
    if (entries !== 0xffff && directoryBytes !== 0xffffffff) return { entries, directoryBytes };
    const locator = at - ZIP64_LOCATOR.bytes;
    // 65,535 entries is also a count a plain record can give: without zip64 records it is taken as it reads.
    if (locator < 0 || tail.getUint32(locator, true) !== ZIP64_LOCATOR.signature) return { entries, directoryBytes };
    const recordAt = Number(tail.getBigUint64(locator + 8, true));
    const record = new DataView(await zip.slice(recordAt, recordAt + ZIP64_EOCD.bytes).arrayBuffer());
    if (record.byteLength < ZIP64_EOCD.bytes || record.getUint32(0, true) !== ZIP64_EOCD.signature) return undefined;
    return { entries: Number(record.getBigUint64(32, true)), directoryBytes: Number(record.getBigUint64(40, true)) };
  }
  return undefined;
}
