import { absoluteUrl, attr, deepQuery, textOf } from '../dom';
import type { PlatformExtractor } from './types';

/** Reddit's current pages carry the details as attributes of `shreddit-post` / `shreddit-comment`. */
export const SELECTORS = {
  post: 'shreddit-post, shreddit-comment',
  body: '[slot="text-body"], [slot="comment"]',
  time: 'faceplate-timeago time, time[datetime]',
};

export const reddit: PlatformExtractor = {
  platform: 'reddit',
  hosts: /(^|\.)reddit\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
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
