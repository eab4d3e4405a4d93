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
  await db.transaction('rw', [db.captures, db.pageWords], async () => {
    if (await db.captures.get(captureId)) await db.pageWords.put(PageWordsRowSchema.parse({ captureId, words }));
  });
}

/**
 * Indexes the page text of every capture not yet indexed (stored before v13, received in a bundle,
 * or whose background indexing stopped), one at a time with progress; answers how many there were.
 * Finds them by comparing the two tables' keys alone, not their rows.
 */
export async function indexMissingPageWords(
  db: ExhibitDb,
  onProgress?: (done: number, of: number) => void,
): Promise<number> {
  const [captureIds, indexed] = await Promise.all([
    db.captures.toCollection().primaryKeys(),
    db.pageWords.toCollection().primaryKeys(),
  ]);
  const have = new Set(indexed);
  const missing = captureIds.filter((id) => !have.has(id));
  for (const [index, captureId] of missing.entries()) {
    await indexPageWords(db, captureId);
    onProgress?.(index + 1, missing.length);
  }
  return missing.length;
}
