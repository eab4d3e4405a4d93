import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashedInput } from '@/lib/bundle/hashedInput';
import { WHOLE_FILE_HASH_LIMIT } from '@/lib/hash';

const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function bytesOf(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 997) bytes[i] = (i * 31) & 255;
  return bytes;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; chunks: number }> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return { bytes: new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()), chunks: chunks.length };
}

describe('hashedInput: a file hashed as the zip writer reads it', () => {
  it.each([
    ['a small file, read whole', 1000],
    ['a file past the whole-file limit, chunk by chunk', WHOLE_FILE_HASH_LIMIT + 12345],
  ])('passes %s through unchanged and gives its SHA-256', async (_name, size) => {
    const bytes = bytesOf(size);
    // In 1 MiB parts, so the blob's stream comes in several chunks, as a browser's does.
    const parts = Array.from({ length: Math.ceil(size / 2 ** 20) }, (_, i) => bytes.subarray(i * 2 ** 20, (i + 1) * 2 ** 20));
    const { input, sha256 } = hashedInput(new Blob(parts));
    const out = await drain(input);
    expect(out.bytes.byteLength).toBe(size);
    expect(nodeSha256(out.bytes)).toBe(nodeSha256(bytes));
    expect(await sha256).toBe(nodeSha256(bytes));
    if (size > WHOLE_FILE_HASH_LIMIT) expect(out.chunks).toBeGreaterThan(1);
  });

  it.each([1000, WHOLE_FILE_HASH_LIMIT + 1])('fails the stream when %i bytes no longer match the recorded hash', async (size) => {
    const changed = new Error('changed since capture');
    const { input, sha256 } = hashedInput(new Blob([bytesOf(size)]), { expectedSha256: 'a'.repeat(64), mismatch: () => changed });
    await expect(drain(input)).rejects.toBe(changed);
    await expect(sha256).rejects.toBe(changed);
  });

  it('stops when the export is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { input, sha256 } = hashedInput(new Blob([bytesOf(10)]), { signal: controller.signal });
    await expect(drain(input)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(sha256).rejects.toMatchObject({ name: 'AbortError' });
  });
});
