import { describe, expect, it } from 'vitest';
import { extractPostDetails, POST_FIELDS, PostDetailsSchema } from '@/lib/extract';
import { isDerived, valueSourceWords } from '@/lib/extract/valueSource';
import { loadFixture } from './loadFixture';

// A page of each kind, with the element staff would click on.
const PAGES = [
  ['x', 'https://x.com/home', '[data-testid="tweetText"]'],
  ['x-article', 'https://x.com/northwickparent/status/2061896926483309120', '[data-text="true"]'],
  [
    'facebook',
    'https://www.facebook.com/jamie.parent.77/posts/pfbid0InventedPostId123',
    '[data-ad-rendering-role="story_message"] span',
  ],
  ['facebook-mobile', 'https://m.facebook.com/groups/northwickparents/', 'article[data-ft] p'],
  ['instagram', 'https://www.instagram.com/p/C7abcDEF123/', 'h1'],
  ['instagram-shell', 'https://www.instagram.com/p/C7abcDEF123/', 'body'],
  ['tiktok', 'https://www.tiktok.com/@kidswatch99/video/7370000000000000000', '[data-e2e="browse-video-desc"] span'],
  ['tiktok-feed', 'https://www.tiktok.com/@kidswatch99/video/7370000000000000001', '[data-e2e="video-desc"] span'],
  ['youtube-watch', 'https://www.youtube.com/watch?v=abc123XYZ', 'h1.title'],
  ['reddit', 'https://www.reddit.com/r/unitedkingdom/comments/1abcde/northwick_park_primary/', 'shreddit-post'],
  ['reddit-old', 'https://old.reddit.com/r/unitedkingdom/comments/1abcde/mrs_y_at_northwick_park/', 'a.title'],
  ['whatsapp', 'https://web.whatsapp.com/', '.selectable-text span'],
  ['forum', 'https://forum.example/t/northwick-park/77', 'article p'],
  ['bluesky', 'https://bsky.app/profile/northwickparent.bsky.social/post/3lnvcxqwerty2', '[data-testid="postText"]'],
  ['threads', 'https://www.threads.com/@northwick.parent/post/DInvEnTcOdE1', '.x1a6qonq span span'],
  [
    'linkedin',
    'https://www.linkedin.com/posts/pat-parent-1a2b3c_northwick-park-activity-7467839993675776123-Xy9z',
    '.comment__text',
  ],
] as const;

describe('where each value came from (issue #19)', () => {
  it.each(PAGES)(
    '%s: every value found says where it came from, and nothing else has a source',
    (file, url, picked) => {
      const doc = loadFixture(file, url);
      const details = extractPostDetails(doc, url, doc.querySelector(picked));
      const found = POST_FIELDS.filter((field) => details[field] !== null);
      expect(found.length).toBeGreaterThan(2);
      expect(Object.keys(details.sources ?? {}).sort()).toEqual([...found].sort());
      expect(PostDetailsSchema.parse(details)).toEqual(details);
    },
  );

  it('names the element and attribute, the page’s metadata or its data, or the page’s address', () => {
    const x = extractPostDetails(loadFixture('x', 'https://x.com/home'), 'https://x.com/home');
    expect(x.sources).toBeUndefined(); // two posts, none picked: nothing taken, nothing to source

    const xDoc = loadFixture('x', 'https://x.com/home');
    const tweet = extractPostDetails(xDoc, 'https://x.com/home', xDoc.querySelector('[data-testid="tweetText"]'));
    expect(tweet.sources).toMatchObject({
      postedAtIso: { kind: 'attribute', element: 'time', attribute: 'datetime' },
      text: { kind: 'text', element: 'div[data-testid="tweetText"]' },
      likes: { kind: 'attribute', element: 'button[data-testid="like"]', attribute: 'aria-label' },
    });
    expect(valueSourceWords(tweet.sources!.postedAtIso!)).toBe('the datetime attribute of time');

    const mobileUrl = 'https://m.facebook.com/groups/northwickparents/';
    const mobile = loadFixture('facebook-mobile', mobileUrl);
    expect(
      extractPostDetails(mobile, mobileUrl, mobile.querySelector('article[data-ft] p')).sources?.postedAtIso,
    ).toEqual({
      kind: 'metadata',
      element: 'article',
      part: 'data-ft: page_insights.*.post_context.publish_time',
    });

    const shellUrl = 'https://www.instagram.com/p/C7abcDEF123/';
    const shell = extractPostDetails(loadFixture('instagram-shell', shellUrl), shellUrl);
    expect(shell.sources?.authorName).toMatchObject({
      kind: 'metadata',
      element: 'meta[property="og:title"]',
      attribute: 'content',
    });
    expect(valueSourceWords(shell.sources!.authorName!)).toBe(
      'the page’s metadata, meta[property="og:title"] content (the name before “on Instagram”)',
    );

    const feedUrl = 'https://www.tiktok.com/@kidswatch99/video/7370000000000000001';
    const feed = loadFixture('tiktok-feed', feedUrl);
    const video = extractPostDetails(feed, feedUrl, feed.querySelector('[data-e2e="video-desc"] span'));
    expect(video.sources?.permalink).toEqual({ kind: 'address' });
    expect(video.sources?.postedAtIso).toEqual({
      kind: 'metadata',
      element: 'script#__UNIVERSAL_DATA_FOR_REHYDRATION__',
      part: '__DEFAULT_SCOPE__["webapp.video-detail"].itemInfo.itemStruct.createTime',
    });
    expect(video.sources?.authorHandle?.part).toBe('the name after /@');
  });

  it('labels a time derived from an X status id as derived, and takes the page’s own time first', () => {
    const url = 'https://x.com/northwickparent/status/2061896926483309120';
    const doc = loadFixture('x-article', url);
    doc.querySelector('time')!.removeAttribute('datetime');
    const details = extractPostDetails(doc, url, doc.querySelector('[data-text="true"]'));
    // The id's own milliseconds: the page's datetime (…:10.000Z) drops them.
    expect(details.postedAtIso).toBe('2026-06-02T19:45:10.123Z');
    expect(details.postedAtText).toBe('8:45 PM · Jun 2, 2026');
    const source = details.sources!.postedAtIso!;
    expect(source.kind).toBe('post-id');
    expect(isDerived(source)).toBe(true);
    expect(valueSourceWords(source)).toMatch(/^derived, not shown on the page: X status ids carry the time/);
    expect(isDerived(details.sources!.postedAtText!)).toBe(false);
  });

  it('refuses a source it does not know when read back', () => {
    const details = { platform: 'x', missing: [], sources: { text: { kind: 'guessed' } } };
    expect(PostDetailsSchema.safeParse(details).success).toBe(false);
  });
});
