import { execFile } from 'node:child_process';
import { crc32, deflateRawSync } from 'node:zlib';
import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js/index-native.js';
import { storedZip } from '@/lib/bundle/storedZip';
import { openZip } from '@/lib/bundle/zipReader';

/**
 * Rewrites a zip with its files changed by `mutate`, with Exhibit's own writer: a valid zip laid
 * out as Exhibit lays it out, so only the checks on the files' contents can catch the change.
 */
export async function rezip(zip: Blob, mutate: (files: Map<string, Uint8Array>) => void): Promise<Blob> {
  const files = new Map(await filesOfZip(zip));
  mutate(files);
  return storedZipOf(files);
}

/** Every file of a zip, in its order, read whole. */
export async function filesOfZip(zip: Blob): Promise<[string, Uint8Array][]> {
  const { entries, close } = await openZip(zip);
  const files: [string, Uint8Array][] = [];
  for (const entry of entries) files.push([entry.path, await entry.read()]);
  await close();
  return files;
}

/** A zip of these files laid out exactly as Exhibit's writer lays it out (names may repeat, folders may carry data). */
export function storedZipOf(files: Iterable<readonly [string, Uint8Array]>): Blob {
  return storedZip(
    [...files].map(([path, bytes]) => ({
      path,
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      crc32: crc32(bytes),
    })),
    new Date(2026, 5, 1, 9, 0),
  );
}

/** A zip made by another tool (zip.js, deflating), for inputs Exhibit would never write. */
export async function zipOf(files: Map<string, Uint8Array>): Promise<Blob> {
  const writer = new ZipWriter(new BlobWriter('application/zip'));
  for (const [path, bytes] of files) await writer.add(path, new Uint8ArrayReader(bytes));
  return writer.close();
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/**
 * A valid zip of `count` empty files named e0, e1, …, written straight into one buffer (Exhibit's
 * writer takes seconds per hundred thousand entries): the smallest zip with the most entries.
 */
export function emptyEntriesZip(count: number): Blob {
  const names = Array.from({ length: count }, (_, i) => utf8(`e${i}`));
  const nameBytes = names.reduce((sum, name) => sum + name.length, 0);
  const localBytes = 30 * count + nameBytes;
  const directoryBytes = 46 * count + nameBytes;
  const zip64 = count >= 0xffff;
  const zip = new Uint8Array(localBytes + directoryBytes + (zip64 ? 56 + 20 : 0) + 22);
  const view = new DataView(zip.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const name of names) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 26, name.length, true);
    zip.set(name, at + 30);
    at += 30 + name.length;
  }
  names.forEach((name, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 28, name.length, true);
    view.setUint32(at + 42, offsets[i]!, true);
    zip.set(name, at + 46);
    at += 46 + name.length;
  });
  if (zip64) {
    // The zip64 end record and its locator (APPNOTE 4.3.14, 4.3.15), which a count over 65,534 needs.
    view.setUint32(at, 0x06064b50, true);
    view.setBigUint64(at + 4, 44n, true);
    view.setUint16(at + 12, 45, true);
    view.setUint16(at + 14, 45, true);
    view.setBigUint64(at + 24, BigInt(count), true);
    view.setBigUint64(at + 32, BigInt(count), true);
    view.setBigUint64(at + 40, BigInt(directoryBytes), true);
    view.setBigUint64(at + 48, BigInt(localBytes), true);
    view.setUint32(at + 56, 0x07064b50, true);
    view.setBigUint64(at + 64, BigInt(at), true);
    view.setUint32(at + 72, 1, true);
    at += 76;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, Math.min(count, 0xffff), true);
  view.setUint16(at + 10, Math.min(count, 0xffff), true);
  view.setUint32(at + 12, directoryBytes, true);
  view.setUint32(at + 16, localBytes, true);
  return new Blob([zip]);
}

/**
 * A zip of `count` deflated entries, each `bytesEach` zeros: one deflate stream made once and
 * repeated, as a hostile sender would (600 entries just under a per-entry bomb limit weigh 10 MB).
 */
export function deflatedZerosZip(count: number, bytesEach: number, firstName = 'f0'): Blob {
  const zeros = new Uint8Array(bytesEach);
  const [data, crc] = [deflateRawSync(zeros, { level: 9 }), crc32(zeros)];
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const name = utf8(i === 0 ? firstName : `f${i}`);
    const header = (size: number) => {
      const bytes = new Uint8Array(size + name.length);
      const view = new DataView(bytes.buffer);
      return { bytes, view };
    };
    const local = header(30);
    local.view.setUint32(0, 0x04034b50, true);
    local.view.setUint16(4, 20, true);
    local.view.setUint16(8, 8, true); // deflate
    local.view.setUint32(14, crc, true);
    local.view.setUint32(18, data.length, true);
    local.view.setUint32(22, bytesEach, true);
    local.view.setUint16(26, name.length, true);
    local.bytes.set(name, 30);
    const central = header(46);
    central.view.setUint32(0, 0x02014b50, true);
    central.view.setUint16(4, 20, true);
    central.view.setUint16(6, 20, true);
    central.view.setUint16(10, 8, true);
    central.view.setUint32(16, crc, true);
    central.view.setUint32(20, data.length, true);
    central.view.setUint32(24, bytesEach, true);
    central.view.setUint16(28, name.length, true);
    central.view.setUint32(42, at, true);
    central.bytes.set(name, 46);
    parts.push(local.bytes, data);
    directory.push(central.bytes);
    at += local.bytes.length + data.length;
  }
  const directoryBytes = directory.reduce((sum, d) => sum + d.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, count, true);
  end.setUint16(10, count, true);
  end.setUint32(12, directoryBytes, true);
  end.setUint32(16, at, true);
  return new Blob([...parts, ...directory, end.buffer] as BlobPart[]);
}

/** `npm run verify -- …args` as a person runs it: its exit code and what it printed. */
export function runVerifyCli(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) =>
    execFile('npx', ['tsx', 'scripts/verify-bundle.ts', ...args], (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, stdout }),
    ),
  );
}
