import { BlobReader, Uint8ArrayWriter, ZipReader, configure, type Entry } from '@zip.js/zip.js/index-native.js';
import { WHOLE_FILE_HASH_LIMIT, sha256OfBlob, sha256OfBytes, sha256OfStream, type Sha256Hex } from '../hash';

// No workers (an extension's CSP and Node both make them awkward) and no WebAssembly: the
// native entry point inflates with the platform's DecompressionStream.
configure({ useWebWorkers: false });

export interface ZipFileEntry {
  path: string;
  bytes: number;
  /** Size inside the zip, to spot a zip bomb before inflating anything. */
  compressedBytes: number;
  read(): Promise<Uint8Array<ArrayBuffer>>;
  /** SHA-256 and length of the entry's bytes, without holding a large one in memory. */
  digest(): Promise<EntryDigest>;
  /**
   * The entry's bytes as a Blob of the given type. A stored (uncompressed) entry — every entry of
   * an Exhibit bundle — is a slice of the zip itself, so nothing is read: importing a bundle of
   * gigabytes holds none of it in memory. Not checked here; the caller hashes what it keeps.
   */
  blob(type?: string): Promise<Blob>;
}

/** What the zip's central directory says of an entry (directories included), in its order. */
export interface DirectoryRecord {
  path: string;
  size: number;
  /** Size inside the zip: a folder entry with any is carrying data no bundle has. */
  compressedSize: number;
  crc32: number;
  /** MS-DOS date (high 16 bits) and time (low 16 bits). */
  dosDateTime: number;
}

export interface EntryDigest {
  sha256: Sha256Hex;
  bytes: number;
}

/**
 * The entries of a zip, read from a Blob without loading the whole file (a Node caller passes
 * `fileBlob(path)` from scripts/fileBlob.ts). Throws when the Blob is not a readable zip.
 */
export async function openZip(
  blob: Blob,
): Promise<{ entries: ZipFileEntry[]; directory: DirectoryRecord[]; close: () => Promise<void> }> {
  const reader = new ZipReader(new BlobReader(blob), { checkCrc32: true });
  const entries = await reader.getEntries();
  return {
    directory: entries.map((entry) => ({
      path: entry.filename,
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
      crc32: entry.crc32 ?? 0,
      dosDateTime: Number(entry.rawLastModDate),
    })),
    entries: entries
      .filter((entry) => !entry.directory)
      .map((entry) => ({
        path: entry.filename,
        bytes: entry.uncompressedSize,
        compressedBytes: entry.compressedSize,
        read: () => readEntry(entry),
        digest: () => digestEntry(entry),
        blob: (type?: string) => entryBlob(blob, entry, type),
      })),
    close: () => reader.close(),
  };
}

function readEntry(entry: Entry): Promise<Uint8Array<ArrayBuffer>> {
  return entry.directory ? Promise.resolve(new Uint8Array()) : entry.getData(new Uint8ArrayWriter());
}

const LOCAL_HEADER = { bytes: 30, signature: 0x04034b50 };

async function entryBlob(zip: Blob, entry: Entry, type = ''): Promise<Blob> {
  const header = new DataView(await zip.slice(entry.offset, entry.offset + LOCAL_HEADER.bytes).arrayBuffer());
  const readable = header.byteLength === LOCAL_HEADER.bytes && header.getUint32(0, true) === LOCAL_HEADER.signature;
  const stored = readable && header.getUint16(8, true) === 0 && (header.getUint16(6, true) & 1) === 0; // method STORE, not encrypted
  if (!stored) return new Blob([await readEntry(entry)], { type }); // zip.js explains what is wrong, or inflates it
  const start = entry.offset + LOCAL_HEADER.bytes + header.getUint16(26, true) + header.getUint16(28, true);
  return zip.slice(start, start + entry.compressedSize, type);
}

/** Small entries are inflated whole and hashed with WebCrypto; large ones are hashed as they inflate. */
async function digestEntry(entry: Entry): Promise<EntryDigest> {
  if (entry.directory || entry.uncompressedSize <= WHOLE_FILE_HASH_LIMIT) {
    const bytes = await readEntry(entry);
    return { sha256: await sha256OfBytes(bytes), bytes: bytes.byteLength };
  }
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const [digest] = await Promise.all([sha256OfStream(readable), entry.getData(writable)]);
  return digest;
}

/** A file of an unzipped bundle folder as an entry (verify.html's folder check). */
export function blobEntry(path: string, blob: Blob): ZipFileEntry {
  return {
    path,
    bytes: blob.size,
    compressedBytes: blob.size,
    read: async () => new Uint8Array(await blob.arrayBuffer()),
    digest: async () => ({ sha256: await sha256OfBlob(blob), bytes: blob.size }),
    blob: (type?: string) => Promise.resolve(type === undefined ? blob : blob.slice(0, blob.size, type)),
  };
}
