import { absoluteUrl, deepQuery, textOf } from '../dom';
import type { PlatformExtractor } from './types';

/**
 * TikTok marks its fields with `data-e2e` attributes; a video's detail block is the post: in the
 * 2025 layout an `article` per video (the next one is on the page too), in the 2022 video page the
 * detail container, which has no data-e2e mark (its generated class keeps the component's name).
 */
export const SELECTORS = {
  post: '[data-e2e="browse-video"], [data-e2e="recommend-list-item-container"], [data-e2e="detail-video-info"], [class*="-DivVideoDetailContainer"]',
  /** 2025: the author's avatar links to /@handle (there is no handle text). */
  avatar: 'a[data-e2e="video-author-avatar"][href*="/@"], a[data-e2e="browse-user-avatar"][href*="/@"]',
  handle: '[data-e2e="browse-username"], [data-e2e="video-author-uniqueid"]',
  /** "Name · 6d ago" (browser-nickname: the name is its own text before the separator span). */
  nickname: '[data-e2e="browser-nickname"], [data-e2e="video-author-nickname"]',
  date: '[data-e2e="browser-nickname"] span:last-child',
  description: '[data-e2e="browse-video-desc"], [data-e2e="video-desc"]',
  likes: '[data-e2e="like-count"], [data-e2e="browse-like-count"]',
  comments: '[data-e2e="comment-count"], [data-e2e="browse-comment-count"]',
  shares: '[data-e2e="share-count"]',
  permalink: 'a[href*="/video/"]',
};

export const tiktok: PlatformExtractor = {
  platform: 'tiktok',
  hosts: /(^|\.)tiktok\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const avatar = deepQuery(post, SELECTORS.avatar);
    const handle = textOf(deepQuery(post, SELECTORS.handle)) ?? handleIn(avatar?.getAttribute('href'));
    const profileLink = deepQuery(post, SELECTORS.handle)?.closest('a') ?? avatar;
    const onVideoPage = /\/video\/\d+/.test(new URL(pageUrl).pathname);
    return {
      authorName: nicknameOf(deepQuery(post, SELECTORS.nickname)),
      authorHandle: handle ? `@${handle.replace(/^@/, '')}` : null,
      authorProfileUrl: absoluteUrl(profileLink?.getAttribute('href'), pageUrl),
      permalink:
        absoluteUrl(deepQuery(post, SELECTORS.permalink)?.getAttribute('href'), pageUrl) ??
        (onVideoPage ? pageUrl : null),
      postedAtText: textOf(deepQuery(post, SELECTORS.date)),
      // TikTok shows dates such as "3-14" or "2d ago" and no machine-readable form.
      postedAtIso: null,
      text: textOf(deepQuery(post, SELECTORS.description)),
      likes: textOf(deepQuery(post, SELECTORS.likes)),
      comments: textOf(deepQuery(post, SELECTORS.comments)),
      shares: textOf(deepQuery(post, SELECTORS.shares)),
    };
  },
};

/**
 * The display name in "Name · 6d ago" (TikTok's 2022 markup, seen in a real saved page: the name is a
 * text node, then a " · " span and a date span; an element holding the name alone is taken whole):
 * never the separator, never the date.
 */
function nicknameOf(element: Element | null): string | null {
  if (!element) return null;
  if (!element.matches('[data-e2e="browser-nickname"]')) return textOf(element);
  let name = '';
  for (const node of element.childNodes) {
    const text = node.textContent?.trim() ?? '';
    if (node.nodeType === 3) name += node.textContent ?? '';
    else if (name.trim() === '' && text !== '' && text !== '·')
      return text; // the name in its own span
    else break; // the separator: the name, if any, came before it
  }
  return name.trim() || null;
}

/** The handle in a link to a profile, "/@name" (nothing else in the address counts). */
function handleIn(href: string | null | undefined): string | null {
  return /^(?:https:\/\/www\.tiktok\.com)?\/@([\w.]+)\/?$/.exec(href ?? '')?.[1] ?? null;
}
