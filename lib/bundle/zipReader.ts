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
}

export interface EntryDigest {
  sha256: Sha256Hex;
  bytes: number;
}

/**
 * The entries of a zip, read from a Blob without loading the whole file (a Node caller passes
 * `fileBlob(path)` from scripts/fileBlob.ts). Throws when the Blob is not a readable zip.
 */
export async function openZip(blob: Blob): Promise<{ entries: ZipFileEntry[]; close(): Promise<void> }> {
  const reader = new ZipReader(new BlobReader(blob), { checkCrc32: true });
  const entries = await reader.getEntries();
  return {
    entries: entries
      .filter((entry) => !entry.directory)
      .map((entry) => ({
        path: entry.filename,
        bytes: Number(entry.uncompressedSize),
        compressedBytes: Number(entry.compressedSize),
        read: () => readEntry(entry),
        digest: () => digestEntry(entry),
      })),
    close: () => reader.close(),
  };
}

function readEntry(entry: Entry): Promise<Uint8Array<ArrayBuffer>> {
  return entry.directory ? Promise.resolve(new Uint8Array()) : (entry.getData(new Uint8ArrayWriter()) as Promise<Uint8Array<ArrayBuffer>>);
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
  };
}
