import type { RedactionBox } from '../capture/redaction';
import { context2d } from './canvas';

/** Draws the image on a new canvas with each box filled solid black, as a PNG: the original is only read. */
export async function redactImage(original: Blob, boxes: readonly RedactionBox[]): Promise<Blob> {
  const bitmap = await createImageBitmap(original);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = context2d(canvas);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  context.fillStyle = '#000000';
  for (const box of boxes) context.fillRect(box.x, box.y, box.width, box.height);
  return canvas.convertToBlob({ type: 'image/png' });
}
