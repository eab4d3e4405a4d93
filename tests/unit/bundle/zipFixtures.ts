import { crc32 } from 'node:zlib';
import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js/index-native.js';
import { storedZip } from '@/lib/bundle/storedZip';
import { openZip } from '@/lib/bundle/zipReader';

/**
 * Rewrites a zip with its files changed by `mutate`, with Exhibit's own writer: a valid zip laid
 * out as Exhibit lays it out, so only the checks on the files' contents can catch the change.
 */
export async function rezip(zip: Blob, mutate: (files: Map<string, Uint8Array>) => void): Promise<Blob> {
  const { entries, close } = await openZip(zip);
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) files.set(entry.path, await entry.read());
  await close();
  mutate(files);
  return storedZip([...files].map(([path, bytes]) => ({ path, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]), crc32: crc32(bytes) })), new Date(2026, 5, 1, 9, 0));
}

/** A zip made by another tool (zip.js, deflating), for inputs Exhibit would never write. */
export async function zipOf(files: Map<string, Uint8Array>): Promise<Blob> {
  const writer = new ZipWriter(new BlobWriter('application/zip'));
  for (const [path, bytes] of files) await writer.add(path, new Uint8ArrayReader(bytes));
  return writer.close();
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
