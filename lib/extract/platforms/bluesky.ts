import { ownQueryAll } from '../dom';
import { attributeOf, firstFound, fromAddress, linkOf, mapSourced, shownText, valueOf } from '../sourced';
import type { PlatformExtractor } from './types';

/**
 * Bluesky's web app (bsky.app) marks each post with a test id naming its author's handle:
 * `feedItem-by-HANDLE` in a feed, `postThreadItem-by-HANDLE` in a thread (as its own source and
 * other projects' scrapers show); its text is `postText`; a post's own link is
 * /profile/HANDLE/post/RKEY and, in a feed or a reply, shows its relative time. The time a record key
 * carries is chosen by the posting app, so no machine time is made of it.
 */
export const SELECTORS = {
  post: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
  profileLink: 'a[href^="/profile/"]',
  postLink: 'a[href*="/post/"]',
  text: '[data-testid="postText"]',
  likes: '[data-testid="likeCount"], [data-testid="likeCount-expanded"]',
  reposts: '[data-testid="repostCount"], [data-testid="repostCount-expanded"]',
};
const POST_PATH = /^\/profile\/([^/]+)\/post\/([a-z2-7]{13})\/?$/;

export const bluesky: PlatformExtractor = {
  platform: 'bluesky',
  hosts: /(^|\.)bsky\.app$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const own = (selector: string) => ownQueryAll(post, selector, SELECTORS.post);
    const handle = mapSourced(
      attributeOf(post, 'data-testid'),
      (id) => /^(?:feedItem|postThreadItem)-by-(.+)$/.exec(id)?.[1] ?? null,
      'the handle it names',
    );
    const profilePath = `/profile/${valueOf(handle) ?? ''}`;
    const profileLinks = own(SELECTORS.profileLink).filter((link) => link.getAttribute('href') === profilePath);
    // Its own link: to a post of its author (a quoted post inside it links to another).
    const selfLink = own(SELECTORS.postLink).find(
      (link) => POST_PATH.exec(link.getAttribute('href') ?? '')?.[1] === valueOf(handle),
    );
    const page = POST_PATH.exec(new URL(pageUrl).pathname);
    // The thread's highlighted post has no link to itself: the page's address is its own.
    const isPagePost =
      !selfLink && post.matches('[data-testid^="postThreadItem-by-"]') && page?.[1] === valueOf(handle);
    return {
      authorName: shownText(
        profileLinks.find((link) => !link.textContent.trim().startsWith('@') && link.textContent.trim()),
      ),
      authorHandle: mapSourced(handle, (name) => `@${name}`),
      authorProfileUrl: linkOf(profileLinks[0], pageUrl),
      permalink: firstFound(linkOf(selfLink, pageUrl), isPagePost ? fromAddress(pageUrl) : null),
      postedAtText: firstFound(attributeOf(selfLink, 'aria-label'), shownText(selfLink)),
      postedAtIso: null,
      text: shownText(own(SELECTORS.text)[0]),
      likes: shownText(own(SELECTORS.likes)[0]),
      shares: shownText(own(SELECTORS.reposts)[0]),
    };
  },
};
