import type { Artefact, CaptureMetadata } from '../capture/metadata';
import type { CaptureView } from '../store/evidenceRepository';
import { drawExhibitImages, type ExhibitImageDrawing, type ExhibitImages } from './exhibitImages';
import type { PdfImage } from './reportPdf';

/** A capture's presentation copy and PDF renditions, at their paths in the bundle. */
export interface Drawings {
  presentation?: NonNullable<ExhibitImages['presentation']> & { path: string };
  pdfImages: [string, PdfImage][];
}

export interface ExportDrawingDeps {
  /** What the export draws: presentation copies (`caption`) and PDF renditions, each only when given. */
  draw: ExhibitImageDrawing;
  /** What was drawn after capture (lib/store/preparedImages.ts), when there. */
  preparedImages?: { load: (metadata: CaptureMetadata) => Promise<ExhibitImages | undefined> };
  /** A stored original, checked against its capture hash before anything is drawn from it. */
  checkedOriginal(view: CaptureView, artefact: Artefact): Promise<Blob>;
}

/**
 * Where an export's presentation copies and PDF renditions come from: those drawn after capture
 * when they are all there, else drawn during the export. A share copy has neither (it shows the
 * originals' redacted copies).
 */
export function createExportDrawings(deps: ExportDrawingDeps) {
  const { draw } = deps;

  /** Everything this export draws of a capture, when it was all drawn after capture; else undefined. */
  async function prepared(view: CaptureView, share: boolean): Promise<ExhibitImages | undefined> {
    if (share) return undefined;
    const images = await deps.preparedImages?.load(view.metadata);
    return images && (!draw.caption || images.presentation) && (!draw.rendition || images.renditions.length > 0)
      ? images
      : undefined;
  }

  /** The drawings this export uses, at their paths in the capture's folder. */
  function placed(images: ExhibitImages, folder: string): Drawings {
    return {
      presentation:
        draw.caption && images.presentation
          ? { ...images.presentation, path: `${folder}/${images.presentation.fileName}` }
          : undefined,
      pdfImages: draw.rendition ? images.renditions.map((r) => [`${folder}/${r.shownFileName}`, r.image]) : [],
    };
  }

  /** A capture's drawings: the prepared ones (`preparedImages`, from `prepared()`), else drawn now. */
  async function drawings(
    view: CaptureView,
    folder: string,
    share: boolean,
    preparedImages: Promise<ExhibitImages | undefined>,
  ): Promise<Drawings> {
    if (share) return { pdfImages: [] };
    return placed(
      (await preparedImages) ??
        (await drawExhibitImages(
          view.metadata,
          (artefact) => deps.checkedOriginal(view, artefact),
          draw,
          view.receivedFrom,
        )),
      folder,
    );
  }

  return { prepared, placed, drawings };
}
