import { deepQuery } from '../dom';
import { firstFound, fromAddress, linkOf, mapSourced, shownText, structuredValue, valueOf } from '../sourced';
import type { Sourced } from '../valueSource';
import type { PlatformExtractor } from './types';

/**
 * TikTok marks its fields with `data-e2e` attributes; a video's detail block is the post: in the
 * 2025 layout an `article` per video (the next one is on the page too), in the 2022 video page the
 * detail container, which has no data-e2e mark (its generated class keeps the component's name).
 */
export const SELECTORS = {
  post: '[data-e2e="browse-video"], [data-e2e="recommend-list-item-container"], [data-e2e="detail-video-info"], [class*="-DivVideoDetailContainer"], [class*="-DivCommentContentContainer"], [class*="-DivCommentItemWrapper"]',
  /** A comment or reply (2022: DivCommentContentContainer; 2025: DivCommentItemWrapper), its fields data-e2e marked. */
  comment: '[class*="-DivCommentContentContainer"], [class*="-DivCommentItemWrapper"]',
  commentAuthor: '[data-e2e^="comment-username-"]',
  commentText: '[data-e2e^="comment-level-"]',
  commentTime: '[data-e2e^="comment-time-"]',
  commentReply: '[data-e2e^="comment-reply-"]',
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
    if (post.matches(SELECTORS.comment)) return commentFields(post, pageUrl);
    const avatar = deepQuery(post, SELECTORS.avatar);
    const handle = firstFound(
      shownText(deepQuery(post, SELECTORS.handle)),
      mapSourced(linkOf(avatar, pageUrl), handleIn, 'the name after /@'),
    );
    const profileLink = deepQuery(post, SELECTORS.handle)?.closest('a') ?? avatar;
    // The page's own address is the post's only for the video of the page's author (the next video,
    // someone else's, is on the page too).
    const pageVideo = /^\/@([\w.]+)\/video\/\d+/.exec(new URL(pageUrl).pathname);
    const ofPageAuthor = pageVideo?.[1] !== undefined && valueOf(handle)?.replace(/^@/, '') === pageVideo[1];
    const permalink = firstFound(
      linkOf(deepQuery(post, SELECTORS.permalink), pageUrl),
      ofPageAuthor ? fromAddress(pageUrl) : null,
    );
    return {
      authorName: nicknameOf(deepQuery(post, SELECTORS.nickname)),
      authorHandle: mapSourced(handle, (name) => `@${name.replace(/^@/, '')}`),
      authorProfileUrl: linkOf(profileLink, pageUrl),
      permalink,
      postedAtText: shownText(deepQuery(post, SELECTORS.date)),
      // TikTok shows dates such as "3-14" or "2d ago"; the page's own data holds the exact time.
      postedAtIso: createTimeOf(post.ownerDocument, valueOf(permalink)),
      text: shownText(deepQuery(post, SELECTORS.description)),
      likes: shownText(deepQuery(post, SELECTORS.likes)),
      comments: shownText(deepQuery(post, SELECTORS.comments)),
      shares: shownText(deepQuery(post, SELECTORS.shares)),
    };
  },
};

/**
 * A comment's or reply's own fields: its author's shown name and /@handle link, its text and the
 * time shown (2022: marked comment-time; 2025: unmarked, just before its Reply button). No address:
 * TikTok gives a comment none.
 */
function commentFields(comment: Element, pageUrl: string) {
  const author = deepQuery(comment, SELECTORS.commentAuthor);
  const profileLink = author?.closest('a[href*="/@"]') ?? author?.querySelector('a[href*="/@"]');
  const handle = mapSourced(linkOf(profileLink, pageUrl), handleIn, 'the name after /@');
  const reply = deepQuery(comment, SELECTORS.commentReply);
  return {
    authorName: shownText(author),
    authorHandle: mapSourced(handle, (name) => `@${name}`),
    authorProfileUrl: linkOf(profileLink, pageUrl),
    postedAtText: firstFound(
      shownText(deepQuery(comment, SELECTORS.commentTime)),
      shownText(reply?.previousElementSibling, 'beside its Reply'),
    ),
    text: shownText(deepQuery(comment, SELECTORS.commentText)),
  };
}

/**
 * The display name in "Name · 6d ago" (TikTok's 2022 markup, seen in a real saved page: the name is a
 * text node, then a " · " span and a date span; an element holding the name alone is taken whole):
 * never the separator, never the date.
 */
function nicknameOf(element: Element | null): Sourced | null {
  if (!element) return null;
  if (!element.matches('[data-e2e="browser-nickname"]')) return shownText(element);
  let name = '';
  for (const node of element.childNodes) {
    const text = node.textContent?.trim() ?? '';
    if (node.nodeType === 8) continue; // a comment in the markup
    if (node.nodeType === 3) name += node.textContent ?? '';
    else if (name.trim() === '' && text !== '' && text !== '·')
      return shownText(node as Element); // the name in its own span
    else break; // the separator: the name, if any, came before it
  }
  return mapSourced(shownText(element), () => name.trim() || null, 'before its “·”');
}

/**
 * The exact time a video was posted, from the page's own data for that video (`createTime`, seconds)
 * in its SIGI_STATE (2022) or __UNIVERSAL_DATA_FOR_REHYDRATION__ (2025) script — only for the video
 * whose id is in the post's link. Not from the id itself: its top 32 bits were 10 and 35 seconds
 * before createTime on the two real pages (the id is made at upload), and a draft posted later would
 * be further off.
 */
function createTimeOf(doc: Document, permalink: string | null): Sourced | null {
  const id = /\/video\/(\d+)/.exec(permalink ?? '')?.[1];
  if (!id) return null;
  for (const [scriptId, pathTo] of DATA_SCRIPTS) {
    const script = doc.getElementById(scriptId);
    if (!script) continue;
    try {
      const { item, path } = pathTo(JSON.parse(script.textContent) as unknown, id);
      const seconds = Number(field(item, 'createTime'));
      if (field(item, 'id') === id && Number.isInteger(seconds) && seconds > 0)
        return structuredValue(new Date(seconds * 1000).toISOString(), script, `${path}.createTime`);
    } catch {
      // Not the JSON TikTok writes: no time rather than a wrong one.
    }
  }
  return null;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

const DATA_SCRIPTS: [string, (data: unknown, id: string) => { item: unknown; path: string }][] = [
  ['SIGI_STATE', (data, id) => ({ item: field(field(data, 'ItemModule'), id), path: `ItemModule["${id}"]` })],
  [
    '__UNIVERSAL_DATA_FOR_REHYDRATION__',
    (data) => ({
      item: field(field(field(field(data, '__DEFAULT_SCOPE__'), 'webapp.video-detail'), 'itemInfo'), 'itemStruct'),
      path: '__DEFAULT_SCOPE__["webapp.video-detail"].itemInfo.itemStruct',
    }),
  ],
];

/** The handle in a link to a profile, "/@name" (nothing else in the address counts). */
function handleIn(href: string): string | null {
  const url = new URL(href);
  return /(^|\.)tiktok\.com$/.test(url.hostname) ? (/^\/@([\w.]+)\/?$/.exec(url.pathname)?.[1] ?? null) : null;
}
