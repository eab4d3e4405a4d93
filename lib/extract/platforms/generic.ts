import { absoluteUrl, deepQueryAll, textOf } from '../dom';
import type { PostField } from '../postDetails';
import {
  attributeOf,
  describeElement,
  firstFound,
  linkOf,
  mapSourced,
  metadataOf,
  shownText,
  structuredValue,
} from '../sourced';
import type { Sourced } from '../valueSource';
import { FORUM_SHAPES, forumShapeOf } from './forums';
import type { PlatformExtractor } from './types';

/**
 * Forums and anything else, in order of trust: schema.org JSON-LD, the forum software's own markup
 * (lib/extract/platforms/forums.ts), schema.org microdata, Open Graph and article meta tags, then
 * `<article>` / `<time>` / `rel=author` in the post's own markup. What the page says of itself (JSON-LD,
 * meta tags) is taken only for the page's one post: a page of replies describes its first post or its
 * topic, never the reply picked.
 */
export const SELECTORS = {
  post: [
    // XenForo's post body is an article inside its post's: not a post of its own.
    'article:not(.message-body)',
    '[itemtype*="schema.org/SocialMediaPosting"]',
    '[itemtype*="schema.org/DiscussionForumPosting"]',
    '[itemtype*="schema.org/Comment"]',
    ...FORUM_SHAPES.map((shape) => shape.post),
  ].join(', '),
  jsonLd: 'script[type="application/ld+json"]',
  time: 'time[datetime]',
  /** Tried in this order: the most explicit markup first. */
  author: [
    '[rel="author"]',
    '[itemprop="author"] [itemprop="name"]',
    '[itemprop="author"]',
    'a.author',
    '.username',
    '.author',
  ],
};

const POST_TYPES = [
  'SocialMediaPosting',
  'DiscussionForumPosting',
  'Comment',
  'BlogPosting',
  'NewsArticle',
  'Article',
  'Posting',
];

export const generic: PlatformExtractor = {
  platform: 'generic',
  hosts: /.*/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const doc = post.ownerDocument;
    const forum = forumShapeOf(post);
    const fromForum = forum ? forum.shape.extract(post, forum.own, pageUrl) : {};
    if (!isThePagesOwnPost(post)) return merge(fromForum, fromMicrodata(post, pageUrl), fromMarkup(post, pageUrl));
    return merge(
      fromJsonLd(doc, pageUrl),
      fromForum,
      fromMicrodata(post, pageUrl),
      fromMeta(doc, pageUrl),
      fromMarkup(post, pageUrl),
    );
  },
};

/**
 * Whether what the page says of itself is about this post: the page as a whole, a page marking no post,
 * or the one post it marks outside any other (replies inside it are its own).
 */
function isThePagesOwnPost(post: Element): boolean {
  if (post === post.ownerDocument.documentElement) return true;
  const outermost = deepQueryAll(post.ownerDocument, SELECTORS.post).filter(
    (candidate) => !candidate.parentElement?.closest(SELECTORS.post),
  );
  return outermost.length === 0 || (outermost.length === 1 && outermost[0] === post);
}

type Found = Partial<Record<PostField, Sourced | null>>;

/** Earlier sources win; a later one only fills what the earlier left empty. */
function merge(...sources: Found[]): Found {
  const merged: Found = {};
  for (const source of sources) {
    for (const [key, found] of Object.entries(source) as [PostField, Sourced | null][]) {
      if (!merged[key]?.value && found?.value) merged[key] = found;
    }
  }
  return merged;
}

type JsonObject = Record<string, unknown>;
const asObject = (v: unknown): JsonObject | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
const asString = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

function fromJsonLd(doc: Document, pageUrl: string): Found {
  const nodes: { object: JsonObject; script: Element }[] = [];
  for (const script of doc.querySelectorAll(SELECTORS.jsonLd)) {
    try {
      const parsed: unknown = JSON.parse(script.textContent);
      const queue: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
      for (const item of queue) {
        const object = asObject(item);
        if (!object) continue;
        nodes.push({ object, script });
        const graph: unknown = object['@graph'];
        if (Array.isArray(graph)) queue.push(...(graph as unknown[]));
      }
    } catch {
      // A page's broken JSON-LD is the page's problem; the other sources still count.
    }
  }
  const found = nodes.find((n) => [n.object['@type']].flat().some((t) => POST_TYPES.includes(String(t))));
  if (!found) return {};
  const { object: post, script } = found;
  const type = String([post['@type']].flat()[0]);
  const at = (value: string | null, path: string) => structuredValue(value, script, `JSON-LD ${type}.${path}`);
  const author = asObject([post.author].flat()[0]);
  const counter = (kind: string) =>
    [post.interactionStatistic]
      .flat()
      .map(asObject)
      .find((s) =>
        (asString(asObject(s?.interactionType)?.['@type']) ?? asString(s?.interactionType) ?? '').includes(kind),
      )?.userInteractionCount;
  return {
    authorName: at(asString(author?.name), 'author.name'),
    authorHandle: at(asString(author?.alternateName), 'author.alternateName'),
    authorProfileUrl: at(absoluteUrl(asString(author?.url), pageUrl), 'author.url'),
    permalink: firstFound(
      at(absoluteUrl(asString(post.url), pageUrl), 'url'),
      at(absoluteUrl(asString(post['@id']), pageUrl), '@id'),
    ),
    postedAtIso: firstFound(
      at(asString(post.datePublished), 'datePublished'),
      at(asString(post.dateCreated), 'dateCreated'),
    ),
    text: firstFound(
      at(asString(post.articleBody), 'articleBody'),
      at(asString(post.text), 'text'),
      at(asString(post.headline), 'headline'),
    ),
    likes: at(asString(counter('LikeAction')), 'interactionStatistic LikeAction'),
    comments: firstFound(
      at(asString(counter('CommentAction')), 'interactionStatistic CommentAction'),
      at(asString(post.commentCount), 'commentCount'),
    ),
    shares: at(asString(counter('ShareAction')), 'interactionStatistic ShareAction'),
  };
}

function fromMicrodata(post: Element, pageUrl: string): Found {
  const scope = post.matches('[itemscope]') ? post : post.querySelector('[itemscope]');
  if (!scope) return {};
  const prop = (name: string) => scope.querySelector(`[itemprop="${name}"]`);
  const author = prop('author');
  const authorName = author?.querySelector('[itemprop="name"]') ?? author;
  const date = prop('datePublished') ?? prop('dateCreated');
  const absolute = (found: Sourced | null) => mapSourced(found, (href) => absoluteUrl(href, pageUrl));
  return {
    authorName: shownText(authorName),
    authorProfileUrl: firstFound(linkOf(author?.querySelector('[itemprop="url"]'), pageUrl), linkOf(author, pageUrl)),
    permalink: firstFound(linkOf(prop('url'), pageUrl), absolute(attributeOf(prop('url'), 'content'))),
    postedAtText: shownText(date),
    postedAtIso: firstFound(attributeOf(date, 'datetime'), attributeOf(date, 'content')),
    text: shownText(prop('articleBody') ?? prop('text')),
  };
}

function fromMeta(doc: Document, pageUrl: string): Found {
  const meta = (name: string) => metadataOf(doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`));
  const author = firstFound(meta('article:author'), meta('author'));
  const authorIsUrl = /^https?:\/\//.test(author?.value ?? '');
  return {
    authorName: authorIsUrl ? null : author,
    authorProfileUrl: authorIsUrl ? mapSourced(author, (url) => absoluteUrl(url, pageUrl)) : null,
    permalink: mapSourced(
      firstFound(meta('og:url'), metadataOf(doc.querySelector('link[rel="canonical"]'), 'href')),
      (url) => absoluteUrl(url, pageUrl),
    ),
    postedAtIso: meta('article:published_time'),
  };
}

function fromMarkup(post: Element, pageUrl: string): Found {
  // The post's own: a reply nested in it has its own author and time.
  const isPost = post.matches(SELECTORS.post);
  const own = (selector: string) =>
    deepQueryAll(post, selector).find((element) => !isPost || element.parentElement?.closest(SELECTORS.post) === post);
  const time = own(SELECTORS.time);
  const author = SELECTORS.author.map(own).find(Boolean);
  return {
    authorName: shownText(author),
    authorProfileUrl: linkOf(author?.closest('a[href]') ?? author, pageUrl),
    permalink: linkOf(time?.closest('a[href]'), pageUrl),
    postedAtText: shownText(time),
    postedAtIso: attributeOf(time, 'datetime'),
    text: post.matches(SELECTORS.post) ? paragraphsOf(post) : null,
  };
}

/**
 * A post's own paragraphs: not its header or footer, nor a reply nested inside it. Only where the
 * page marks the post (`<article>`, schema.org): a page's stray paragraphs are not a post's text.
 */
function paragraphsOf(post: Element): Sourced | null {
  const own = deepQueryAll(post, 'p').filter((p) => {
    const owner = p.parentElement?.closest(SELECTORS.post);
    const aside = p.closest('header, footer, nav');
    return (!owner || owner === post) && !(aside && post.contains(aside));
  });
  const text = own.map(textOf).filter(Boolean).join('\n\n');
  return text
    ? { value: text, source: { kind: 'text', element: describeElement(post), part: 'its own paragraphs' } }
    : null;
}
