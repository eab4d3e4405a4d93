import { z } from 'zod';
import type { Region } from './region/geometry';
import { required } from '../required';

/**
 * What the page-side render script answers: the rendering, or why there is none. Validated when it
 * comes back, since in the page's world the page's own code can answer instead (issue #15).
 */
export const RenderOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    dataUrl: z
      .string()
      .max(200_000_000)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/),
  }),
  z.object({ ok: z.literal(false), message: z.string().max(2000) }),
]);
export type RenderOutcome = z.infer<typeof RenderOutcomeSchema>;

/** Where the rendering was drawn: Exhibit's own content-script world, or the page's (Firefox's fallback). */
export type RenderWorld = 'ISOLATED' | 'MAIN';

type Render = (element: HTMLElement, options: object) => Promise<HTMLCanvasElement>;

/**
 * The element whose box is `region` (document CSS px): the staff member picked it, but the picker's
 * mark is gone before the page source is kept, so it is found again by its box.
 */
export function elementAtRegion(doc: Document, region: Region): Element | null {
  const win = required(doc.defaultView, 'the page’s window');
  win.scrollTo(win.scrollX, Math.max(0, region.y + region.height / 2 - win.innerHeight / 2));
  const cx = region.x + region.width / 2 - win.scrollX;
  const cy = region.y + region.height / 2 - win.scrollY;
  const matches = (el: Element) => {
    const box = el.getBoundingClientRect();
    return (
      Math.abs(box.left + win.scrollX - region.x) <= 1 &&
      Math.abs(box.top + win.scrollY - region.y) <= 1 &&
      Math.abs(box.width - region.width) <= 1 &&
      Math.abs(box.height - region.height) <= 1
    );
  };
  for (let el: Element | null = doc.elementFromPoint(cx, cy); el; el = el.parentElement) if (matches(el)) return el;
  return null;
}

/**
 * Draws the element from the page's code with html2canvas: the fallback when the browser gives no
 * pixels (issue #3). It is a rendering, not a screenshot, and is labelled so wherever it is shown.
 * Cross-origin images are left out rather than fetched again (no CORS requests of our own).
 */
export async function renderRegion(doc: Document, region: Region, render: Render): Promise<string> {
  const element = elementAtRegion(doc, region);
  if (!element) throw new Error('The chosen element is no longer on the page.');
  const canvas = await render(element as HTMLElement, {
    scale: doc.defaultView?.devicePixelRatio ?? 1,
    logging: false,
    useCORS: false,
    allowTaint: false,
    imageTimeout: 1500,
  });
  return canvas.toDataURL('image/png');
}
