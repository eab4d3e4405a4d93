import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import monoFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf?url';
import type { PdfFonts, PdfImage } from '../bundle/reportPdf';
import { context2d } from './canvas';

// The largest an image is shown in the PDF (178 × 235 mm) at 120 dpi: enough to read, and small
// enough that a 300-exhibit PDF stays tens of megabytes (the originals are in the bundle).
const RENDITION_WIDTH = 840;
const RENDITION_HEIGHT = 1110;

/** The report's fonts, packaged with the extension (no network: an extension-local fetch). */
export async function pdfFonts(): Promise<PdfFonts> {
  const load = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const [regular, mono] = await Promise.all([load(regularFontUrl), load(monoFontUrl)]);
  return { regular, mono };
}

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
