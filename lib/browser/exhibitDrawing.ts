import type { ExhibitImageDrawing } from '../bundle/exhibitImages';
import { captionImage } from './captioner';
import { pdfRendition } from './pdfAssets';

/** The canvases that draw presentation copies and PDF renditions, in the background or a page. */
export const EXHIBIT_DRAWING: Required<ExhibitImageDrawing> = { caption: captionImage, rendition: pdfRendition };
