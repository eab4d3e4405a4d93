import { absoluteUrl, attr, countIn, deepQuery, textOf } from '../dom';
import type { PlatformExtractor } from './types';

/** X / Twitter: posts are `article[data-testid="tweet"]`; the handle is the `@name` in User-Name. */
export const SELECTORS = {
  post: 'article[data-testid="tweet"]',
  userName: '[data-testid="User-Name"]',
  text: '[data-testid="tweetText"]',
  time: 'a[href*="/status/"] time[datetime]',
  reply: '[data-testid="reply"]',
  repost: '[data-testid="retweet"]',
  like: '[data-testid="like"], [data-testid="unlike"]',
};

export const x: PlatformExtractor = {
  platform: 'x',
  hosts: /(^|\.)(x|twitter)\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const user = deepQuery(post, SELECTORS.userName);
    const links = user ? [...user.querySelectorAll('a[href]')] : [];
    const handle = [...(user?.querySelectorAll('span') ?? [])]
      .map((s) => s.textContent.trim())
      .find((t) => /^@\w+$/.test(t));
    const time = deepQuery(post, SELECTORS.time);
    return {
      authorName:
        textOf(links.find((a) => !a.getAttribute('href')?.includes('/status/'))?.querySelector('span')) ?? null,
      authorHandle: handle ?? null,
      authorProfileUrl: absoluteUrl(links[0]?.getAttribute('href'), pageUrl),
      permalink: absoluteUrl(time?.closest('a')?.getAttribute('href'), pageUrl),
      postedAtText: textOf(time),
      postedAtIso: attr(time, 'datetime'),
      text: textOf(deepQuery(post, SELECTORS.text)),
      comments: countIn(attr(deepQuery(post, SELECTORS.reply), 'aria-label')),
      shares: countIn(attr(deepQuery(post, SELECTORS.repost), 'aria-label')),
      likes: countIn(attr(deepQuery(post, SELECTORS.like), 'aria-label')),
    };
  },
};
