import type { ImageAdapter } from '../capture/adapters';
import { pngSize } from '../capture/png';
import type { TileCanvas } from '../capture/region/captureRegion';
import { context2d } from './canvas';
import { required } from '../required';

const THUMBNAIL_WIDTH = 320;

/** Canvas work for captures, in the background: OffscreenCanvas works in a service worker and in Firefox's event page. */
export const imageAdapter: ImageAdapter = {
  async makeThumbnail(png) {
    const { width, height } = await pngSize(png);
    const scale = Math.min(1, THUMBNAIL_WIDTH / width);
    const size = {
      resizeWidth: Math.max(1, Math.round(width * scale)),
      resizeHeight: Math.max(1, Math.round(height * scale)),
    };
    // Decoding straight to the small size is about twice as fast as drawing the full image scaled.
    const bitmap = await createImageBitmap(png, { ...size, resizeQuality: 'medium' });
    const canvas = new OffscreenCanvas(size.resizeWidth, size.resizeHeight);
    context2d(canvas).drawImage(bitmap, 0, 0);
    bitmap.close();
    // JPEG, not WebP: encoding it takes a quarter of the time, on the click → stored path (issue #3).
    return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  },

  createCanvas(width, tiles): TileCanvas {
    const canvases = tiles.map((tile) => new OffscreenCanvas(width, tile.height));
    return {
      async draw(screenshot, pieces) {
        const bitmap = await createImageBitmap(screenshot);
        for (const p of pieces) {
          const context = context2d(required(canvases[p.tile], `canvas tile ${p.tile}`));
          context.imageSmoothingEnabled = false; // copied 1:1; no resampling of evidence pixels
          context.drawImage(bitmap, p.srcX, p.srcY, p.width, p.height, 0, p.destY, p.width, p.height);
        }
        bitmap.close();
      },
      finish: () => Promise.all(canvases.map((canvas) => canvas.convertToBlob({ type: 'image/png' }))),
    };
  },
};
