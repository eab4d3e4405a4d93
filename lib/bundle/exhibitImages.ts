import { shownReference } from '../audit';
import { imageArtefacts, primaryImage } from '../capture/artefacts';
import type { Artefact, CaptureMetadata } from '../capture/metadata';
import { presentationFileName, shownImageFileName } from './manifest';
import type { PdfImage } from './reportPdf';

/** The drawing a bundle needs beyond the originals: done by canvases, in the background or the page. */
export interface ExhibitImageDrawing {
  /** The image with a caption band beneath (issue #5). Absent: no presentation copies. */
  caption?: (png: Blob, lines: readonly string[]) => Promise<Blob>;
  /** A small JPEG of an image for report.pdf. Absent: no renditions. */
  rendition?: (image: Blob) => Promise<PdfImage>;
}

/**
 * A capture's presentation copy and the PDF's renditions of the images its report shows (the first
 * as its presentation copy). Derived from the originals only, so they can be drawn once, after the
 * capture is stored, and reused by every export.
 */
export interface ExhibitImages {
  /** `sha256`: recorded when it was drawn and stored; the export checks the bytes it writes against it. */
  presentation?: { fileName: string; blob: Blob; sha256?: string };
  /** By the file name the report shows (within the capture's folder). */
  renditions: { shownFileName: string; image: PdfImage }[];
}

/** The caption beneath a presentation copy; a received capture says so, as everywhere it shows (issue #15). */
export function presentationLines(m: CaptureMetadata, original: Artefact, receivedFrom?: string): string[] {
  const name = m.reference
    ? `Exhibit ${shownReference(m.reference, receivedFrom)}`
    : receivedFrom
      ? 'Received capture'
      : 'Capture';
  return [
    `${name} — presentation copy of ${original.fileName} (SHA-256 ${original.sha256.slice(0, 16)}…); the original is unaltered in this bundle`,
    `Address: ${m.page.url}`,
    `Captured ${m.capturedAtUtc} UTC (${m.capturedAtLocal}, ${m.timeZone}) by ${m.capturedBy.name}, ${m.capturedBy.role}, ${m.capturedBy.school}`,
  ];
}

/** Draws them; `readOriginal` must give the stored original, checked against its capture hash. */
export async function drawExhibitImages(
  m: CaptureMetadata,
  readOriginal: (artefact: Artefact) => Promise<Blob>,
  draw: ExhibitImageDrawing,
  receivedFrom?: string,
): Promise<ExhibitImages> {
  const original = primaryImage(m);
  const presentation =
    draw.caption && original
      ? {
          fileName: presentationFileName(original.fileName),
          blob: await draw.caption(await readOriginal(original), presentationLines(m, original, receivedFrom)),
        }
      : undefined;
  const renditions: ExhibitImages['renditions'] = [];
  const { rendition } = draw;
  for (const [index, image] of (rendition ? imageArtefacts(m) : []).entries()) {
    const shownFileName = shownImageFileName(image.fileName, index, presentation !== undefined);
    const shown = shownFileName === presentation?.fileName ? presentation.blob : await readOriginal(image);
    if (rendition) renditions.push({ shownFileName, image: await rendition(shown) });
  }
  return { presentation, renditions };
}
