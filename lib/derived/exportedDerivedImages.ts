import type { Artefact, CaptureMetadata } from '../capture/metadata';
import type { CaptureView } from '../store/evidenceRepository';
import type { PdfImage } from '../bundle/reportPdf';
import { drawDerivedImages, type DerivedImageDrawing, type DerivedImages } from './derivedImages';

/** A capture's presentation copy and PDF renditions, at their paths in the bundle. */
export interface PlacedDerivedImages {
  presentationCopy?: NonNullable<DerivedImages['presentationCopy']> & { path: string };
  pdfImages: [string, PdfImage][];
}

export interface ExportedDerivedImagesDeps {
  /** What the export draws: presentation copies (`caption`) and PDF renditions, each only when given. */
  draw: DerivedImageDrawing;
  /** What was drawn after capture (lib/store/derivedImageStore.ts), when there. */
  derivedImageStore?: { load: (metadata: CaptureMetadata) => Promise<DerivedImages | undefined> };
  /** A stored original, checked against its capture hash before anything is drawn from it. */
  checkedOriginal(view: CaptureView, artefact: Artefact): Promise<Blob>;
}

/**
 * Where an export's presentation copies and PDF renditions come from: those drawn after capture
 * when they are all there, else drawn during the export. A share copy has neither (it shows the
 * originals' redacted copies).
 */
export function createExportedDerivedImages(deps: ExportedDerivedImagesDeps) {
  const { draw } = deps;

  /** Everything this export draws of a capture, when it was all drawn after capture; else undefined. */
  async function storedFor(view: CaptureView, share: boolean): Promise<DerivedImages | undefined> {
    if (share) return undefined;
    const images = await deps.derivedImageStore?.load(view.metadata);
    return images && (!draw.caption || images.presentationCopy) && (!draw.rendition || images.renditions.length > 0)
      ? images
      : undefined;
  }

  /** The derived images this export uses, at their paths in the capture's folder. */
  function placed(images: DerivedImages, folder: string): PlacedDerivedImages {
    return {
      presentationCopy:
        draw.caption && images.presentationCopy
          ? { ...images.presentationCopy, path: `${folder}/${images.presentationCopy.fileName}` }
          : undefined,
      pdfImages: draw.rendition ? images.renditions.map((r) => [`${folder}/${r.shownFileName}`, r.image]) : [],
    };
  }

  /** A capture's derived images: those stored after capture (`stored`, from `storedFor()`), else drawn now. */
  async function forExport(
    view: CaptureView,
    folder: string,
    share: boolean,
    stored: Promise<DerivedImages | undefined>,
  ): Promise<PlacedDerivedImages> {
    if (share) return { pdfImages: [] };
    return placed(
      (await stored) ??
        (await drawDerivedImages(
          view.metadata,
          (artefact) => deps.checkedOriginal(view, artefact),
          draw,
          view.receivedFrom,
        )),
      folder,
    );
  }

  return { storedFor, placed, forExport };
}
