import { describe, expect, it, vi } from 'vitest';
import { keepStorePersistent } from '@/lib/browser/persistentStorage';

describe('keeping the evidence store persistent', () => {
  it('asks once, only when the store is not persistent yet', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    expect(await keepStorePersistent(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    const already = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true) };
    expect(await keepStorePersistent(already)).toBe(true);
    expect(already.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal, and says nothing where persist() does not exist (Chrome’s service worker)', async () => {
    expect(await keepStorePersistent({ persisted: async () => false, persist: async () => false })).toBe(false);
    expect(await keepStorePersistent({ persisted: async () => false } as unknown as StorageManager)).toBeUndefined();
    expect(await keepStorePersistent(undefined)).toBeUndefined();
  });
});
