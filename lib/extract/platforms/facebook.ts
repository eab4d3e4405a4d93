import { absoluteUrl, attr, byText, countIn, deepQuery, textOf } from '../dom';
import type { PlatformExtractor } from './types';

/**
 * Facebook: a post is `[role="article"]`; the author link sits in the heading, the timestamp link
 * goes to /posts/, /permalink.php or /photo, and the message is marked `data-ad-preview="message"`.
 */
export const SELECTORS = {
  post: '[role="article"]',
  author: 'h2 a[href], h3 a[href], strong a[href]',
  permalink:
    'a[href*="/posts/"], a[href*="permalink.php"], a[href*="story_fbid"], a[href*="/videos/"], a[href*="/photo"]',
  message: '[data-ad-preview="message"], [data-ad-comet-preview="message"]',
  reactions: '[aria-label^="All reactions"], [aria-label*="reactions"]',
  /** Counts are plain spans such as "14 comments" and "5 shares". */
  countLabel: 'span',
};
const COMMENTS = /^\d[\d.,]*\s?[KM]?\s+comments?$/i;
const SHARES = /^\d[\d.,]*\s?[KM]?\s+shares?$/i;

export const facebook: PlatformExtractor = {
  platform: 'facebook',
  hosts: /(^|\.)(facebook|fb)\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const author = deepQuery(post, SELECTORS.author);
    const permalink = deepQuery(post, SELECTORS.permalink);
    const profileUrl = absoluteUrl(author?.getAttribute('href'), pageUrl);
    const vanity = profileUrl ? new URL(profileUrl).pathname.split('/').filter(Boolean)[0] : undefined;
    return {
      authorName: textOf(author),
      authorHandle: vanity && vanity !== 'profile.php' ? vanity : null,
      authorProfileUrl: profileUrl,
      permalink: absoluteUrl(permalink?.getAttribute('href'), pageUrl),
      // Facebook shows relative times ("3h"); the full date is in the link's aria-label when present.
      postedAtText: attr(permalink, 'aria-label') ?? textOf(permalink),
      postedAtIso: attr(permalink?.querySelector('time'), 'datetime'),
      text: textOf(deepQuery(post, SELECTORS.message)),
      likes: countIn(
        attr(deepQuery(post, SELECTORS.reactions), 'aria-label') ?? textOf(deepQuery(post, SELECTORS.reactions)),
      ),
      comments: countIn(textOf(byText(post, SELECTORS.countLabel, COMMENTS))),
      shares: countIn(textOf(byText(post, SELECTORS.countLabel, SHARES))),
    };
  },
};
