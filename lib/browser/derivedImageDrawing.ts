import type { PdfImage } from '../bundle/reportPdf';
import type { DerivedImageDrawing } from '../derived/derivedImages';
import { context2d } from './canvas';

// A capture's derived images (lib/derived/derivedImages.ts), drawn on canvases: OffscreenCanvas,
// so in the background's service worker (Chrome), its event page (Firefox) or an extension page.

/** The canvases that draw presentation copies and PDF renditions. */
export const DERIVED_IMAGE_DRAWING: Required<DerivedImageDrawing> = { caption: captionImage, rendition: pdfRendition };

/**
 * A presentation copy of a screenshot (issue #5): the image with a band beneath it giving the
 * address, the time and who captured it, which a tab capture cannot show. Drawn on a new canvas:
 * the original file is never touched.
 */
export async function captionImage(png: Blob, lines: readonly string[]): Promise<Blob> {
  const bitmap = await createImageBitmap(png);
  // Read before close(): a closed ImageBitmap reports 0 × 0.
  const { width, height } = bitmap;
  const scale = Math.max(1, width / 1280);
  const fontPx = Math.round(15 * scale);
  const lineHeight = Math.round(fontPx * 1.45);
  const pad = Math.round(12 * scale);
  const measure = context2d(new OffscreenCanvas(1, 1));
  measure.font = `${fontPx}px sans-serif`;
  const wrapped = lines.flatMap((line) => wrap(line, width - 2 * pad, (text) => measure.measureText(text).width));
  const band = pad * 2 + lineHeight * wrapped.length;
  const canvas = new OffscreenCanvas(width, height + band);
  const context = context2d(canvas);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  context.fillStyle = '#ffffff';
  context.fillRect(0, height, width, band);
  context.fillStyle = '#111111';
  context.fillRect(0, height, width, Math.max(1, Math.round(2 * scale)));
  context.font = `${fontPx}px sans-serif`;
  context.textBaseline = 'top';
  wrapped.forEach((line, i) => context.fillText(line, pad, height + pad + i * lineHeight));
  return canvas.convertToBlob({ type: 'image/png' });
}

/** Breaks a line (a long URL too) so every piece fits the width. */
function wrap(line: string, width: number, measure: (text: string) => number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    if (measure(current + ch) > width && current) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  return [...out, current];
}

// The largest an image is shown in the PDF (178 × 235 mm) at 120 dpi: enough to read, and small
// enough that a 300-exhibit PDF stays tens of megabytes (the originals are in the bundle).
const RENDITION_WIDTH = 840;
const RENDITION_HEIGHT = 1110;

/** A JPEG of an image for reading in the PDF, decoded straight to its small size. */
export async function pdfRendition(image: Blob): Promise<PdfImage> {
  const probe = await createImageBitmap(image);
  const scale = Math.min(1, RENDITION_WIDTH / probe.width, RENDITION_HEIGHT / probe.height);
  const size = {
    width: Math.max(1, Math.round(probe.width * scale)),
    height: Math.max(1, Math.round(probe.height * scale)),
  };
  probe.close();
  const bitmap =
    scale < 1
      ? await createImageBitmap(image, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' })
      : await createImageBitmap(image);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = context2d(canvas);
  context.fillStyle = '#ffffff'; // JPEG has no transparency
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.75 });
  return { jpeg: new Uint8Array(await jpeg.arrayBuffer()), ...size };
}
