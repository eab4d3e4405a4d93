import type { Worker } from 'playwright-core';

/**
 * The least any capture that keeps issue #2's promise can do: the same screenshot, decoded, then its
 * PNG alone written in one IndexedDB transaction, in the background itself (no message, thumbnail,
 * page reading, source or metadata). Its ratio to the bare call is a floor no implementation beats.
 */
export async function screenshotStoredMs(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const api = (
      globalThis as unknown as { chrome: { tabs: { captureVisibleTab(w: null, o: object): Promise<string> } } }
    ).chrome;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('bench-floor', 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore('png');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(new Error('The benchmark’s database would not open.', { cause: opening.error }));
    });
    const start = performance.now();
    const dataUrl = await api.tabs.captureVisibleTab(null, { format: 'png' });
    const bytes = (Uint8Array as unknown as { fromBase64(b: string): Uint8Array<ArrayBuffer> }).fromBase64(
      dataUrl.slice(dataUrl.indexOf(',') + 1),
    );
    const transaction = db.transaction('png', 'readwrite');
    transaction.objectStore('png').put(new Blob([bytes], { type: 'image/png' }), 1);
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(new Error('The benchmark’s write failed.', { cause: transaction.error }));
    });
    const ms = performance.now() - start;
    db.close();
    return ms;
  });
}
