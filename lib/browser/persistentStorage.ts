/**
 * Marks the evidence store persistent where the browser lets a page ask: Firefox grants it without
 * a prompt to an extension with `unlimitedStorage`, which also lifts its quota from 10 GiB to half
 * the disk (measured). Chrome answers no, but its `unlimitedStorage` already exempts the store from
 * eviction and quota; its service worker has no `persist()` at all. Returns whether it is persistent,
 * or undefined where the question cannot be asked.
 */
export async function keepStorePersistent(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = pageStorage(),
): Promise<boolean | undefined> {
  // Typed as always there; Chrome's service worker has none.
  if (!storage || typeof (storage.persist as unknown) !== 'function') return undefined;
  return (await storage.persisted()) || storage.persist();
}

/** The page's or worker's storage manager; there is none outside a browser (Node), whatever the types say. */
function pageStorage(): StorageManager | undefined {
  return (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
}
