import { z } from 'zod';
import { extractPostDetails, PostDetailsSchema } from '../extract';
import { deepQuery, deepText } from '../extract/dom';

/** What the capture reads from the page. It comes from page context, so it is validated. */
export const PageReadingSchema = z.object({
  url: z.url(),
  title: z.string().max(10_000),
  selectedText: z.string().max(1_000_000),
  text: z.string().max(20_000_000),
  viewport: z.object({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }),
  devicePixelRatio: z.number().positive(),
  post: PostDetailsSchema,
});
export type PageReading = z.infer<typeof PageReadingSchema>;

/**
 * Runs inside the captured page (bundled as entrypoints/content.ts and injected with
 * scripting.executeScript). The document is a parameter so tests can pass a fixture page.
 */
export function readPage(doc: Document = document): PageReading {
  const win = doc.defaultView ?? window;
  // The element picked for a "This post" capture; unmarked straight away so the page source is untouched.
  const target = deepQuery(doc, '[data-exhibit-target]');
  target?.removeAttribute('data-exhibit-target');
  return {
    url: doc.location.href,
    title: doc.title,
    selectedText: win.getSelection()?.toString() ?? '',
    text: deepText(doc),
    viewport: { width: win.innerWidth, height: win.innerHeight },
    devicePixelRatio: win.devicePixelRatio,
    post: extractPostDetails(doc, doc.location.href, target),
  };
}
