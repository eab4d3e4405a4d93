import { absoluteUrl, attr, countIn, deepQuery, textOf } from '../dom';
import type { PlatformExtractor } from './types';

/** Instagram: a post is an `article`; the header links the handle; the post's time links to /p/ or /reel/. */
export const SELECTORS = {
  post: 'article',
  author: 'header a[href^="/"]:not([href*="/p/"]):not([href*="/explore/"])',
  time: 'a[href*="/p/"] time[datetime], a[href*="/reel/"] time[datetime]',
  caption: 'h1',
  likes: 'section a[href$="/liked_by/"], section [data-testid="likes"]',
  comments: 'a[href$="/comments/"]',
};

export const instagram: PlatformExtractor = {
  platform: 'instagram',
  hosts: /(^|\.)instagram\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const author = deepQuery(post, SELECTORS.author);
    const time = deepQuery(post, SELECTORS.time);
    const handle = textOf(author);
    return {
      // Instagram shows only the handle on a post; the display name is on the profile page.
      authorName: null,
      authorHandle: handle ? `@${handle.replace(/^@/, '')}` : null,
      authorProfileUrl: absoluteUrl(author?.getAttribute('href'), pageUrl),
      permalink: absoluteUrl(time?.closest('a')?.getAttribute('href'), pageUrl),
      postedAtText: attr(time, 'title') ?? textOf(time),
      postedAtIso: attr(time, 'datetime'),
      text: textOf(deepQuery(post, SELECTORS.caption)),
      likes: countIn(textOf(deepQuery(post, SELECTORS.likes))),
      comments: countIn(textOf(deepQuery(post, SELECTORS.comments))),
      shares: null,
    };
  },
};
