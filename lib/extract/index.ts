import { deepQueryAll } from './dom';
import { facebook } from './platforms/facebook';
import { generic } from './platforms/generic';
import { instagram } from './platforms/instagram';
import { reddit } from './platforms/reddit';
import { tiktok } from './platforms/tiktok';
import type { PlatformExtractor } from './platforms/types';
import { x } from './platforms/x';
import { youtube } from './platforms/youtube';
import { postDetails, type PostDetails } from './postDetails';

export * from './postDetails';

export const PLATFORM_EXTRACTORS: readonly PlatformExtractor[] = [facebook, x, instagram, tiktok, youtube, reddit];

export function extractorFor(pageUrl: string): PlatformExtractor {
  const host = new URL(pageUrl).hostname;
  return PLATFORM_EXTRACTORS.find((e) => e.hosts.test(host)) ?? generic;
}

/**
 * The post a capture is about: the one holding `target` (the right-clicked or picked element) or
 * the selection, else the first post in view, else the first post; the whole page when it has none.
 */
export function findPost(doc: Document, extractor: PlatformExtractor, target?: Element | null): Element {
  const fromTarget = target?.closest(extractor.postSelector);
  if (fromTarget) return fromTarget;
  const selection = doc.defaultView?.getSelection();
  const anchor = selection && selection.rangeCount > 0 ? selection.anchorNode : null;
  // nodeType, not instanceof: the page's Element is not ours when this runs in a test DOM or a frame.
  const anchorElement = anchor?.nodeType === 1 ? (anchor as Element) : anchor?.parentElement;
  const fromSelection = anchorElement?.closest(extractor.postSelector);
  if (fromSelection) return fromSelection;
  const posts = deepQueryAll(doc, extractor.postSelector);
  const viewportHeight = doc.defaultView?.innerHeight ?? Infinity;
  const inView = posts.find((p) => {
    const box = p.getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < viewportHeight;
  });
  return inView ?? posts[0] ?? doc.documentElement;
}

export function extractPostDetails(doc: Document, pageUrl: string, target?: Element | null): PostDetails {
  const extractor = extractorFor(pageUrl);
  return postDetails(extractor.platform, extractor.extract(findPost(doc, extractor, target), pageUrl));
}
