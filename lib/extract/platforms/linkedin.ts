import { absoluteUrl, deepQuery, deepQueryAll } from '../dom';
import {
  attributeOf,
  countOf,
  derivedFromId,
  firstFound,
  linkOf,
  mapSourced,
  metadataOf,
  shownText,
  structuredValue,
  valueOf,
} from '../sourced';
import type { Sourced } from '../valueSource';
import type { PlatformExtractor } from './types';

/**
 * LinkedIn's public post page (shared/realpages/linkedin-1, 2025): the post is an `article` with its
 * `data-activity-urn`, its author in the actor-name link, its time shown only as "7mo"; each comment a
 * `section.comment`. No @handle: the profile's /in/ name. An activity's or comment's id carries the
 * millisecond it was made (its top 41 bits), as the page's JSON-LD confirms.
 */
export const SELECTORS = {
  post: 'article[data-activity-urn], section.comment',
  comment: 'section.comment',
  author: 'a[data-tracking-control-name="public_post_feed-actor-name"]',
  commentAuthor: 'a.comment__author, a[data-tracking-control-name="public_post_comment_actor-name"]',
  time: 'time',
  commentTime: '.comment__duration-since',
  text: '[data-test-id="main-feed-activity-card__commentary"]',
  commentText: '.comment__text',
  commentUrn: '[data-semaphore-content-urn^="urn:li:comment:"]',
  reactions: '[data-test-id="social-actions__reaction-count"]',
  comments: '[data-test-id="social-actions__comments"]',
};

export const linkedin: PlatformExtractor = {
  platform: 'linkedin',
  hosts: /(^|\.)linkedin\.com$/,
  postSelector: SELECTORS.post,
  extract(post, pageUrl) {
    const own = (selector: string) => deepQuery(post, selector);
    if (post.matches(SELECTORS.comment)) {
      const author = own(SELECTORS.commentAuthor);
      const profile = profileOf(linkOf(author, pageUrl));
      const urn = attributeOf(own(SELECTORS.commentUrn), 'data-semaphore-content-urn');
      return {
        authorName: shownText(author),
        authorHandle: handleOf(profile),
        authorProfileUrl: profile,
        postedAtText: shownText(own(SELECTORS.commentTime)),
        postedAtIso: timeOfId(/,(\d{15,20})\)$/.exec(valueOf(urn) ?? '')?.[1]),
        text: shownText(own(SELECTORS.commentText)),
      };
    }
    const activity = /^urn:li:activity:(\d{15,20})$/.exec(post.getAttribute('data-activity-urn') ?? '')?.[1];
    const author = own(SELECTORS.author);
    const profile = profileOf(linkOf(author, pageUrl));
    return {
      authorName: shownText(author),
      authorHandle: handleOf(profile),
      authorProfileUrl: profile,
      permalink: firstFound(pageAddressOf(post.ownerDocument, activity, pageUrl), activityAddress(post, activity)),
      postedAtText: shownText(deepQueryAll(post, SELECTORS.time).find((time) => !time.closest(SELECTORS.comment))),
      postedAtIso: firstFound(publishedOf(post.ownerDocument, activity), timeOfId(activity)),
      text: shownText(own(SELECTORS.text)),
      likes: countOf(shownText(own(SELECTORS.reactions))),
      comments: countOf(shownText(own(SELECTORS.comments))),
    };
  },
};

/** A profile's address without the tracking LinkedIn adds to each link (`?trk=…`). */
function profileOf(link: Sourced | null): Sourced | null {
  return mapSourced(
    link,
    (href) => {
      const url = new URL(href);
      return /^\/in\/[^/]+\/?$/.test(url.pathname) ? `${url.origin}${url.pathname}` : null;
    },
    'without tracking parameters',
  );
}

/** LinkedIn has no @handle: a profile's public name is the part after /in/. */
function handleOf(profile: Sourced | null): Sourced | null {
  return mapSourced(profile, (url) => /^\/in\/([^/]+)/.exec(new URL(url).pathname)?.[1] ?? null, 'the name after /in/');
}

/** The page's own address for the post, when it names this activity (the post page's canonical). */
function pageAddressOf(doc: Document, activity: string | undefined, pageUrl: string): Sourced | null {
  const canonical = firstFound(
    metadataOf(doc.querySelector('meta[property="og:url"]')),
    metadataOf(doc.querySelector('link[rel="canonical"]'), 'href'),
  );
  return mapSourced(canonical, (href) => (activity && href.includes(activity) ? absoluteUrl(href, pageUrl) : null));
}

/** LinkedIn's address of an activity, from the article's own urn. */
function activityAddress(post: Element, activity: string | undefined): Sourced | null {
  return mapSourced(
    attributeOf(post, 'data-activity-urn'),
    (urn) => (activity ? `https://www.linkedin.com/feed/update/${urn}` : null),
    'LinkedIn’s address of an activity, /feed/update/URN',
  );
}

/** The time the page's JSON-LD gives for the post it describes, when that is this activity. */
function publishedOf(doc: Document, activity: string | undefined): Sourced | null {
  if (!activity) return null;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent) as { '@type'?: unknown; '@id'?: unknown; datePublished?: unknown };
      if (data['@type'] === 'SocialMediaPosting' && String(data['@id']).includes(activity))
        return structuredValue(
          typeof data.datePublished === 'string' ? data.datePublished : null,
          script,
          'JSON-LD SocialMediaPosting.datePublished',
        );
    } catch {
      // Not the JSON-LD LinkedIn writes: the id's time serves.
    }
  }
  return null;
}

function timeOfId(id: string | undefined): Sourced | null {
  if (!id) return null;
  return derivedFromId(
    new Date(Number(BigInt(id) >> 22n)).toISOString(),
    'LinkedIn post and comment ids carry the millisecond they were made (the id’s top 41 bits)',
  );
}
