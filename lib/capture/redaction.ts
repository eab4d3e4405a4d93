import { z } from 'zod';

/** A box to black out, in the image's own pixels (issue #5, redacted copy for sharing). */
export const RedactionBoxSchema = z.object({
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type RedactionBox = z.infer<typeof RedactionBoxSchema>;

export const RedactionBoxesSchema = z
  .array(RedactionBoxSchema)
  .min(1, 'Draw at least one box over what must be hidden.')
  .max(200);

/** The redacted copy of an image sits beside it, named so nobody takes it for the original. */
export function redactedFileName(imageFileName: string): string {
  return `redacted-${imageFileName.replace(/\.[a-z0-9]+$/, '')}.png`;
}

/** Boxes cut to the image (a drag may run past its edge); boxes wholly outside are dropped. */
export function clampBoxes(boxes: readonly RedactionBox[], image: { width: number; height: number }): RedactionBox[] {
  return boxes.flatMap((box) => {
    const x = Math.max(0, Math.min(box.x, image.width));
    const y = Math.max(0, Math.min(box.y, image.height));
    const width = Math.min(box.x + box.width, image.width) - x;
    const height = Math.min(box.y + box.height, image.height) - y;
    return width > 0 && height > 0 ? [{ x, y, width, height }] : [];
  });
}
