import { absoluteUrl, attr, deepQuery, textOf } from '../dom';
import type { PlatformExtractor } from './types';

/**
 * Reddit's current pages carry the details as attributes of `shreddit-post` / `shreddit-comment`;
 * old reddit (old.reddit.com, and www before 2018) as `data-` attributes of each `.thing` — a post
 * (`.link`) or a comment, whose replies are `.thing`s nested in it.
 */
export const SELECTORS = {
  post: 'shreddit-post, shreddit-comment, .thing[data-author]',
  body: '[slot="text-body"], [slot="comment"]',
  time: 'faceplate-timeago time, time[datetime]',
  /** Old reddit: the thing's own tagline time, its title (a post) and its text. */
  oldTime: '.tagline time[datetime]',
  oldTitle: 'a.title',
  oldBody: '.usertext-body',
};

export const reddit: PlatformExtractor = {
  platform: 'reddit',
  hosts: /(^|\.)reddit\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    if (post.matches('.thing')) return oldRedditThing(post, pageUrl);
    const author = attr(post, 'author');
    const isComment = post.tagName.toLowerCase() === 'shreddit-comment';
    const time = deepQuery(post, SELECTORS.time);
    const title = attr(post, 'post-title');
    const body = textOf(deepQuery(post, SELECTORS.body));
    return {
      authorName: null, // Reddit shows usernames only
      authorHandle: author ? `u/${author}` : null,
      authorProfileUrl: author ? absoluteUrl(`/user/${encodeURIComponent(author)}/`, pageUrl) : null,
      permalink: absoluteUrl(attr(post, 'permalink'), pageUrl),
      postedAtText: textOf(time) ?? attr(time, 'title'),
      postedAtIso: attr(post, isComment ? 'created' : 'created-timestamp') ?? attr(time, 'datetime'),
      text: [title, body].filter(Boolean).join('\n\n') || null,
      likes: attr(post, 'score'),
      comments: isComment ? null : attr(post, 'comment-count'),
      shares: null,
    };
  },
};

/** An old-reddit post or comment: its own values, never those of a reply nested in it. */
function oldRedditThing(thing: Element, pageUrl: string) {
  const own = (selector: string) =>
    [...thing.querySelectorAll(selector)].find((element) => element.closest('.thing') === thing) ?? null;
  const author = attr(thing, 'data-author');
  const time = own(SELECTORS.oldTime);
  const title = textOf(own(SELECTORS.oldTitle));
  const body = textOf(own(SELECTORS.oldBody));
  return {
    authorName: null, // Reddit shows usernames only
    authorHandle: author ? `u/${author}` : null,
    authorProfileUrl: author ? absoluteUrl(`/user/${encodeURIComponent(author)}`, pageUrl) : null,
    permalink: absoluteUrl(attr(thing, 'data-permalink'), pageUrl),
    postedAtText: textOf(time),
    postedAtIso: attr(time, 'datetime'),
    text: [title, body].filter(Boolean).join('\n\n') || null,
    likes: attr(thing, 'data-score'),
    comments: attr(thing, 'data-comments-count'),
    shares: null,
  };
}
