import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createBufferPool, digestFile } from '@/lib/bundle/fileDigest';
import { WHOLE_FILE_HASH_LIMIT } from '@/lib/hash';

function bytesOf(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 997) bytes[i] = (i * 31) & 255;
  return bytes;
}

describe('digestFile: the SHA-256 and CRC-32 of a file from one read', () => {
  it.each([
    ['an empty file', 0],
    ['a small file, read whole', 1000],
    ['a file past the whole-file limit, chunk by chunk', WHOLE_FILE_HASH_LIMIT + 12345],
  ])('agrees with Node for %s', async (_name, size) => {
    const bytes = bytesOf(size);
    // In 1 MiB parts, so the large blob's stream comes in several chunks, as a browser's does.
    const parts = Array.from({ length: Math.ceil(size / 2 ** 20) }, (_, i) =>
      bytes.subarray(i * 2 ** 20, (i + 1) * 2 ** 20),
    );
    expect(await digestFile(new Blob(parts))).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      crc32: crc32(bytes),
    });
  });

  it('reads into pooled buffers and gives them back, with the same result', async () => {
    const buffers = createBufferPool();
    const first = bytesOf(5000);
    const second = bytesOf(3000).map((b) => b ^ 0xff);
    const expected = (bytes: Uint8Array) => ({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      crc32: crc32(bytes),
    });
    expect(await digestFile(new Blob([first]), buffers)).toEqual(expected(first));
    // A shorter file is read into the buffer the first one gave back, and hashed to its own length.
    expect(await digestFile(new Blob([second]), buffers)).toEqual(expected(second));
    const kept = buffers.take(1);
    expect(kept.byteLength).toBe(5000);
    expect(buffers.take(1).byteLength).toBe(1); // only one was ever needed
  });

  it('reads the file again whole when a BYOB read stalls, instead of hanging the export', async () => {
    // A stored Blob whose stream never answers a BYOB read, as Chromium was seen to do.
    class StallingBlob extends Blob {
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
        return new ReadableStream({ type: 'bytes', pull: () => new Promise<void>(() => undefined) });
      }
    }
    const bytes = bytesOf(4000);
    const buffers = createBufferPool();
    expect(await digestFile(new StallingBlob([bytes]), buffers, 20)).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      crc32: crc32(bytes),
    });
  });

  it('gives the CRC unsigned, as zip records hold it', async () => {
    // The standard check value, 0xCBF43926, has its top bit set: crc-32 returns it signed.
    expect((await digestFile(new Blob(['123456789']))).crc32).toBe(0xcbf43926);
  });
});
