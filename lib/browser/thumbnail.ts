const THUMBNAIL_WIDTH = 320;

/** A small WebP of the screenshot for lists; works in a service worker (no DOM canvas there). */
export async function makeThumbnail(png: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(png);
  const scale = Math.min(1, THUMBNAIL_WIDTH / bitmap.width);
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
}
