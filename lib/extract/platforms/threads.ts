import { ownQueryAll } from '../dom';
import { attributeOf, firstFound, linkOf, mapSourced, shownText } from '../sourced';
import type { PlatformExtractor } from './types';

/**
 * Threads (threads.com, formerly threads.net): each post a `div[data-pressable-container]`; its
 * author's link is /@HANDLE, its own link /@HANDLE/post/CODE holding a `<time datetime>`. Classes are
 * generated and the post's text carries no mark of its own, so the text is not read (it is flagged for
 * staff, and is in the screenshot) rather than taken from a span that might be a name or a count.
 */
export const SELECTORS = {
  post: 'div[data-pressable-container="true"]',
  profileLink: 'a[href^="/@"]',
  time: 'a[href*="/post/"] time[datetime]',
};

export const threads: PlatformExtractor = {
  platform: 'threads',
  hosts: /(^|\.)threads\.(net|com)$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const own = (selector: string) => ownQueryAll(post, selector, SELECTORS.post);
    const author = own(SELECTORS.profileLink).find((link) => /^\/@[\w.]+\/?$/.test(link.getAttribute('href') ?? ''));
    const handle = mapSourced(
      linkOf(author, pageUrl),
      (href) => /^\/@([\w.]+)\/?$/.exec(new URL(href).pathname)?.[1] ?? null,
      'the name after /@',
    );
    // Its own time: in a link to a post of its author (a quoted post inside it is someone else's).
    const time = own(SELECTORS.time).find((element) =>
      element
        .closest('a')
        ?.getAttribute('href')
        ?.startsWith(`/@${handle?.value ?? '\0'}/post/`),
    );
    return {
      authorName: null, // a post shows its author's username only
      authorHandle: mapSourced(handle, (name) => `@${name}`),
      authorProfileUrl: linkOf(author, pageUrl),
      permalink: linkOf(time?.closest('a'), pageUrl),
      postedAtText: firstFound(shownText(time), attributeOf(time, 'title')),
      postedAtIso: attributeOf(time, 'datetime'),
    };
  },
};
