/** Reading what the extension stored, through one of its own pages (Playwright's or Puppeteer's). */
export interface StoredCapture {
  metadata: {
    id: string;
    artefacts: {
      fileName: string;
      kind: string;
      region?: { x: number; y: number; width: number; height: number };
      pixels?: { width: number; height: number };
      method: string;
    }[];
    post?: Record<string, unknown>;
  };
  files: Record<string, Uint8Array>;
}

/** The newest capture and its files, read from the extension's IndexedDB through one of its pages. */
export async function newestCapture(page: { evaluate<T>(fn: () => Promise<T>): Promise<T> }): Promise<StoredCapture> {
  const raw = await page.evaluate(
    async (): Promise<{ metadata: StoredCapture['metadata']; files: Record<string, string> }> => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('exhibit');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error('The extension’s database would not open.', { cause: request.error }));
      });
      const all = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve) => (request.onsuccess = () => resolve(request.result)));
      const captures = await all(db.transaction('captures').objectStore('captures').getAll());
      const newest = captures.sort((a, b) => a.capturedAtUtc.localeCompare(b.capturedAtUtc)).at(-1);
      const rows = await all(db.transaction('files').objectStore('files').index('captureId').getAll(newest.id));
      const dataUrl = (blob: Blob) =>
        new Promise<string>((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as string);
          reader.readAsDataURL(blob);
        });
      const files: Record<string, string> = {};
      for (const row of rows) files[row.fileName] = (await dataUrl(row.blob)).split(',')[1] ?? '';
      return { metadata: newest.metadata, files };
    },
  );
  return {
    metadata: raw.metadata,
    files: Object.fromEntries(
      Object.entries(raw.files).map(([name, b64]) => [name, new Uint8Array(Buffer.from(b64, 'base64'))]),
    ),
  };
}

/**
 * Every row of every table of the extension's IndexedDB, Blobs as their bytes read as Latin-1, as
 * one text to search: what erasure must leave nothing of (issue #18).
 */
export function everyStoredRow(page: { evaluate<T>(fn: () => Promise<T>): Promise<T> }): Promise<string> {
  return page.evaluate(async (): Promise<string> => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('exhibit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('The extension’s database would not open.', { cause: request.error }));
    });
    const parts: string[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const request = db.transaction(name).objectStore(name).getAll();
      const rows = await new Promise<unknown[]>((resolve) => (request.onsuccess = () => resolve(request.result)));
      for (const row of rows) {
        const blobs: Blob[] = [];
        parts.push(
          JSON.stringify(row, (_key, value: unknown) => (value instanceof Blob ? (blobs.push(value), '') : value)),
        );
        for (const blob of blobs) parts.push(new TextDecoder('latin1').decode(await blob.arrayBuffer()));
      }
    }
    db.close();
    return parts.join('\n');
  });
}
