import { shownReference } from '../audit';
import { imageArtefacts, primaryImage } from '../capture/artefacts';
import type { Artefact, CaptureMetadata } from '../capture/metadata';
import type { PdfImage } from '../bundle/reportPdf';

/*
 * Derived images (issue #16's one vocabulary): what Exhibit draws from a capture's originals and
 * never stands for them — its presentation copy (the first image with a caption band beneath) and
 * the PDF renditions (small JPEGs of each image report.pdf shows). Drawn once after capture
 * (lib/store/derivedImageStore.ts) or during an export (./exportedDerivedImages.ts), by the
 * canvases in lib/browser/derivedImageDrawing.ts.
 */

/** "screenshot.png" → "presentation-screenshot.png": named so no one takes the captioned copy for the original. */
export function presentationCopyName(original: string): string {
  return `presentation-${original}`;
}

/**
 * The file a report shows for a capture's image at `index` (imageArtefacts order): the first, the
 * capture's primary image, as its presentation copy when there is one; the others as they are.
 */
export function shownImageName(image: string, index: number, hasPresentationCopy: boolean): string {
  return index === 0 && hasPresentationCopy ? presentationCopyName(image) : image;
}

/** The drawing a bundle needs beyond the originals: done by canvases, in the background or the page. */
export interface DerivedImageDrawing {
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
export interface DerivedImages {
  /** `sha256`: recorded when it was drawn and stored; the export checks the bytes it writes against it. */
  presentationCopy?: { fileName: string; blob: Blob; sha256?: string };
  /** By the file name the report shows (within the capture's folder). */
  renditions: { shownFileName: string; image: PdfImage }[];
}

/** The caption beneath a presentation copy; a received capture says so, as everywhere it shows (issue #15). */
export function presentationCaption(m: CaptureMetadata, original: Artefact, receivedFrom?: string): string[] {
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
export async function drawDerivedImages(
  m: CaptureMetadata,
  readOriginal: (artefact: Artefact) => Promise<Blob>,
  draw: DerivedImageDrawing,
  receivedFrom?: string,
): Promise<DerivedImages> {
  const original = primaryImage(m);
  const presentation =
    draw.caption && original
      ? {
          fileName: presentationCopyName(original.fileName),
          blob: await draw.caption(await readOriginal(original), presentationCaption(m, original, receivedFrom)),
        }
      : undefined;
  const renditions: DerivedImages['renditions'] = [];
  const { rendition } = draw;
  for (const [index, image] of (rendition ? imageArtefacts(m) : []).entries()) {
    const shownFileName = shownImageName(image.fileName, index, presentation !== undefined);
    const shown = shownFileName === presentation?.fileName ? presentation.blob : await readOriginal(image);
    if (rendition) renditions.push({ shownFileName, image: await rendition(shown) });
  }
  return { presentationCopy: presentation, renditions };
}
