import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { sha256OfBlob } from '@/lib/hash';

const expected = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256OfBlob', () => {
  it('reads a Blob once, however often its hash is asked for', async () => {
    const blob = new Blob(['the post']);
    const read = vi.spyOn(blob, 'arrayBuffer');
    expect(await Promise.all([sha256OfBlob(blob), sha256OfBlob(blob)])).toEqual([
      expected('the post'),
      expected('the post'),
    ]);
    expect(await sha256OfBlob(blob)).toBe(expected('the post'));
    expect(read).toHaveBeenCalledOnce();
  });

  it('hashes another Blob afresh, even with the same bytes', async () => {
    const first = new Blob(['same']);
    const second = new Blob(['same']);
    await sha256OfBlob(first);
    const read = vi.spyOn(second, 'arrayBuffer');
    expect(await sha256OfBlob(second)).toBe(expected('same'));
    expect(read).toHaveBeenCalledOnce();
  });

  it('reads again after a failed read instead of keeping the failure', async () => {
    const blob = new Blob(['kept']);
    vi.spyOn(blob, 'arrayBuffer').mockRejectedValueOnce(new Error('NotReadableError'));
    await expect(sha256OfBlob(blob)).rejects.toThrow('NotReadableError');
    expect(await sha256OfBlob(blob)).toBe(expected('kept'));
  });
});
