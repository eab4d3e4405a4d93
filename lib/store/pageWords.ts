import { PageWordsRowSchema, type ExhibitDb } from './db';
import { wordsOf } from '../searchWords';

/**
 * Keeps the words of a capture's page text (issue #18, finding a person), read from its stored
 * `page-text` file. Written after the capture is stored — never on the capture's own path, which
 * must stay as fast as the screenshot allows (issue #17) — and only while the capture still exists,
 * so an erasure in between leaves no words behind.
 */
export async function indexPageWords(db: ExhibitDb, captureId: string): Promise<void> {
  const row = await db.captures.get(captureId);
  const artefact = row?.metadata.artefacts.find((a) => a.kind === 'page-text');
  const file = artefact && (await db.files.get([captureId, artefact.fileName]));
  const words = file ? wordsOf(await file.blob.text()) : [];
  await db.transaction('rw', [db.captures, db.pageWords, db.pageWordsPending], async () => {
    if (await db.captures.get(captureId)) await db.pageWords.put(PageWordsRowSchema.parse({ captureId, words }));
    await db.pageWordsPending.delete(captureId);
  });
}

/**
 * Indexes the page text of every capture not yet indexed — stored before v13, received in a bundle,
 * or whose indexing after capture stopped — one at a time with progress; answers how many there
 * were. Reads only the list of those still pending (`pageWordsPending`, written with each capture).
 */
export async function indexMissingPageWords(
  db: ExhibitDb,
  onProgress?: (done: number, of: number) => void,
): Promise<number> {
  const missing = await db.pageWordsPending.toCollection().primaryKeys();
  for (const [index, captureId] of missing.entries()) {
    await indexPageWords(db, captureId);
    onProgress?.(index + 1, missing.length);
  }
  return missing.length;
}
