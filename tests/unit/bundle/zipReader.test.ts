import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { storedZip, type ZipLimits } from '@/lib/bundle/storedZip';
import { openZip } from '@/lib/bundle/zipReader';
import { WHOLE_FILE_HASH_LIMIT } from '@/lib/hash';
import { utf8, zipOf } from './zipFixtures';

describe('zip entries hashed without holding them whole', () => {
  it.each([
    ['a small entry, read whole', 4096],
    ['an entry past the whole-file limit, hashed as it inflates', WHOLE_FILE_HASH_LIMIT + 777],
  ])('gives the SHA-256 and length of %s', async (_name, size) => {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i += 991) bytes[i] = (i * 7) & 255;
    const { entries, close } = await openZip(await zipOf(new Map([['big.bin', bytes]])));
    expect(await entries[0]!.digest()).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: size,
    });
    await close();
  });
});

describe('an entry as a Blob, for import to keep', () => {
  const files = new Map([
    ['captures/001-JS-1/screenshot.png', utf8('the screenshot’s bytes')],
    ['statements/Zoë — draft.txt', utf8('a name in UTF-8, so the local header’s name is longer than ASCII')],
    ['empty.txt', new Uint8Array()],
  ]);
  const stored = (limits?: ZipLimits) =>
    storedZip(
      [...files].map(([path, bytes]) => ({ path, blob: new Blob([bytes]), crc32: crc32(bytes) })),
      new Date(2026, 11, 1),
      limits,
    );

  it.each([
    ['stored, as Exhibit writes them: sliced from the zip', () => stored()],
    ['stored with zip64 records (sizes and offsets in the extra field)', () => stored({ max32: 1, max16: 2 })],
    ['deflated, as another tool might write them: inflated', () => zipOf(files)],
  ])('gives exactly the entry’s bytes when %s', async (_name, makeZip) => {
    const { entries, close } = await openZip(await makeZip());
    for (const entry of entries) {
      const blob = await entry.blob('image/png');
      expect(blob.type).toBe('image/png');
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(files.get(entry.path));
    }
    await close();
  });

  it('refuses a stored entry whose local header is not where the directory says', async () => {
    const zip = stored();
    const bytes = new Uint8Array(await zip.arrayBuffer());
    bytes[0] = 0; // the first local header's signature
    const { entries, close } = await openZip(new Blob([bytes]));
    await expect(entries[0]!.blob()).rejects.toThrow();
    await close();
  });
});
