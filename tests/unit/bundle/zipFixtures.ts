import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js/index-native.js';
import { openZip } from '@/lib/bundle/zipReader';

/** Rewrites a zip with its files changed by `mutate` (a valid zip, so only our hashes can catch it). */
export async function rezip(zip: Blob, mutate: (files: Map<string, Uint8Array>) => void): Promise<Blob> {
  const { entries, close } = await openZip(zip);
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) files.set(entry.path, await entry.read());
  await close();
  mutate(files);
  return zipOf(files);
}

export async function zipOf(files: Map<string, Uint8Array>): Promise<Blob> {
  const writer = new ZipWriter(new BlobWriter('application/zip'));
  for (const [path, bytes] of files) await writer.add(path, new Uint8ArrayReader(bytes));
  return writer.close();
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
