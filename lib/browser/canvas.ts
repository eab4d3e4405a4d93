/** A new OffscreenCanvas's 2D context: a browser that has OffscreenCanvas always gives one, but says so if not. */
export function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('The browser gave no 2D canvas to draw on.');
  return context;
}
