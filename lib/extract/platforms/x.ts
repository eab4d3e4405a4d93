import { deepQuery } from '../dom';
import { attributeOf, derivedFromId, firstFound, linkOf, shownText, valueOf, countOf } from '../sourced';
import type { PlatformExtractor } from './types';

/** X / Twitter: posts are `article[data-testid="tweet"]`; the handle is the `@name` in User-Name. */
export const SELECTORS = {
  post: 'article[data-testid="tweet"]',
  userName: '[data-testid="User-Name"]',
  text: '[data-testid="tweetText"]',
  /** A long-form article (2026) has no tweetText: its body is a rich text view. */
  articleBody: '[data-testid="twitterArticleRichTextView"]',
  time: 'a[href*="/status/"] time',
  reply: '[data-testid="reply"]',
  repost: '[data-testid="retweet"]',
  like: '[data-testid="like"], [data-testid="unlike"]',
};

/** Twitter's epoch, 2010-11-04T01:42:54.657Z: a status id's top bits are milliseconds since then. */
const SNOWFLAKE_EPOCH = 1288834974657n;

export const x: PlatformExtractor = {
  platform: 'x',
  hosts: /(^|\.)(x|twitter)\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const user = deepQuery(post, SELECTORS.userName);
    const links = user ? [...user.querySelectorAll('a[href]')] : [];
    const handle = [...(user?.querySelectorAll('span') ?? [])].find((s) => /^@\w+$/.test(s.textContent.trim()));
    const time = deepQuery(post, SELECTORS.time);
    const permalink = linkOf(time?.closest('a'), pageUrl);
    return {
      authorName: shownText(links.find((a) => !a.getAttribute('href')?.includes('/status/'))?.querySelector('span')),
      authorHandle: shownText(handle),
      authorProfileUrl: linkOf(links[0], pageUrl),
      permalink,
      postedAtText: shownText(time),
      postedAtIso: firstFound(attributeOf(time, 'datetime'), timeOfStatus(valueOf(permalink))),
      text: firstFound(shownText(deepQuery(post, SELECTORS.text)), shownText(deepQuery(post, SELECTORS.articleBody))),
      comments: countOf(attributeOf(deepQuery(post, SELECTORS.reply), 'aria-label')),
      shares: countOf(attributeOf(deepQuery(post, SELECTORS.repost), 'aria-label')),
      likes: countOf(attributeOf(deepQuery(post, SELECTORS.like), 'aria-label')),
    };
  },
};

/** The creation time a status id carries (ids since November 2010 are "snowflakes"). */
export function timeOfStatus(permalink: string | null) {
  const id = /\/status(?:es)?\/(\d{15,20})/.exec(permalink ?? '')?.[1];
  if (!id) return null;
  const ms = (BigInt(id) >> 22n) + SNOWFLAKE_EPOCH;
  return derivedFromId(
    new Date(Number(ms)).toISOString(),
    'X status ids carry the time the post was made (the id’s top bits are milliseconds since 4 November 2010)',
  );
}
