import CRC32 from 'crc-32';
import { WHOLE_FILE_HASH_LIMIT, sha256OfBytes, sha256OfStream, type Sha256Hex } from '../hash';

// crc-32 is CommonJS: its default import is what Node and the bundler both give (named imports only the bundler).
const crc32Of = CRC32.buf;

export interface FileDigest {
  /** For the manifest, and to check a stored original against its capture hash. */
  sha256: Sha256Hex;
  /** For the zip's records (unsigned). */
  crc32: number;
}

/**
 * Buffers that whole-file reads fill and give back. `Blob.arrayBuffer()` makes a new buffer per
 * file, and the garbage collector lets those pile up faster than it frees them: exporting a 4.5 GB
 * bundle that way held 550 MiB above idle (docs/benchmarks.md). Reused buffers keep it near the
 * few files being read at once.
 */
export function createBufferPool() {
  const free: ArrayBuffer[] = [];
  return {
    take(bytes: number): ArrayBuffer {
      const fits = free.findIndex((buffer) => buffer.byteLength >= bytes);
      return (fits >= 0 ? free.splice(fits, 1)[0] : undefined) ?? new ArrayBuffer(bytes);
    },
    give(buffer: ArrayBuffer): void {
      free.push(buffer);
    },
  };
}
export type BufferPool = ReturnType<typeof createBufferPool>;

/**
 * Both checksums a bundle needs of a file, from one read of it. Files up to WHOLE_FILE_HASH_LIMIT
 * are read whole (into a pooled buffer when given one): WebCrypto hashes them off the page's thread
 * while the CRC runs on it. Larger ones are read chunk by chunk, so no file is ever held whole in
 * memory. CRC-32: the `crc-32` package (slicing-by-16, 1.7 GB/s here, against 0.5 GB/s for
 * client-zip's byte-wise loop).
 */
export async function digestFile(blob: Blob, buffers?: BufferPool, stallMs = READ_STALL_MS): Promise<FileDigest> {
  if (blob.size <= WHOLE_FILE_HASH_LIMIT) {
    let buffer = buffers?.take(blob.size);
    try {
      let bytes: Uint8Array<ArrayBuffer>;
      if (buffer) ({ bytes, buffer } = await readInto(blob, buffer, stallMs));
      else bytes = new Uint8Array(await blob.arrayBuffer());
      const sha256 = sha256OfBytes(bytes); // WebCrypto copies the bytes before this returns
      const crc32 = crc32Of(bytes) >>> 0;
      return { sha256: await sha256, crc32 };
    } finally {
      if (buffer && buffer.byteLength > 0) buffers?.give(buffer); // a read that failed may have detached it
    }
  }
  let crc = 0;
  const { sha256 } = await sha256OfStream(blob.stream(), (chunk) => (crc = crc32Of(chunk, crc)));
  return { sha256, crc32: crc >>> 0 };
}

/**
 * How long a BYOB read may go without progress before the file is read again with
 * `Blob.arrayBuffer()`. Chromium 156 was seen to leave a BYOB read of a stored Blob unsettled for
 * good (in 1 of 4 trial exports of an experiment that laid out report.pdf on the page's thread while
 * files were being read); an export must never hang, and a re-read gives the same bytes.
 */
export const READ_STALL_MS = 5000;

/**
 * The blob's bytes read into `buffer` (at least blob.size long) by a BYOB reader, which fills it in
 * place (each read hands the same memory back as a new ArrayBuffer, returned here for reuse).
 * Where the stream has no BYOB reader, its chunks are copied in.
 */
async function readInto(
  blob: Blob,
  buffer: ArrayBuffer,
  stallMs: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; buffer?: ArrayBuffer }> {
  const stream = blob.stream();
  let at = 0;
  let byob: ReadableStreamBYOBReader | undefined;
  try {
    byob = stream.getReader({ mode: 'byob' });
  } catch {
    byob = undefined;
  }
  if (byob) {
    while (at < blob.size) {
      const result = await withinTime(byob.read(new Uint8Array(buffer, at, blob.size - at)), stallMs);
      if (result === STALLED) {
        byob.cancel().catch(() => undefined);
        return { bytes: new Uint8Array(await blob.arrayBuffer()) }; // the stuck read holds the buffer
      }
      if (result.done) break;
      buffer = result.value.buffer;
      at += result.value.byteLength;
    }
    byob.cancel().catch(() => undefined); // every byte is in; not awaited, as a stalled stream may not answer
  } else {
    const target = new Uint8Array(buffer);
    const reader = stream.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (at + chunk.value.byteLength > target.byteLength)
        throw new Error('The file is longer than its recorded size.');
      target.set(chunk.value, at);
      at += chunk.value.byteLength;
    }
  }
  if (at !== blob.size) throw new Error('The file is shorter than its recorded size.');
  return { bytes: new Uint8Array(buffer, 0, at), buffer };
}

const STALLED = Symbol('stalled');

async function withinTime<T>(promise: Promise<T>, ms: number): Promise<T | typeof STALLED> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<typeof STALLED>((resolve) => (timer = setTimeout(() => resolve(STALLED), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
