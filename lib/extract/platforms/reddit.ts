import { absoluteUrl, deepQuery, ownQueryAll } from '../dom';
import { attributeOf, firstFound, linkOf, mapSourced, shownText } from '../sourced';
import type { Sourced } from '../valueSource';
import type { PlatformExtractor } from './types';

/**
 * Reddit's current pages carry the details as attributes of `shreddit-post` / `shreddit-comment`;
 * old reddit (old.reddit.com, and www before 2018) as `data-` attributes of each `.thing` — a post
 * (`.link`) or a comment, whose replies are `.thing`s nested in it; the 2018–2023 redesign as
 * `data-testid`s of its post container and each `.Comment` (as other projects' scrapers read it).
 */
export const SELECTORS = {
  post: 'shreddit-post, shreddit-comment, .thing[data-author], [data-testid="post-container"], div.Comment',
  /** The redesign: its post and comments, and where their fields sit. */
  redesign: '[data-testid="post-container"], div.Comment',
  redesignAuthor: 'a[data-testid="post_author_link"], a[data-testid="comment_author_link"]',
  redesignTime: 'a[data-testid="post_timestamp"], a[data-testid="comment_timestamp"]',
  redesignTitle: 'h1, h3',
  redesignBody: '[data-click-id="text"], div[data-testid="comment"]',
  body: '[slot="text-body"], [slot="comment"]',
  time: 'faceplate-timeago time, time[datetime]',
  /** Old reddit: the thing's own tagline time, its title (a post) and its text. */
  oldTime: '.tagline time[datetime]',
  oldTitle: 'a.title',
  oldAuthor: '.tagline a.author',
  oldBody: '.usertext-body',
};

export const reddit: PlatformExtractor = {
  platform: 'reddit',
  hosts: /(^|\.)reddit\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    if (post.matches('.thing')) return oldRedditThing(post, pageUrl);
    if (post.matches(SELECTORS.redesign)) return redesignFields(post, pageUrl);
    const author = attributeOf(post, 'author');
    const isComment = post.tagName.toLowerCase() === 'shreddit-comment';
    const time = deepQuery(post, SELECTORS.time);
    return {
      authorName: null, // Reddit shows usernames only
      authorHandle: mapSourced(author, (name) => `u/${name}`),
      authorProfileUrl: profileOf(author, pageUrl, '/'),
      permalink: mapSourced(attributeOf(post, 'permalink'), (href) => absoluteUrl(href, pageUrl)),
      postedAtText: firstFound(shownText(time), attributeOf(time, 'title')),
      postedAtIso: firstFound(
        attributeOf(post, isComment ? 'created' : 'created-timestamp'),
        attributeOf(time, 'datetime'),
      ),
      text: titleAndBody(attributeOf(post, 'post-title'), shownText(deepQuery(post, SELECTORS.body))),
      likes: attributeOf(post, 'score'),
      comments: isComment ? null : attributeOf(post, 'comment-count'),
      shares: null,
    };
  },
};

/** An old-reddit post or comment: its own values, never those of a reply nested in it. */
function oldRedditThing(thing: Element, pageUrl: string) {
  const own = (selector: string) => ownQueryAll(thing, selector, '.thing')[0] ?? null;
  const author = attributeOf(thing, 'data-author');
  const time = own(SELECTORS.oldTime);
  return {
    // Reddit shows a username alone: the name shown is the one the thing carries.
    authorName: shownText(own(SELECTORS.oldAuthor)),
    authorHandle: mapSourced(author, (name) => `u/${name}`),
    authorProfileUrl: profileOf(author, pageUrl, ''),
    permalink: mapSourced(attributeOf(thing, 'data-permalink'), (href) => absoluteUrl(href, pageUrl)),
    postedAtText: shownText(time),
    postedAtIso: attributeOf(time, 'datetime'),
    text: titleAndBody(shownText(own(SELECTORS.oldTitle)), shownText(own(SELECTORS.oldBody))),
    likes: attributeOf(thing, 'data-score'),
    comments: attributeOf(thing, 'data-comments-count'),
    shares: null,
  };
}

/** A redesign post or comment: its author's link, its time link (its address), title and text. */
function redesignFields(post: Element, pageUrl: string) {
  const own = (selector: string) => ownQueryAll(post, selector, SELECTORS.redesign)[0] ?? null;
  const author = own(SELECTORS.redesignAuthor);
  const name = mapSourced(
    linkOf(author, pageUrl),
    (href) => /^\/user\/([\w-]+)\/?$/.exec(new URL(href).pathname)?.[1] ?? null,
    'the name after /user/',
  );
  const time = own(SELECTORS.redesignTime);
  const isComment = post.matches('div.Comment');
  return {
    authorName: mapSourced(shownText(author), (text) => text.replace(/^u\//, '')),
    authorHandle: mapSourced(name, (user) => `u/${user}`),
    authorProfileUrl: profileOf(name, pageUrl, '/'),
    permalink: linkOf(time, pageUrl),
    postedAtText: shownText(time),
    text: titleAndBody(
      isComment ? null : shownText(own(SELECTORS.redesignTitle)),
      shownText(own(SELECTORS.redesignBody)),
    ),
  };
}

/** A user's page on Reddit is /user/NAME: made from the name the post carries. */
function profileOf(author: Sourced | null, pageUrl: string, end: string): Sourced | null {
  return mapSourced(
    author,
    (name) => absoluteUrl(`/user/${encodeURIComponent(name)}${end}`, pageUrl),
    'Reddit’s address of a user’s page, /user/NAME',
  );
}

/** A post's title and its body, both as shown; the source is the title's when there is one. */
function titleAndBody(title: Sourced | null, body: Sourced | null): Sourced | null {
  if (!title || !body) return title ?? body;
  return {
    value: `${title.value ?? ''}\n\n${body.value ?? ''}`,
    source: { ...title.source, part: `followed by the text of ${body.source.element ?? 'its body'}` },
  };
}
