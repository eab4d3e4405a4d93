import { deepQueryAll, isInView } from './dom';
import { facebook } from './platforms/facebook';
import { generic } from './platforms/generic';
import { instagram } from './platforms/instagram';
import { linkedin } from './platforms/linkedin';
import { bluesky } from './platforms/bluesky';
import { threads } from './platforms/threads';
import { reddit } from './platforms/reddit';
import { tiktok } from './platforms/tiktok';
import type { PlatformExtractor } from './platforms/types';
import { x } from './platforms/x';
import { whatsapp } from './platforms/whatsapp';
import { youtube } from './platforms/youtube';
import { postDetails, type PostDetails, type PostFoundBy } from './postDetails';

export * from './postDetails';

export const PLATFORM_EXTRACTORS: readonly PlatformExtractor[] = [
  facebook,
  x,
  instagram,
  tiktok,
  youtube,
  reddit,
  whatsapp,
  linkedin,
  bluesky,
  threads,
];

export function extractorFor(pageUrl: string): PlatformExtractor {
  const host = new URL(pageUrl).hostname;
  return PLATFORM_EXTRACTORS.find((e) => e.hosts.test(host)) ?? generic;
}

/**
 * The post a capture is about: the one holding `target` (the picked or right-clicked element, or
 * the element itself when it is in no post the extractor knows), or the selection; else the only
 * post in view, or the only post on the page; the whole page when it marks no post. Several posts
 * and nothing to choose between them: none (`unclear`), never the first.
 */
export function findPost(
  doc: Document,
  extractor: PlatformExtractor,
  target?: Element | null,
): { post: Element | null; foundBy: PostFoundBy } {
  if (target) return pickedPost(target, extractor.postSelector);
  const selection = doc.defaultView?.getSelection();
  const anchor = selection && selection.rangeCount > 0 ? selection.anchorNode : null;
  // nodeType, not instanceof: the page's Element is not ours when this runs in a test DOM or a frame.
  const anchorElement = anchor?.nodeType === 1 ? (anchor as Element) : anchor?.parentElement;
  const fromSelection = anchorElement?.closest(extractor.postSelector);
  if (fromSelection) return { post: fromSelection, foundBy: 'selection' };
  // Replies nested in a post count as posts too: with both in view, either could be the one meant.
  const posts = deepQueryAll(doc, extractor.postSelector);
  if (posts.length === 0) return { post: doc.documentElement, foundBy: 'whole-page' };
  const [onlyPost] = posts;
  if (posts.length === 1 && onlyPost) return { post: onlyPost, foundBy: 'only-on-page' };
  const inView = posts.filter(isInView);
  const [onlyInView] = inView;
  return inView.length === 1 && onlyInView
    ? { post: onlyInView, foundBy: 'only-in-view' }
    : { post: null, foundBy: 'unclear' };
}

/** A picked element is its post, or is in one, or holds one; holding several, it names none. */
function pickedPost(target: Element, postSelector: string): { post: Element | null; foundBy: PostFoundBy } {
  const around = target.closest(postSelector);
  if (around) return { post: around, foundBy: 'picked' };
  const inside = deepQueryAll(target, postSelector);
  if (inside.length > 1) return { post: null, foundBy: 'unclear' };
  return { post: inside[0] ?? target, foundBy: 'picked' };
}

export function extractPostDetails(doc: Document, pageUrl: string, target?: Element | null): PostDetails {
  const extractor = extractorFor(pageUrl);
  const { post, foundBy } = findPost(doc, extractor, target);
  return postDetails(extractor.platform, post ? extractor.extract(post, pageUrl) : {}, foundBy);
}
