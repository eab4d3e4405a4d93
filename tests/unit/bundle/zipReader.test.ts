import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openZip } from '@/lib/bundle/zipReader';
import { WHOLE_FILE_HASH_LIMIT } from '@/lib/hash';
import { zipOf } from './zipFixtures';

describe('zip entries hashed without holding them whole', () => {
  it.each([
    ['a small entry, read whole', 4096],
    ['an entry past the whole-file limit, hashed as it inflates', WHOLE_FILE_HASH_LIMIT + 777],
  ])('gives the SHA-256 and length of %s', async (_name, size) => {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i += 991) bytes[i] = (i * 7) & 255;
    const { entries, close } = await openZip(await zipOf(new Map([['big.bin', bytes]])));
    expect(await entries[0]!.digest()).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: size });
    await close();
  });
});
