import { ownQueryAll } from '../dom';
import type { PostField } from '../postDetails';
import { attributeOf, firstFound, linkOf, mapSourced, shownText } from '../sourced';
import type { Sourced } from '../valueSource';

type Found = Partial<Record<PostField, Sourced | null>>;

/**
 * Forum and comment software whose markup says which post is which, read by the generic extractor:
 * each shape's post element, and where its fields sit. Every value is the post's own: a reply nested in
 * it is a post of its own.
 */
export interface ForumShape {
  name: string;
  post: string;
  extract(post: Element, own: (selector: string) => Element | undefined, pageUrl: string): Found;
}

export const FORUM_SHAPES: readonly ForumShape[] = [
  {
    // phpBB 3 (prosilver; shared/realpages/forum-2): div.post#pN; the author and the link to the post
    // in p.author, the time after its "»" (3.2 and later: a <time datetime>); links carry a session id.
    name: 'phpBB',
    post: 'div.post:has(.postbody)',
    extract: (post, own, pageUrl) => ({
      authorName: shownText(own('.postprofile a.username, .postprofile a.username-coloured, p.author a.username')),
      authorProfileUrl: withoutSession(
        linkOf(own('.postprofile a.username, .postprofile a.username-coloured, p.author a.username'), pageUrl),
      ),
      permalink: withoutSession(linkOf(own('p.author a[href*="#p"], h3 a[href*="#p"]:not([href^="#"])'), pageUrl)),
      postedAtText: firstFound(
        shownText(own('p.author time')),
        mapSourced(shownText(own('p.author')), (line) => /»\s*(.+)$/.exec(line)?.[1]?.trim() ?? null, 'after its »'),
      ),
      postedAtIso: attributeOf(own('p.author time[datetime]'), 'datetime'),
      text: shownText(own('.postbody .content')),
    }),
  },
  {
    // XenForo 2: article.message with data-author; the user link carries data-user-id; the time a
    // <time class="u-dt" datetime>; the body .bbWrapper (as other projects' scrapers read it).
    name: 'XenForo',
    post: 'article.message[data-author]',
    extract: (post, own, pageUrl) => ({
      authorName: firstFound(
        shownText(own('.message-name a[data-user-id], .message-name .username')),
        attributeOf(post, 'data-author'),
      ),
      authorProfileUrl: linkOf(own('.message-name a[data-user-id]'), pageUrl),
      permalink: linkOf(
        own('.message-attribution-main a[href*="/post"], .message-attribution-opposite a[href*="/post"]'),
        pageUrl,
      ),
      postedAtText: shownText(own('.message-attribution-main time')),
      postedAtIso: attributeOf(own('.message-attribution-main time[datetime]'), 'datetime'),
      text: shownText(own('.message-body .bbWrapper')),
    }),
  },
  {
    // Discourse: each post an article[data-post-id] in div.topic-post; the username in div.names; the
    // link to the post is a.post-date, holding the shown time and its milliseconds in data-time.
    name: 'Discourse',
    post: 'article[data-post-id]',
    extract: (post, own, pageUrl) => {
      const shown = own('a.post-date span[data-time]');
      return {
        authorName: shownText(own('.names .username a, .names .first a')),
        authorProfileUrl: linkOf(own('.names .username a, .names .first a'), pageUrl),
        permalink: linkOf(own('a.post-date'), pageUrl),
        postedAtText: shownText(shown),
        postedAtIso: mapSourced(
          attributeOf(shown, 'data-time'),
          (ms) => (/^\d{12,14}$/.test(ms) ? new Date(Number(ms)).toISOString() : null),
          'milliseconds since 1970',
        ),
        text: shownText(own('.cooked')),
      };
    },
  },
  {
    // Disqus (shared/realpages/news-comments-2, the comments frame's own document): li.post#post-ID,
    // replies nested in its ul.children; the author's link names their Disqus username; the time link
    // is the comment's address and shows a relative time (its title a localised date).
    name: 'Disqus',
    post: 'li.post[id^="post-"]',
    extract: (post, own, pageUrl) => {
      const author = own('.author a[data-action="profile"], .post-byline a[data-action="profile"]');
      return {
        authorName: shownText(author),
        authorHandle: attributeOf(author, 'data-username'),
        authorProfileUrl: linkOf(author, pageUrl),
        permalink: linkOf(own('a.time-ago[data-role="relative-time"], a[data-role="relative-time"]'), pageUrl),
        postedAtText: shownText(own('a[data-role="relative-time"]')),
        text: shownText(own('.post-message')),
        likes: shownText(own('[data-role="likes"]')),
      };
    },
  },
];

/** The forum shape a post element is, and a reader of its own elements (none of a nested reply's). */
export function forumShapeOf(
  post: Element,
): { shape: ForumShape; own: (selector: string) => Element | undefined } | undefined {
  const shape = FORUM_SHAPES.find((candidate) => post.matches(candidate.post));
  if (!shape) return undefined;
  const own = (selector: string) => ownQueryAll(post, selector, shape.post)[0];
  return { shape, own };
}

/** A phpBB link without its `sid`: a session id, different on every visit, is no part of an address. */
function withoutSession(link: Sourced | null): Sourced | null {
  return mapSourced(
    link,
    (href) => {
      const url = new URL(href);
      url.searchParams.delete('sid');
      return url.toString();
    },
    'without its session id',
  );
}
