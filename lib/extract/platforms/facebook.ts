import { attr, byText, ownQueryAll, textOf } from '../dom';
import { attributeOf, countOf, firstFound, linkOf, mapSourced, shownText, structuredValue } from '../sourced';
import type { Sourced } from '../valueSource';
import type { PlatformExtractor } from './types';

/**
 * Facebook, as real saved pages show it (shared/notes/platform-markup.md): the current desktop
 * layout (2025) marks a post `[role="article"]` with its author in `data-ad-rendering-role=
 * "profile_name"`, its text in `story_message`, and no `<time>`: the time is the label of the link to
 * the post. Comments are nested `[role="article"]`s labelled "Comment by …"; the mobile site (2021)
 * marks a post `article[data-ft]`, its time a bare `<abbr>`, and its exact time only in `data-ft`.
 * Every value is taken from the post itself, never from a comment inside it.
 */
export const SELECTORS = {
  post: '[role="article"], article[data-ft]',
  author: '[data-ad-rendering-role="profile_name"], h3 strong a[href], h2 a[href], h3 a[href], strong a[href]',
  permalink:
    'a[href*="/posts/"], a[href*="/permalink/"], a[href*="permalink.php"], a[href*="story_fbid"], a[href*="/videos/"], a[href*="/photo"], a[href*="comment_id="]',
  /** The mobile site's time: a bare abbr inside the link to the post. */
  mobileTime: 'abbr',
  message:
    '[data-ad-rendering-role="story_message"], [data-ad-preview="message"], [data-ad-comet-preview="message"], [data-ft=\'{"tn":"*s"}\']',
  reactions: '[aria-label^="All reactions"], [aria-label*="reactions"]',
  /** A comment or reply: "Comment by NAME 1w" (its time shows only as a relative one). */
  comment: '[role="article"][aria-label^="Comment by"], [role="article"][aria-label^="Reply by"]',
  /** Counts are plain spans such as "14 comments" and "5 shares". */
  countLabel: 'span',
};
const COMMENTS = /^\d[\d.,]*\s?[KM]?\s+comments?$/i;
const SHARES = /^\d[\d.,]*\s?[KM]?\s+shares?$/i;
/** Facebook's tracking parameters on links: never part of the address of a post or a person. */
const TRACKING =
  /^(__cft__.*|__tn__|__xts__.*|_ft_|refid|ref|fref|hc_ref|acontext|paipv|eav|comment_tracking|notif_id|notif_t|mibextid|rdid|share_url)$/;

export const facebook: PlatformExtractor = {
  platform: 'facebook',
  hosts: /(^|\.)(facebook|fb)\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const own = (selector: string) => ownQueryAll(post, selector, SELECTORS.post);
    if (post.matches(SELECTORS.comment)) return commentFields(own, pageUrl);
    const authorBlock = own(SELECTORS.author)[0];
    const authorLink = authorBlock?.matches('a[href]') ? authorBlock : authorBlock?.querySelector('a[href]');
    const profileUrl = mapSourced(linkOf(authorLink, pageUrl), profileAddress, 'the profile’s path');
    // The link to the post that shows its time: labelled with it (desktop), or holding the abbr (mobile).
    const postLinks = own(SELECTORS.permalink);
    const timeLink =
      postLinks.find((link) => link.querySelector(SELECTORS.mobileTime)) ??
      postLinks.find((link) => link !== authorLink && (attr(link, 'aria-label') ?? textOf(link)));
    const mobileTime = timeLink?.querySelector(SELECTORS.mobileTime);
    const reactions = own(SELECTORS.reactions)[0];
    return {
      authorName: shownText(authorBlock),
      authorHandle: vanityOf(profileUrl),
      authorProfileUrl: profileUrl,
      permalink: mapSourced(linkOf(timeLink, pageUrl), withoutTracking, 'without tracking parameters'),
      postedAtText: firstFound(shownText(mobileTime), attributeOf(timeLink, 'aria-label'), shownText(timeLink)),
      postedAtIso: firstFound(attributeOf(timeLink?.querySelector('time'), 'datetime'), publishTimeOf(post)),
      text: shownText(own(SELECTORS.message)[0]),
      likes: countOf(firstFound(attributeOf(reactions, 'aria-label'), shownText(reactions))),
      comments: countOf(shownText(byText(post, SELECTORS.countLabel, COMMENTS))),
      shares: countOf(shownText(byText(post, SELECTORS.countLabel, SHARES))),
    };
  },
};

/** A time as Facebook shows one on a comment: "1w", "3 h", "Just now", "30 May". */
const SHOWN_TIME = /^(\d+\s?(s|m|h|d|w|y|mins?|hrs?|wks?|yrs?)|just now|yesterday|\d{1,2} \p{L}+( \d{4})?)$/iu;

/**
 * A comment's own fields: its author is its first link that is not a time, its permalink and time
 * the link to it (`comment_id`) showing a time. Never its post's.
 */
function commentFields(own: (selector: string) => Element[], pageUrl: string) {
  const links = own('a[href]').filter((link) => textOf(link));
  const authorLink = links.find((link) => !SHOWN_TIME.test(textOf(link) ?? ''));
  const timeLink = links.find(
    (link) => /[?&]comment_id=/.test(link.getAttribute('href') ?? '') && SHOWN_TIME.test(textOf(link) ?? ''),
  );
  const profileUrl = mapSourced(linkOf(authorLink, pageUrl), profileAddress, 'the profile’s path');
  return {
    authorName: shownText(authorLink),
    authorHandle: vanityOf(profileUrl),
    authorProfileUrl: profileUrl,
    permalink: mapSourced(linkOf(timeLink, pageUrl), withoutTracking, 'without tracking parameters'),
    postedAtText: shownText(timeLink),
    postedAtIso: null, // a comment's exact time is only in the page's scripts' data, not its markup
    text: shownText(own('div[dir="auto"]')[0]),
  };
}

/** Facebook has no @handle: a profile's vanity name, the first part of its path (not profile.php). */
function vanityOf(profileUrl: Sourced | null): Sourced | null {
  return mapSourced(
    profileUrl,
    (url) => {
      const vanity = new URL(url).pathname.split('/').filter(Boolean)[0];
      return vanity && vanity !== 'profile.php' ? vanity : null;
    },
    'the profile’s name in its address',
  );
}

/**
 * A person's address: the profile's path alone (a link to it carries the group, comment or tracking
 * it was followed from), with `id` kept only for `profile.php?id=…`, which names the person.
 */
function profileAddress(url: string): string {
  const parsed = new URL(url);
  const id = parsed.pathname === '/profile.php' ? parsed.searchParams.get('id') : null;
  parsed.search = id ? `?id=${encodeURIComponent(id)}` : '';
  return parsed.toString();
}

/** An address without Facebook's tracking parameters (which differ per view and say who looked). */
function withoutTracking(url: string): string {
  const parsed = new URL(url);
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING.test(name)) parsed.searchParams.delete(name);
  return parsed.toString();
}

/**
 * The mobile site's exact time of a post, from its own `data-ft` (`page_insights.*.post_context.
 * publish_time`, seconds): the page's data, not a guess from the shown "26 May at 16:28".
 */
function publishTimeOf(post: Element): Sourced | null {
  const raw = post.getAttribute('data-ft');
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as { page_insights?: Record<string, { post_context?: { publish_time?: unknown } }> };
    const times = Object.values(data.page_insights ?? {}).map((insight) => insight.post_context?.publish_time);
    const seconds = times.find((t): t is number => typeof t === 'number' && Number.isFinite(t));
    return seconds === undefined
      ? null
      : structuredValue(
          new Date(seconds * 1000).toISOString(),
          post,
          'data-ft: page_insights.*.post_context.publish_time',
        );
  } catch {
    return null; // not the JSON Facebook writes: no time rather than a wrong one
  }
}
