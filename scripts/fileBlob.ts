import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * A file on disk as a read-only Blob, read lazily at any offset. Node 20's `fs.openAsBlob` reports
 * the size of a file over 4 GiB modulo 2^32 (measured: a 4.6 GB file reads as 305 MB), so a zip64
 * bundle could not be verified through it. This reads with 64-bit offsets.
 */
export async function fileBlob(path: string): Promise<Blob> {
  const { size } = await stat(path);
  return slice(path, 0, size) as unknown as Blob;
}

function slice(path: string, start: number, end: number) {
  return {
    size: end - start,
    type: '',
    slice(from = 0, to = end - start) {
      const clamp = (n: number) => Math.min(Math.max(n < 0 ? end - start + n : n, 0), end - start);
      return slice(path, start + clamp(from), start + Math.max(clamp(from), clamp(to)));
    },
    async arrayBuffer(): Promise<ArrayBuffer> {
      const bytes = new Uint8Array(end - start);
      const file = await open(path, 'r');
      try {
        for (let done = 0; done < bytes.length;) {
          const { bytesRead } = await file.read(bytes, done, bytes.length - done, start + done);
          if (bytesRead === 0) throw new Error(`${path} is shorter than it was`);
          done += bytesRead;
        }
      } finally {
        await file.close();
      }
      return bytes.buffer;
    },
    stream(): ReadableStream<Uint8Array> {
      if (end === start) return new ReadableStream({ start: (c) => c.close() });
      return Readable.toWeb(createReadStream(path, { start, end: end - 1 })) as ReadableStream<Uint8Array>;
    },
  };
}
