import {
  drawDerivedImages,
  presentationCopyName,
  shownImageName,
  type DerivedImageDrawing,
  type DerivedImages,
} from '../derived/derivedImages';
import { imageArtefacts, primaryImage } from '../capture/artefacts';
import type { CaptureMetadata } from '../capture/metadata';
import { sha256OfBlob } from '../hash';
import type { DerivedFileRow, ExhibitDb } from './db';

const renditionName = (shownFileName: string) => `rendition-${shownFileName}.jpg`;

/** Where a capture's derived images are kept: its primary image's presentation copy, and a rendition of each image its report shows. */
function derivedFilesOf(
  m: CaptureMetadata,
): { renditions: { shownFileName: string; fileName: string }[]; keys: [string, string][] } | undefined {
  const original = primaryImage(m);
  if (!original) return undefined;
  const renditions = imageArtefacts(m)
    .map((image, index) => shownImageName(image.fileName, index, true))
    .map((shownFileName) => ({ shownFileName, fileName: renditionName(shownFileName) }));
  // Their derivedFiles keys: the presentation copy's first, then each rendition's.
  const keys = [presentationCopyName(original.fileName), ...renditions.map((r) => r.fileName)].map(
    (fileName): [string, string] => [m.id, fileName],
  );
  return { renditions, keys };
}

/**
 * Presentation copies and PDF renditions drawn once, right after a capture is stored (in the
 * background), so exports only stream them (issue #5, export speed). They are derived files, kept
 * apart from the originals. The presentation copy is given with the hash recorded when it was
 * drawn, for the export to check as it writes it (one read, not two); one found changed is
 * discarded and drawn afresh by the next export.
 */
export function createDerivedImageStore(db: ExhibitDb) {
  async function load(m: CaptureMetadata): Promise<DerivedImages | undefined> {
    const files = derivedFilesOf(m);
    if (!files) return undefined;
    const [presentationRow, ...renditionRows] = await db.derivedFiles.bulkGet(files.keys);
    if (!presentationRow || renditionRows.some((row) => !row?.pixels)) return undefined;
    const renditions: DerivedImages['renditions'] = [];
    for (const [i, { shownFileName }] of files.renditions.entries()) {
      const row = renditionRows[i];
      if (!row?.pixels) return undefined;
      renditions.push({ shownFileName, image: { jpeg: new Uint8Array(await row.blob.arrayBuffer()), ...row.pixels } });
    }
    return {
      presentationCopy: {
        fileName: presentationRow.fileName,
        blob: presentationRow.blob,
        sha256: presentationRow.sha256,
      },
      renditions,
    };
  }

  return {
    load,
    /** Forgets a capture's derived images (one was found changed); the next export draws them again. */
    async discard(m: CaptureMetadata): Promise<void> {
      const files = derivedFilesOf(m);
      if (files) await db.derivedFiles.bulkDelete(files.keys);
    },
    /** Draws and keeps them for a stored capture; the originals are read and checked against their hashes. */
    async drawAndKeep(captureId: string, draw: Required<DerivedImageDrawing>): Promise<void> {
      const row = await db.captures.get(captureId);
      if (!row || (await load(row.metadata))) return;
      const readOriginal = async (artefact: { fileName: string; sha256: string }) => {
        const file = await db.files.get([captureId, artefact.fileName]);
        if (!file || (await sha256OfBlob(file.blob)) !== artefact.sha256)
          throw new Error(`The stored ${artefact.fileName} does not match its capture hash.`);
        return file.blob;
      };
      // A received capture's caption says so; the row's summary names the key it came from.
      const images = await drawDerivedImages(row.metadata, readOriginal, draw, row.summary.receivedFrom);
      const rows: DerivedFileRow[] = [];
      if (images.presentationCopy)
        rows.push({
          captureId,
          fileName: images.presentationCopy.fileName,
          blob: images.presentationCopy.blob,
          sha256: await sha256OfBlob(images.presentationCopy.blob),
        });
      for (const { shownFileName, image } of images.renditions) {
        const blob = new Blob([image.jpeg as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
        rows.push({
          captureId,
          fileName: renditionName(shownFileName),
          blob,
          sha256: await sha256OfBlob(blob),
          pixels: { width: image.width, height: image.height },
        });
      }
      await db.derivedFiles.bulkPut(rows);
    },
  };
}
export type DerivedImageStore = ReturnType<typeof createDerivedImageStore>;
