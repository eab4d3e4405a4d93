import { BlobReader, Uint8ArrayWriter, ZipReader, configure } from '@zip.js/zip.js/index-native.js';

// No workers (an extension's CSP and Node both make them awkward) and no WebAssembly: the
// native entry point inflates with the platform's DecompressionStream.
configure({ useWebWorkers: false });

export interface ZipFileEntry {
  path: string;
  bytes: number;
  /** Size inside the zip, to spot a zip bomb before inflating anything. */
  compressedBytes: number;
  read(): Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * The entries of a zip, read from a Blob without loading the whole file (a Node caller passes
 * `fs.openAsBlob(path)`). Throws when the Blob is not a readable zip.
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
        read: () => (entry.directory ? Promise.resolve(new Uint8Array()) : (entry.getData(new Uint8ArrayWriter()) as Promise<Uint8Array<ArrayBuffer>>)),
      })),
    close: () => reader.close(),
  };
}
