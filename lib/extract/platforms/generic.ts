import { absoluteUrl, attr, deepQuery, deepQueryAll, textOf } from '../dom';
import type { FoundFields } from '../postDetails';
import type { PlatformExtractor } from './types';

/**
 * Forums and anything else, in order of trust: schema.org JSON-LD, schema.org microdata, Open Graph
 * and article meta tags, then `<article>` / `<time>` / `rel=author` in the post's own markup.
 */
export const SELECTORS = {
  post: 'article, [itemtype*="schema.org/SocialMediaPosting"], [itemtype*="schema.org/DiscussionForumPosting"], [itemtype*="schema.org/Comment"]',
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
    return merge(
      fromJsonLd(doc, pageUrl),
      fromMicrodata(post, pageUrl),
      fromMeta(doc, pageUrl),
      fromMarkup(post, pageUrl),
    );
  },
};

/** Earlier sources win; a later one only fills what the earlier left empty. */
function merge(...sources: FoundFields[]): FoundFields {
  const merged: FoundFields = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source) as [keyof FoundFields, string | null | undefined][]) {
      if (!merged[key] && value) merged[key] = value;
    }
  }
  return merged;
}

type JsonObject = Record<string, unknown>;
const asObject = (v: unknown): JsonObject | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
const asString = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

function fromJsonLd(doc: Document, pageUrl: string): FoundFields {
  const nodes: JsonObject[] = [];
  for (const script of doc.querySelectorAll(SELECTORS.jsonLd)) {
    try {
      const parsed: unknown = JSON.parse(script.textContent);
      const queue: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
      for (const item of queue) {
        const object = asObject(item);
        if (!object) continue;
        nodes.push(object);
        const graph: unknown = object['@graph'];
        if (Array.isArray(graph)) queue.push(...(graph as unknown[]));
      }
    } catch {
      // A page's broken JSON-LD is the page's problem; the other sources still count.
    }
  }
  const post = nodes.find((n) => [n['@type']].flat().some((t) => POST_TYPES.includes(String(t))));
  if (!post) return {};
  const author = asObject([post.author].flat()[0]);
  const counter = (kind: string) =>
    [post.interactionStatistic]
      .flat()
      .map(asObject)
      .find((s) =>
        (asString(asObject(s?.interactionType)?.['@type']) ?? asString(s?.interactionType) ?? '').includes(kind),
      )?.userInteractionCount;
  return {
    authorName: asString(author?.name),
    authorHandle: asString(author?.alternateName),
    authorProfileUrl: absoluteUrl(asString(author?.url), pageUrl),
    permalink: absoluteUrl(asString(post.url) ?? asString(post['@id']), pageUrl),
    postedAtIso: asString(post.datePublished) ?? asString(post.dateCreated),
    text: asString(post.articleBody) ?? asString(post.text) ?? asString(post.headline),
    likes: asString(counter('LikeAction')),
    comments: asString(counter('CommentAction')) ?? asString(post.commentCount),
    shares: asString(counter('ShareAction')),
  };
}

function fromMicrodata(post: Element, pageUrl: string): FoundFields {
  const scope = post.matches('[itemscope]') ? post : post.querySelector('[itemscope]');
  if (!scope) return {};
  const prop = (name: string) => scope.querySelector(`[itemprop="${name}"]`);
  const author = prop('author');
  const authorName = author?.querySelector('[itemprop="name"]') ?? author;
  const date = prop('datePublished') ?? prop('dateCreated');
  return {
    authorName: textOf(authorName),
    authorProfileUrl: absoluteUrl(
      author?.querySelector('[itemprop="url"]')?.getAttribute('href') ?? attr(author, 'href'),
      pageUrl,
    ),
    permalink: absoluteUrl(attr(prop('url'), 'href') ?? attr(prop('url'), 'content'), pageUrl),
    postedAtText: textOf(date),
    postedAtIso: attr(date, 'datetime') ?? attr(date, 'content'),
    text: textOf(prop('articleBody') ?? prop('text')),
  };
}

function fromMeta(doc: Document, pageUrl: string): FoundFields {
  const meta = (name: string) => attr(doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`), 'content');
  const author = meta('article:author') ?? meta('author');
  const authorIsUrl = Boolean(author && /^https?:\/\//.test(author));
  return {
    authorName: authorIsUrl ? null : author,
    authorProfileUrl: authorIsUrl ? absoluteUrl(author, pageUrl) : null,
    permalink: absoluteUrl(meta('og:url') ?? attr(doc.querySelector('link[rel="canonical"]'), 'href'), pageUrl),
    postedAtIso: meta('article:published_time'),
  };
}

function fromMarkup(post: Element, pageUrl: string): FoundFields {
  const time = deepQuery(post, SELECTORS.time);
  const author = SELECTORS.author.map((selector) => deepQuery(post, selector)).find(Boolean);
  const permalink = time?.closest('a[href]');
  return {
    authorName: textOf(author),
    authorProfileUrl: absoluteUrl(author?.closest('a[href]')?.getAttribute('href') ?? attr(author, 'href'), pageUrl),
    permalink: absoluteUrl(permalink?.getAttribute('href'), pageUrl),
    postedAtText: textOf(time),
    postedAtIso: attr(time, 'datetime'),
    text: post.matches(SELECTORS.post) ? paragraphsOf(post) : null,
  };
}

/**
 * A post's own paragraphs: not its header or footer, nor a reply nested inside it. Only where the
 * page marks the post (`<article>`, schema.org): a page's stray paragraphs are not a post's text.
 */
function paragraphsOf(post: Element): string | null {
  const own = deepQueryAll(post, 'p').filter((p) => {
    const owner = p.parentElement?.closest(SELECTORS.post);
    const aside = p.closest('header, footer, nav');
    return (!owner || owner === post) && !(aside && post.contains(aside));
  });
  const text = own.map(textOf).filter(Boolean).join('\n\n');
  return text || null;
}
