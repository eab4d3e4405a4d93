import { drawExhibitImages, type ExhibitImageDrawing, type ExhibitImages } from '../bundle/exhibitImages';
import { imageArtefacts, primaryImage } from '../capture/artefacts';
import type { CaptureMetadata } from '../capture/metadata';
import { presentationFileName, shownImageFileName } from '../bundle/manifest';
import { sha256OfBlob } from '../hash';
import type { DerivedFileRow, ExhibitDb } from './db';

const renditionName = (shownFileName: string) => `rendition-${shownFileName}.jpg`;

/**
 * Presentation copies and PDF renditions drawn once, right after a capture is stored (in the
 * background), so exports only stream them (issue #5, export speed). They are derived files, kept
 * apart from the originals; one whose bytes no longer match its recorded hash is ignored and the
 * export draws it afresh.
 */
export function createPreparedImages(db: ExhibitDb) {
  async function load(m: CaptureMetadata): Promise<ExhibitImages | undefined> {
    const original = primaryImage(m);
    if (!original) return undefined;
    const rows = new Map((await db.derivedFiles.where('captureId').equals(m.id).toArray()).map((row) => [row.fileName, row]));
    const presentationRow = rows.get(presentationFileName(original.fileName));
    if (!presentationRow || (await sha256OfBlob(presentationRow.blob)) !== presentationRow.sha256) return undefined;
    const renditions: ExhibitImages['renditions'] = [];
    for (const [index, image] of imageArtefacts(m).entries()) {
      const shownFileName = shownImageFileName(image.fileName, index, true);
      const row = rows.get(renditionName(shownFileName));
      if (!row?.pixels) return undefined;
      renditions.push({ shownFileName, image: { jpeg: new Uint8Array(await row.blob.arrayBuffer()), ...row.pixels } });
    }
    return { presentation: { fileName: presentationRow.fileName, blob: presentationRow.blob }, renditions };
  }

  return {
    load,
    /** Draws and keeps them for a stored capture; the originals are read and checked against their hashes. */
    async prepare(captureId: string, draw: Required<ExhibitImageDrawing>): Promise<void> {
      const row = await db.captures.get(captureId);
      if (!row || (await load(row.metadata))) return;
      const readOriginal = async (artefact: { fileName: string; sha256: string }) => {
        const file = await db.files.get([captureId, artefact.fileName]);
        if (!file || (await sha256OfBlob(file.blob)) !== artefact.sha256) throw new Error(`The stored ${artefact.fileName} does not match its capture hash.`);
        return file.blob;
      };
      const images = await drawExhibitImages(row.metadata, readOriginal, draw);
      const rows: DerivedFileRow[] = [];
      if (images.presentation) rows.push({ captureId, fileName: images.presentation.fileName, blob: images.presentation.blob, sha256: await sha256OfBlob(images.presentation.blob) });
      for (const { shownFileName, image } of images.renditions) {
        const blob = new Blob([image.jpeg as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
        rows.push({ captureId, fileName: renditionName(shownFileName), blob, sha256: await sha256OfBlob(blob), pixels: { width: image.width, height: image.height } });
      }
      await db.derivedFiles.bulkPut(rows);
    },
  };
}
export type PreparedImages = ReturnType<typeof createPreparedImages>;
