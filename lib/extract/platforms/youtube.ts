import { absoluteUrl, deepQuery, deepQueryAll } from '../dom';
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
  /** The player's own title link (ytp-title-link) to the video it plays. */
  playerTitle: 'a.ytp-title-link',
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
  const permalink = mapSourced(
    watch,
    (href) => {
      const video = videoIdIn(new URL(href, pageUrl).href);
      return video ? `https://www.youtube.com/watch?v=${encodeURIComponent(video)}` : null;
    },
    'the watch address of its video',
  );
  // The player shows the title too: used when the heading is empty (a page saved before it was filled).
  const playerTitle = deepQueryAll(post.ownerDocument, SELECTORS.playerTitle).find(
    (link) =>
      permalink?.value && videoIdIn(absoluteUrl(link.getAttribute('href'), pageUrl)) === videoIdIn(permalink.value),
  );
  return {
    authorName: shownText(owner),
    authorProfileUrl: linkOf(owner, pageUrl),
    permalink,
    postedAtText: shownText(deepQuery(scope, SELECTORS.uploaded)),
    text: firstFound(shownText(deepQuery(post, SELECTORS.title)), shownText(playerTitle)),
  };
}

function videoIdIn(url: string | null): string | null {
  const parsed = url ? new URL(url) : null;
  return parsed?.pathname === '/watch' ? parsed.searchParams.get('v') : null;
}
