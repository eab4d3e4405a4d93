import { deepQuery, deepQueryAll, textOf } from '../dom';
import { attributeOf, countOf, firstFound, linkOf, mapSourced, metadataOf, shownText } from '../sourced';
import type { PlatformExtractor } from './types';

/**
 * Instagram (shared/notes/platform-markup.md): a post is an `article`, or on today's post page the
 * `main` holding it; its time is the `<time datetime>` in the link to the post (`/p/ID/` or
 * `/USER/p/ID/`), never a comment's (`…/c/ID/`) nor the caption's "Edited" time, which links nowhere.
 * A logged-out server shell has no post markup: then the page's own metadata (og:title, description)
 * says who and when — used only when its address is the post's.
 */
export const SELECTORS = {
  post: 'article, main:not(:has(article))',
  /** Links to a person: one path segment that is not one of Instagram's own sections. */
  profileLink: 'a[href]',
  time: 'a[href*="/p/"] time[datetime], a[href*="/reel/"] time[datetime]',
  caption: 'h1',
  likes: 'section a[href$="/liked_by/"], section [data-testid="likes"]',
  comments: 'a[href$="/comments/"]',
};
const SECTIONS = new Set(['p', 'reel', 'reels', 'explore', 'direct', 'accounts', 'stories', 'about', 'legal']);
const POST_PATH = /^\/(?:[\w.]+\/)?(?:p|reel)\/[\w-]+\/?$/;

export const instagram: PlatformExtractor = {
  platform: 'instagram',
  hosts: /(^|\.)instagram\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const author = deepQueryAll(post, SELECTORS.profileLink).find((link) => isProfileLink(link, pageUrl));
    const authorLinks = deepQueryAll(post, SELECTORS.profileLink).filter(
      (link) => link.getAttribute('href') === author?.getAttribute('href') && isProfileLink(link, pageUrl),
    );
    // The post's own time: in a link to the post itself, not to one of its comments.
    const time = deepQueryAll(post, SELECTORS.time).find((t) =>
      POST_PATH.test(new URL(t.closest('a')?.getAttribute('href') ?? '/', pageUrl).pathname),
    );
    if (!author && !time) return shellMetadata(post.ownerDocument, pageUrl);
    return {
      // A post shows its author by the username alone (the display name is on the profile page).
      authorName: shownText(author),
      authorHandle: mapSourced(shownText(author), (handle) => `@${handle.replace(/^@/, '')}`),
      authorProfileUrl: linkOf(author, pageUrl),
      permalink: linkOf(time?.closest('a'), pageUrl),
      // As the page shows it; the title is a tooltip in another form.
      postedAtText: firstFound(shownText(time), attributeOf(time, 'title')),
      postedAtIso: attributeOf(time, 'datetime'),
      text: firstFound(
        shownText(deepQuery(post, SELECTORS.caption)),
        ...authorLinks.map((link) => shownText(captionBeside(link), 'the caption beside the author’s name')),
      ),
      likes: countOf(shownText(deepQuery(post, SELECTORS.likes))),
      comments: countOf(shownText(deepQuery(post, SELECTORS.comments))),
      shares: null,
    };
  },
};

/**
 * Today's post page has no h1: the caption is shown as the author's first comment — a block holding a
 * row (the author's name, "Edited", a time) and then the caption's own span (seen on a real page of
 * 2026-03, shared/realpages/instagram-1-b2). Only that span, never the row's "Edited".
 */
function captionBeside(authorLink: Element): Element | null {
  const block = authorLink.parentElement?.closest('span[dir="auto"]')?.firstElementChild;
  // The row is its own div: in any other shape the span after the name could be "Edited".
  const row = block ? [...block.children].find((child) => child.contains(authorLink)) : undefined;
  const next = row?.tagName === 'DIV' ? row.nextElementSibling : null;
  return next?.tagName === 'SPAN' && !next.querySelector('time') ? next : null;
}

function isProfileLink(link: Element, pageUrl: string): boolean {
  const url = new URL(link.getAttribute('href') ?? '', pageUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  return (
    /(^|\.)instagram\.com$/.test(url.hostname) &&
    segments.length === 1 &&
    !SECTIONS.has(segments[0] ?? '') &&
    Boolean(textOf(link))
  );
}

/**
 * A logged-out shell's own metadata: og:title "NAME on Instagram: …" and the description "HANDLE on
 * Month D, YYYY: …". Only when og:url or the canonical address is a post's — on a rendered page they
 * can name an unrelated profile left over from the page's own navigation.
 */
function shellMetadata(doc: Document, pageUrl: string) {
  const meta = (selector: string) => metadataOf(doc.querySelector(selector));
  const address = firstFound(
    meta('meta[property="og:url"]'),
    metadataOf(doc.querySelector('link[rel=canonical]'), 'href'),
  );
  const postUrl = mapSourced(address, (href) => {
    const url = new URL(href, pageUrl);
    return POST_PATH.test(url.pathname) ? url.toString() : null;
  });
  if (!postUrl) return {};
  const description = firstFound(meta('meta[name="description"]'), meta('meta[property="og:description"]'));
  const DESCRIBED = /^([\w.]+) on ([A-Z][a-z]+ \d{1,2}, \d{4}):/;
  return {
    authorName: mapSourced(
      meta('meta[property="og:title"]'),
      (title) => /^(.+?) on Instagram\b/.exec(title)?.[1] ?? null,
      'the name before “on Instagram”',
    ),
    authorHandle: mapSourced(
      description,
      (text) => {
        const handle = DESCRIBED.exec(text)?.[1];
        return handle ? `@${handle}` : null;
      },
      'the name it starts with',
    ),
    authorProfileUrl: mapSourced(
      description,
      (text) => {
        const handle = DESCRIBED.exec(text)?.[1];
        return handle ? new URL(`/${handle}/`, pageUrl).toString() : null;
      },
      'the name it starts with, in Instagram’s address of a profile, /NAME/',
    ),
    permalink: postUrl,
    postedAtText: mapSourced(description, (text) => DESCRIBED.exec(text)?.[2] ?? null, 'the date after “on”'),
  };
}
