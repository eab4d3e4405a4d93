import { context2d } from './canvas';

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
