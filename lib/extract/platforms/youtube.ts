import { absoluteUrl, deepQuery, textOf } from '../dom';
import type { PlatformExtractor } from './types';

/** YouTube comments: each is a `ytd-comment-view-model` (older pages: `ytd-comment-renderer`). */
export const SELECTORS = {
  post: 'ytd-comment-view-model, ytd-comment-renderer',
  author: '#author-text',
  published: '#published-time-text a',
  text: '#content-text',
  likes: '#vote-count-middle',
};

export const youtube: PlatformExtractor = {
  platform: 'youtube',
  hosts: /(^|\.)youtube\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const author = deepQuery(post, SELECTORS.author);
    const published = deepQuery(post, SELECTORS.published);
    const handle = textOf(author);
    return {
      authorName: null, // comments show the channel handle only
      authorHandle: handle,
      authorProfileUrl: absoluteUrl(author?.getAttribute('href'), pageUrl),
      permalink: absoluteUrl(published?.getAttribute('href'), pageUrl),
      postedAtText: textOf(published),
      postedAtIso: null, // YouTube shows "2 days ago" and no machine-readable time
      text: textOf(deepQuery(post, SELECTORS.text)),
      likes: textOf(deepQuery(post, SELECTORS.likes)),
      comments: null,
      shares: null,
    };
  },
};
