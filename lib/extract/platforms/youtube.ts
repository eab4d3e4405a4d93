import { deepQuery } from '../dom';
import { firstFound, fromAddress, linkOf, mapSourced, metadataOf, shownText } from '../sourced';
import type { PlatformExtractor } from './types';

/**
 * YouTube: a comment is a `ytd-comment-view-model` (older pages: `ytd-comment-renderer`); the video
 * itself is its watch page's `ytd-watch-metadata` (2018: `ytd-video-primary-info-renderer`, with its
 * owner and date in the one secondary-info block of the page).
 */
export const SELECTORS = {
  post: 'ytd-comment-view-model, ytd-comment-renderer, ytd-watch-metadata, ytd-video-primary-info-renderer',
  comment: 'ytd-comment-view-model, ytd-comment-renderer',
  owner: '#owner-name a, ytd-channel-name a',
  uploaded: '#upload-info .date, #info-strings yt-formatted-string',
  title: 'h1.title, #title h1',
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
    if (!post.matches(SELECTORS.comment)) return videoFields(post, pageUrl);
    const author = deepQuery(post, SELECTORS.author);
    const published = deepQuery(post, SELECTORS.published);
    return {
      authorName: null, // comments show the channel handle only
      authorHandle: shownText(author),
      authorProfileUrl: linkOf(author, pageUrl),
      permalink: linkOf(published, pageUrl),
      postedAtText: shownText(published),
      postedAtIso: null, // YouTube shows "2 days ago" and no machine-readable time
      text: shownText(deepQuery(post, SELECTORS.text)),
      likes: shownText(deepQuery(post, SELECTORS.likes)),
      comments: null,
      shares: null,
    };
  },
};

/** The video of a watch page: its channel, the date it shows, its title and its watch address. */
function videoFields(post: Element, pageUrl: string) {
  // 2018: the owner and date sit in the page's one secondary-info block, beside the title's.
  const scope = post.matches('ytd-watch-metadata') ? post : post.ownerDocument;
  const owner = deepQuery(scope, SELECTORS.owner);
  const watch = firstFound(
    metadataOf(post.ownerDocument.querySelector('link[rel=canonical]'), 'href'),
    fromAddress(pageUrl),
  );
  return {
    authorName: shownText(owner),
    authorProfileUrl: linkOf(owner, pageUrl),
    permalink: mapSourced(
      watch,
      (href) => {
        const url = new URL(href, pageUrl);
        const video = url.pathname === '/watch' ? url.searchParams.get('v') : null;
        return video ? `https://www.youtube.com/watch?v=${encodeURIComponent(video)}` : null;
      },
      'the watch address of its video',
    ),
    postedAtText: shownText(deepQuery(scope, SELECTORS.uploaded)),
    text: shownText(deepQuery(post, SELECTORS.title)),
  };
}
