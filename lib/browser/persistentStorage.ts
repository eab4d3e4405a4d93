/**
 * Marks the evidence store persistent where the browser lets a page ask: Firefox grants it without
 * a prompt to an extension with `unlimitedStorage`, which also lifts its quota from 10 GiB to half
 * the disk (measured). Chrome answers no, but its `unlimitedStorage` already exempts the store from
 * eviction and quota; its service worker has no `persist()` at all. Returns whether it is persistent,
 * or undefined where the question cannot be asked.
 */
export async function keepStorePersistent(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage): Promise<boolean | undefined> {
  if (typeof storage?.persist !== 'function') return undefined;
  return (await storage.persisted()) || storage.persist();
}
