import { describe, expect, it } from 'vitest';
import { extractPostDetails, extractorFor } from '@/lib/extract';
import { deepQueryAll } from '@/lib/extract/dom';
import { SELECTORS as FACEBOOK } from '@/lib/extract/platforms/facebook';
import { SELECTORS as INSTAGRAM } from '@/lib/extract/platforms/instagram';
import { SELECTORS as LINKEDIN } from '@/lib/extract/platforms/linkedin';
import { SELECTORS as BLUESKY } from '@/lib/extract/platforms/bluesky';
import { SELECTORS as THREADS } from '@/lib/extract/platforms/threads';
import { SELECTORS as REDDIT } from '@/lib/extract/platforms/reddit';
import { SELECTORS as TIKTOK } from '@/lib/extract/platforms/tiktok';
import { SELECTORS as X } from '@/lib/extract/platforms/x';
import { SELECTORS as WHATSAPP } from '@/lib/extract/platforms/whatsapp';
import { SELECTORS as YOUTUBE } from '@/lib/extract/platforms/youtube';
import { loadFixture, valuesOf } from './loadFixture';

// Each platform's selectors beside the fixture they must match and how many posts they must find.
const CASES = [
  {
    name: 'x',
    selectors: X,
    fixtures: [
      ['x', 'https://x.com/home', 2],
      ['x-article', 'https://x.com/northwickparent/status/2061896926483309120', 1],
    ],
  },
  {
    name: 'facebook',
    selectors: FACEBOOK,
    fixtures: [
      // The post and the comment nested in it.
      ['facebook', 'https://www.facebook.com/jamie.parent.77/posts/pfbid0InventedPostId123', 2],
      ['facebook-mobile', 'https://m.facebook.com/groups/northwickparents/', 2],
    ],
  },
  {
    name: 'instagram',
    selectors: INSTAGRAM,
    fixtures: [
      ['instagram', 'https://www.instagram.com/p/C7abcDEF123/', 1],
      ['instagram-post', 'https://www.instagram.com/p/DInvent0001/', 1],
    ],
  },
  {
    name: 'tiktok',
    selectors: TIKTOK,
    fixtures: [
      // The video and a comment on it.
      ['tiktok', 'https://www.tiktok.com/@kidswatch99/video/7370000000000000000', 2],
      // The 2025 layout: this video's article, a comment, and the next one's, in the detail container.
      ['tiktok-feed', 'https://www.tiktok.com/@kidswatch99/video/7370000000000000001', 4],
    ],
  },
  {
    name: 'youtube',
    selectors: YOUTUBE,
    fixtures: [
      ['youtube', 'https://www.youtube.com/watch?v=abc123XYZ', 1],
      // The video and its comment.
      ['youtube-watch', 'https://www.youtube.com/watch?v=abc123XYZ', 2],
    ],
  },
  {
    name: 'reddit',
    selectors: REDDIT,
    fixtures: [
      ['reddit', 'https://www.reddit.com/r/unitedkingdom/comments/1abcde/northwick_park_primary/', 1],
      // The post and the comment nested in it.
      ['reddit-old', 'https://old.reddit.com/r/unitedkingdom/comments/1abcde/mrs_y_at_northwick_park/', 2],
      // The redesign's post container and two comments.
      ['reddit-redesign', 'https://www.reddit.com/r/unitedkingdom/comments/1abcdf/northwick_park_again/', 3],
    ],
  },
  { name: 'whatsapp', selectors: WHATSAPP, fixtures: [['whatsapp', 'https://web.whatsapp.com/', 2]] },
  {
    name: 'bluesky',
    selectors: BLUESKY,
    fixtures: [['bluesky', 'https://bsky.app/profile/northwickparent.bsky.social/post/3lnvcxqwerty2', 2]],
  },
  {
    name: 'threads',
    selectors: THREADS,
    fixtures: [['threads', 'https://www.threads.com/@northwick.parent/post/DInvEnTcOdE1', 2]],
  },
  {
    name: 'linkedin',
    selectors: LINKEDIN,
    // The post and its comment.
    fixtures: [
      [
        'linkedin',
        'https://www.linkedin.com/posts/pat-parent-1a2b3c_northwick-park-activity-7467839993675776123-Xy9z',
        2,
      ],
    ],
  },
] as const;

describe.each(CASES)('$name selectors', ({ name, selectors, fixtures }) => {
  it('find the posts in each fixture, and every selector matches in one of them', () => {
    const docs = fixtures.map(([file, url, posts]) => {
      const doc = loadFixture(file, url);
      expect(extractorFor(url).platform).toBe(name);
      expect(deepQueryAll(doc, selectors.post)).toHaveLength(posts);
      return doc;
    });
    for (const [key, selector] of Object.entries(selectors))
      expect(
        docs.some((doc) => deepQueryAll(doc, selector).length > 0),
        `${name}.${key}`,
      ).toBe(true);
  });
});

describe('post details', () => {
  it('X: author, handle, permalink, time, text and counts of the picked post', () => {
    const doc = loadFixture('x', 'https://x.com/home');
    expect(
      valuesOf(extractPostDetails(doc, 'https://x.com/home', doc.querySelector('[data-testid="tweetText"]'))),
    ).toEqual({
      platform: 'x',
      authorName: 'Angry Parent',
      authorHandle: '@angryparent42',
      authorProfileUrl: 'https://x.com/angryparent42',
      permalink: 'https://x.com/angryparent42/status/1790000000000000001',
      postedAtText: 'May 31',
      postedAtIso: '2026-05-31T18:02:11.000Z',
      text: "Northwick Park's head is a disgrace <script>alert(1)</script> #NorthwickPark",
      comments: '12',
      shares: '3',
      likes: '1.2K',
      missing: [],
      foundBy: 'picked',
    });
  });

  // Playwright's e2e tests see real boxes; here the page's layout is given.
  const placePosts = (doc: Document, tops: number[]) =>
    doc.querySelectorAll('article').forEach((post, i) => {
      post.getBoundingClientRect = () => ({ top: tops[i]!, bottom: tops[i]! + 300, height: 300 }) as DOMRect;
    });

  it('several posts and none picked: no post’s details are taken, rather than the first one’s', () => {
    const doc = loadFixture('x', 'https://x.com/home');
    placePosts(doc, [100, 450]);
    const details = extractPostDetails(doc, 'https://x.com/home');
    expect(details).toMatchObject({
      platform: 'x',
      foundBy: 'unclear',
      authorName: null,
      authorHandle: null,
      text: null,
    });
    expect(details.missing).toHaveLength(10);
  });

  it('the only post in view, when the others are scrolled away', () => {
    const doc = loadFixture('x', 'https://x.com/home');
    placePosts(doc, [-900, 200]);
    expect(extractPostDetails(doc, 'https://x.com/home')).toMatchObject({
      authorHandle: '@someoneelse',
      foundBy: 'only-in-view',
    });
  });

  it('a picked element holding posts: the one it holds, or none when it holds several', () => {
    const doc = loadFixture('x', 'https://x.com/home');
    const [first] = doc.querySelectorAll('article');
    const wrapper = doc.createElement('div');
    first!.replaceWith(wrapper);
    wrapper.append(first!);
    expect(extractPostDetails(doc, 'https://x.com/home', wrapper)).toMatchObject({
      authorHandle: '@angryparent42',
      foundBy: 'picked',
    });
    expect(extractPostDetails(doc, 'https://x.com/home', doc.body)).toMatchObject({
      authorHandle: null,
      foundBy: 'unclear',
    });
  });

  it('the post holding the selected text', () => {
    const doc = loadFixture('x', 'https://x.com/home');
    placePosts(doc, [100, 450]);
    const selection = doc.defaultView!.getSelection()!;
    selection.selectAllChildren(doc.querySelectorAll('[data-testid="tweetText"]')[1]!);
    expect(extractPostDetails(doc, 'https://x.com/home')).toMatchObject({
      authorHandle: '@someoneelse',
      foundBy: 'selection',
    });
  });

  it('X: the post under the clicked element, not the first one', () => {
    const doc = loadFixture('x', 'https://x.com/home');
    const second = doc.querySelectorAll('[data-testid="tweetText"]')[1]!;
    const details = extractPostDetails(doc, 'https://x.com/home', second);
    expect(details).toMatchObject({ authorHandle: '@someoneelse', text: 'Lovely sports day!' });
    expect(details.missing).toEqual(['likes', 'comments', 'shares']);
    expect(details.likes).toBeNull();
  });

  it('X long-form article: its body as the text, its author not the viewer signed in', () => {
    const url = 'https://x.com/northwickparent/status/2061896926483309120';
    const doc = loadFixture('x-article', url);
    const details = extractPostDetails(doc, url, doc.querySelector('[data-text="true"]'));
    expect(valuesOf(details)).toEqual({
      platform: 'x',
      authorName: 'Northwick Parent',
      authorHandle: '@northwickparent',
      authorProfileUrl: 'https://x.com/northwickparent',
      permalink: url,
      postedAtText: '8:45 PM · Jun 2, 2026',
      postedAtIso: '2026-06-02T19:45:10.000Z',
      text: expect.stringMatching(/^Three parents have now told me .* <img src=x onerror=alert\(1\)>$/s),
      comments: '14',
      shares: '6',
      likes: '51',
      missing: [],
      foundBy: 'picked',
    });
    expect(details.sources?.text).toEqual({ kind: 'text', element: 'div[data-testid="twitterArticleRichTextView"]' });
  });

  it('Facebook (desktop, 2025): the post picked, without its tracking, and never a value of its comment', () => {
    const url = 'https://www.facebook.com/jamie.parent.77/posts/pfbid0InventedPostId123';
    const doc = loadFixture('facebook', url);
    expect(
      valuesOf(extractPostDetails(doc, url, doc.querySelector('[data-ad-rendering-role="story_message"] span'))),
    ).toEqual({
      platform: 'facebook',
      authorName: 'Jamie Parent',
      authorHandle: 'jamie.parent.77',
      authorProfileUrl: 'https://www.facebook.com/jamie.parent.77',
      permalink: 'https://www.facebook.com/jamie.parent.77/posts/pfbid0InventedPostId123',
      postedAtText: '30 May at 21:14',
      postedAtIso: null,
      text: 'Mrs Y in Year 4 shouted at my son. She should be sacked. Everyone share this.',
      likes: '27',
      comments: '14',
      shares: '5',
      missing: ['postedAtIso'],
      foundBy: 'picked',
    });
    // The comment picked: its own author, link and time as shown, never the post's.
    expect(extractPostDetails(doc, url, doc.querySelector('[aria-label^="Comment by"] div[dir="auto"]'))).toMatchObject(
      {
        authorName: 'Sam Other',
        authorHandle: 'sam.other.5',
        authorProfileUrl: 'https://www.facebook.com/sam.other.5',
        permalink:
          'https://www.facebook.com/jamie.parent.77/posts/pfbid0InventedPostId123?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D',
        postedAtText: '1w',
        postedAtIso: null,
        text: 'Agreed, posted this in the class group too',
        foundBy: 'picked',
      },
    );
  });

  it('Facebook (mobile, 2021): the group post picked, its exact time from its own data-ft, not the shared link', () => {
    const url = 'https://m.facebook.com/groups/northwickparents/';
    const doc = loadFixture('facebook-mobile', url);
    expect(extractPostDetails(doc, url, doc.querySelector('article p'))).toMatchObject({
      authorName: 'Jamie Parent',
      authorHandle: 'jamie.parent.77',
      authorProfileUrl: 'https://m.facebook.com/jamie.parent.77',
      permalink: 'https://m.facebook.com/groups/northwickparents/permalink/5550001/',
      postedAtText: '31 May at 18:14',
      postedAtIso: '2026-05-31T17:14:00.000Z',
      text: 'Has anyone else seen what Mrs Y did at pick-up? Someone should report her.',
      foundBy: 'picked',
    });
  });

  it('Instagram', () => {
    const url = 'https://www.instagram.com/p/C7abcDEF123/';
    expect(extractPostDetails(loadFixture('instagram', url), url)).toMatchObject({
      platform: 'instagram',
      authorName: 'northwick.gossip',
      authorHandle: '@northwick.gossip',
      authorProfileUrl: 'https://www.instagram.com/northwick.gossip/',
      permalink: 'https://www.instagram.com/p/C7abcDEF123/',
      postedAtText: '3 days ago',
      postedAtIso: '2026-05-29T10:11:12.000Z',
      text: 'Look who teaches at Northwick Park 😡',
      likes: '2,031',
      comments: '88',
      missing: ['shares'],
    });
  });

  it('Instagram (2026 post page): the caption beside the author’s name, the post’s time — not the edit’s, nor a comment’s', () => {
    const url = 'https://www.instagram.com/p/DInvent0001/';
    const doc = loadFixture('instagram-post', url);
    const details = extractPostDetails(doc, url, doc.querySelector('img[alt^="Photo by"]'));
    expect(valuesOf(details)).toMatchObject({
      authorName: 'northwick.gossip',
      authorHandle: '@northwick.gossip',
      authorProfileUrl: 'https://www.instagram.com/northwick.gossip/',
      permalink: 'https://www.instagram.com/northwick.gossip/p/DInvent0001/',
      postedAtText: 'June 1, 2026',
      postedAtIso: '2026-06-01T08:15:00.000Z',
      text: 'Ask Northwick Park why the Year 6 trip was cancelled #northwickpark',
      foundBy: 'picked',
    });
    expect(details.sources?.text).toEqual({
      kind: 'text',
      element: 'span',
      part: 'the caption beside the author’s name',
    });
  });

  it('Instagram, a logged-out shell: who and when from the page’s own metadata, only when it is the post’s', () => {
    const url = 'https://www.instagram.com/p/C7abcDEF123/';
    expect(extractPostDetails(loadFixture('instagram-shell', url), url)).toMatchObject({
      authorName: 'Northwick Gossip 🍴',
      authorHandle: '@northwick.gossip',
      authorProfileUrl: 'https://www.instagram.com/northwick.gossip/',
      permalink: 'https://www.instagram.com/p/C7abcDEF123/',
      postedAtText: 'May 29, 2026',
      postedAtIso: null,
      foundBy: 'whole-page',
    });
    // Metadata naming a profile, not a post (left over from the page's own navigation): not used.
    const doc = loadFixture('instagram-shell', url);
    doc.querySelector('meta[property="og:url"]')?.setAttribute('content', 'https://www.instagram.com/someone.else/');
    expect(extractPostDetails(doc, url)).toMatchObject({ authorName: null, authorHandle: null, permalink: null });
  });

  it('old reddit: the post picked (not the read-next box), and a comment its own values', () => {
    const url = 'https://old.reddit.com/r/unitedkingdom/comments/1abcde/mrs_y_at_northwick_park/';
    const doc = loadFixture('reddit-old', url);
    expect(extractPostDetails(doc, url, doc.querySelector('.thing a.title'))).toMatchObject({
      authorHandle: 'u/northwick_dad',
      authorProfileUrl: 'https://old.reddit.com/user/northwick_dad',
      permalink: url,
      postedAtText: '3 hours ago',
      postedAtIso: '2026-05-31T04:00:00+00:00',
      text: 'Mrs Y at Northwick Park shouted at my son',
      comments: '12',
      likes: '57',
      foundBy: 'picked',
    });
    expect(extractPostDetails(doc, url, doc.querySelector('.usertext-body p'))).toMatchObject({
      authorHandle: 'u/sam_other',
      permalink: `${url}c0ffee/`,
      postedAtText: '2 hours ago',
      postedAtIso: '2026-05-31T05:00:00+00:00',
      text: 'Same thing happened to my daughter.',
    });
  });

  it('TikTok (2025): the picked video’s author from its avatar link, never the next video’s', () => {
    const url = 'https://www.tiktok.com/@kidswatch99/video/7370000000000000001';
    const doc = loadFixture('tiktok-feed', url);
    expect(extractPostDetails(doc, url, doc.querySelector('[data-e2e="video-desc"] span'))).toMatchObject({
      authorHandle: '@kidswatch99',
      authorProfileUrl: 'https://www.tiktok.com/@kidswatch99',
      text: 'Pick-up at Northwick Park again #school',
      likes: '1,204',
      permalink: url,
      // From the page's data for this video; no date is shown.
      postedAtIso: '2026-06-01T14:00:00.000Z',
      foundBy: 'picked',
    });
    // The next video, someone else's: not the page's address, nor the page's video's time.
    expect(extractPostDetails(doc, url, doc.querySelectorAll('[data-e2e="video-desc"] span')[1])).toMatchObject({
      authorHandle: '@someone.else',
      permalink: null,
      postedAtIso: null,
    });
  });

  it('YouTube (2018 watch page): the video picked gives its channel, date and address, its comment its own', () => {
    const url = 'https://www.youtube.com/watch?v=abc123XYZ&t=42s';
    const doc = loadFixture('youtube-watch', url);
    expect(extractPostDetails(doc, url, doc.querySelector('h1.title'))).toMatchObject({
      authorName: 'Kids Watch Northwick',
      authorProfileUrl: 'https://www.youtube.com/channel/UCinventedChannel0001',
      permalink: 'https://www.youtube.com/watch?v=abc123XYZ',
      postedAtText: 'Published on May 30, 2026',
      foundBy: 'picked',
    });
    // Saved before its heading was filled: the title the player shows for this video, not the next one's.
    const heading = doc.querySelector('h1.title')!;
    heading.textContent = '';
    expect(extractPostDetails(doc, url, heading)).toMatchObject({
      text: 'Northwick Park gates at pick-up',
      sources: { text: { kind: 'text', element: 'a.ytp-title-link' } },
    });
    doc.querySelector('.ytp-title-text a')!.remove();
    expect(extractPostDetails(doc, url, heading).text).toBeNull();
    expect(extractPostDetails(doc, url, doc.querySelector('#content-text'))).toMatchObject({
      authorHandle: 'Sam Other',
      permalink: 'https://www.youtube.com/watch?v=abc123XYZ&lc=UgxInvented',
      postedAtText: '2 days ago',
      text: 'She was shouting again today',
    });
  });

  it('WhatsApp Web: the message picked, its sender and time as its own data-pre-plain-text says', () => {
    const url = 'https://web.whatsapp.com/';
    const doc = loadFixture('whatsapp', url);
    const second = doc.querySelectorAll('.selectable-text span')[1];
    expect(valuesOf(extractPostDetails(doc, url, second))).toEqual({
      platform: 'whatsapp',
      // In a group, a sender not in the viewer's contacts is named by number there.
      authorName: '+44 7700 900002',
      authorHandle: null,
      authorProfileUrl: null,
      permalink: null,
      postedAtText: '21:16',
      postedAtIso: null,
      text: 'Someone should post her name',
      likes: null,
      comments: null,
      shares: null,
      missing: ['authorHandle', 'authorProfileUrl', 'permalink', 'postedAtIso', 'likes', 'comments', 'shares'],
      foundBy: 'picked',
    });
  });

  it('LinkedIn: the post picked, its time from the page’s JSON-LD; its comment its own, the time its id carries', () => {
    const url = 'https://www.linkedin.com/posts/pat-parent-1a2b3c_northwick-park-activity-7467839993675776123-Xy9z';
    const doc = loadFixture('linkedin', url);
    const post = extractPostDetails(
      doc,
      url,
      doc.querySelector('[data-test-id="main-feed-activity-card__commentary"]'),
    );
    expect(valuesOf(post)).toEqual({
      platform: 'linkedin',
      authorName: 'Pat Parent',
      authorHandle: 'pat-parent-1a2b3c',
      authorProfileUrl: 'https://uk.linkedin.com/in/pat-parent-1a2b3c',
      permalink: url,
      postedAtText: '4d',
      postedAtIso: '2026-06-03T07:30:00.212Z',
      text: 'Northwick Park has let our children down. Ask the head why <b>nobody</b> answers.',
      likes: '214',
      comments: '31',
      shares: null,
      missing: ['shares'],
      foundBy: 'picked',
    });
    expect(post.sources?.postedAtIso).toMatchObject({
      kind: 'metadata',
      part: 'JSON-LD SocialMediaPosting.datePublished',
    });
    const comment = extractPostDetails(doc, url, doc.querySelector('.comment__text'));
    expect(valuesOf(comment)).toMatchObject({
      authorName: 'Sam Other',
      authorHandle: 'sam-other-9z8y7x',
      authorProfileUrl: 'https://uk.linkedin.com/in/sam-other-9z8y7x',
      permalink: null,
      postedAtText: '4d',
      postedAtIso: '2026-06-03T09:05:10.500Z',
      text: 'Completely agree, and the Year 4 teacher too',
    });
    expect(comment.sources?.postedAtIso?.kind).toBe('post-id');
    // Without the page's JSON-LD the post's own id gives its time, labelled derived.
    doc.querySelector('script[type="application/ld+json"]')!.remove();
    const bare = extractPostDetails(
      doc,
      url,
      doc.querySelector('[data-test-id="main-feed-activity-card__commentary"]'),
    );
    expect(bare.postedAtIso).toBe('2026-06-03T07:30:00.250Z');
    expect(bare.sources?.postedAtIso?.kind).toBe('post-id');
  });

  it('Bluesky: the thread’s post picked (its address the page’s), never its quoted post’s; a reply its own', () => {
    const url = 'https://bsky.app/profile/northwickparent.bsky.social/post/3lnvcxqwerty2';
    const doc = loadFixture('bluesky', url);
    const post = extractPostDetails(doc, url, doc.querySelector('[data-testid="postText"]'));
    expect(valuesOf(post)).toEqual({
      platform: 'bluesky',
      authorName: 'Northwick Parent',
      authorHandle: '@northwickparent.bsky.social',
      authorProfileUrl: 'https://bsky.app/profile/northwickparent.bsky.social',
      permalink: url,
      postedAtText: null,
      postedAtIso: null,
      text: 'Ask Northwick Park why Mrs Y is still teaching <b>Year 3</b>',
      likes: '17 likes',
      comments: null,
      shares: '4 reposts',
      missing: ['postedAtText', 'postedAtIso', 'comments'],
      foundBy: 'picked',
    });
    expect(post.sources?.permalink).toEqual({ kind: 'address' });
    const reply = extractPostDetails(doc, url, doc.querySelectorAll('[data-testid="postText"]')[2]);
    expect(valuesOf(reply)).toMatchObject({
      authorName: 'Sam Other',
      authorHandle: '@sam.other.bsky.social',
      permalink: 'https://bsky.app/profile/sam.other.bsky.social/post/3lnvdzzzzzz22',
      postedAtText: '3 June 2026 at 20:15',
      text: 'Everyone knows. Name her.',
      likes: '2',
    });
  });

  it('Threads: the post picked gives its author, address and time; its text is left for staff', () => {
    const url = 'https://www.threads.com/@northwick.parent/post/DInvEnTcOdE1';
    const doc = loadFixture('threads', url);
    const reply = extractPostDetails(doc, url, doc.querySelectorAll('.x1a6qonq span span')[1]);
    expect(valuesOf(reply)).toMatchObject({
      platform: 'threads',
      authorHandle: '@sam.other',
      authorProfileUrl: 'https://www.threads.com/@sam.other',
      permalink: 'https://www.threads.com/@sam.other/post/DInvEnTcOdE2',
      postedAtText: '5d',
      postedAtIso: '2026-06-02T18:05:00.000Z',
      text: null,
      foundBy: 'picked',
    });
  });

  it('Reddit’s redesign: the post picked, and a comment its own author and address', () => {
    const url = 'https://www.reddit.com/r/unitedkingdom/comments/1abcdf/northwick_park_again/';
    const doc = loadFixture('reddit-redesign', url);
    expect(valuesOf(extractPostDetails(doc, url, doc.querySelector('[data-click-id="text"] p')))).toMatchObject({
      authorName: 'northwick_dad',
      authorHandle: 'u/northwick_dad',
      authorProfileUrl: 'https://www.reddit.com/user/northwick_dad/',
      permalink: url,
      postedAtText: '5 hr. ago',
      text: 'Northwick Park again\n\nThe head will not answer any of us.',
    });
    const comment = extractPostDetails(doc, url, doc.querySelector('.t1_kinvent1 [data-testid="comment"] p'));
    expect(valuesOf(comment)).toMatchObject({
      authorName: 'sam_other',
      authorHandle: 'u/sam_other',
      permalink: `${url}kinvent1/`,
      postedAtText: '4 hr. ago',
      text: 'Name the teacher <script>alert(1)</script>',
    });
    expect(comment.sources?.authorHandle).toMatchObject({
      kind: 'attribute',
      attribute: 'href',
      part: 'the name after /user/',
    });
  });

  it('TikTok: a comment picked gives its own author, text and shown time, never the video’s (2022 and 2025)', () => {
    const url = 'https://www.tiktok.com/@kidswatch99/video/7370000000000000000';
    const doc = loadFixture('tiktok', url);
    expect(valuesOf(extractPostDetails(doc, url, doc.querySelector('[data-e2e="comment-level-1"] span')))).toEqual({
      platform: 'tiktok',
      authorName: 'Sam Other',
      authorHandle: '@sam.other',
      authorProfileUrl: 'https://www.tiktok.com/@sam.other',
      permalink: null,
      postedAtText: '1d ago',
      postedAtIso: null,
      text: 'Which teacher is it?',
      likes: null,
      comments: null,
      shares: null,
      missing: ['permalink', 'postedAtIso', 'likes', 'comments', 'shares'],
      foundBy: 'picked',
    });
    // The video picked still gives the video's own values, none of its comment's.
    expect(extractPostDetails(doc, url, doc.querySelector('[data-e2e="browse-video-desc"] span'))).toMatchObject({
      authorHandle: '@kidswatch99',
      text: 'Filmed outside Northwick Park gates at pick-up #school',
    });
    const feedUrl = 'https://www.tiktok.com/@kidswatch99/video/7370000000000000001';
    const feed = loadFixture('tiktok-feed', feedUrl);
    const comment = extractPostDetails(feed, feedUrl, feed.querySelector('[data-e2e="comment-level-1"] span'));
    expect(valuesOf(comment)).toMatchObject({
      authorName: 'Local Mum',
      authorHandle: '@local.mum',
      postedAtText: '5-26',
      text: 'Saw this too at drop-off',
      permalink: null,
      postedAtIso: null,
    });
    expect(comment.sources?.postedAtText).toEqual({ kind: 'text', element: 'span', part: 'beside its Reply' });
  });

  it('TikTok', () => {
    const url = 'https://www.tiktok.com/@kidswatch99/video/7370000000000000000';
    const doc = loadFixture('tiktok', url);
    expect(extractPostDetails(doc, url, doc.querySelector('[data-e2e="browse-video-desc"] span'))).toMatchObject({
      authorName: 'Kids Watch',
      authorHandle: '@kidswatch99',
      authorProfileUrl: 'https://www.tiktok.com/@kidswatch99',
      permalink: url,
      postedAtText: '5-28',
      postedAtIso: '2026-05-30T16:00:00.000Z',
      likes: '45.3K',
      comments: '812',
      shares: '1,020',
      missing: [],
    });
  });

  it('YouTube comment', () => {
    const url = 'https://www.youtube.com/watch?v=abc123XYZ';
    expect(extractPostDetails(loadFixture('youtube', url), url)).toMatchObject({
      authorHandle: '@dadofthree',
      authorProfileUrl: 'https://www.youtube.com/@dadofthree',
      permalink: 'https://www.youtube.com/watch?v=abc123XYZ&lc=UgxCommentId1',
      postedAtText: '2 days ago',
      text: 'The PE teacher at Northwick Park should not be around children',
      likes: '37',
      missing: ['authorName', 'postedAtIso', 'comments', 'shares'],
    });
  });

  it('Reddit', () => {
    const url = 'https://www.reddit.com/r/unitedkingdom/comments/1abcde/northwick_park_primary/';
    expect(extractPostDetails(loadFixture('reddit', url), url)).toMatchObject({
      authorHandle: 'u/throwaway_parent',
      authorProfileUrl: 'https://www.reddit.com/user/throwaway_parent/',
      permalink: url,
      postedAtText: '4 days ago',
      postedAtIso: '2026-05-27T20:15:00.000000+0000',
      text: "Northwick Park Primary covering up bullying?\n\nMy daughter's teacher, Mr K, is hiding what happens at break.",
      likes: '154',
      comments: '61',
    });
  });
});

describe('generic extractor', () => {
  it('prefers schema.org JSON-LD and fills gaps from the markup', () => {
    const url = 'https://forum.example/t/schools/991';
    expect(valuesOf(extractPostDetails(loadFixture('forum', url), url))).toEqual({
      platform: 'generic',
      authorName: 'LocalMum',
      authorHandle: null,
      authorProfileUrl: 'https://forum.example/u/localmum',
      permalink: 'https://forum.example/t/schools/991#p1',
      postedAtText: '26 May',
      postedAtIso: '2026-05-26T09:30:00+01:00',
      text: 'I hear the deputy head was sacked from her last school.',
      likes: '9',
      comments: '4',
      shares: null,
      missing: ['authorHandle', 'shares'],
      foundBy: 'only-on-page',
    });
  });

  it('reads schema.org microdata', () => {
    const url = 'https://blog.example/2026/05/new-head';
    expect(extractPostDetails(loadFixture('blog', url), url)).toMatchObject({
      authorName: 'Village Watch',
      authorProfileUrl: 'https://blog.example/about',
      postedAtIso: '2026-05-20',
      postedAtText: '20 May 2026',
      text: "Northwick Park's new head has no idea.",
    });
  });

  it('leaves every field empty and flagged when the page says nothing, never guessing', () => {
    const url = 'https://plain.example/';
    const details = extractPostDetails(loadFixture('bare', url), url);
    expect(details.platform).toBe('generic');
    expect(details.missing).toHaveLength(10);
    expect(details.foundBy).toBe('whole-page');
    const { platform: _platform, foundBy: _foundBy, ...fields } = details;
    expect(Object.values(fields).filter((v) => typeof v === 'string')).toEqual([]);
  });

  it('prefers rel=author over a wrapper merely classed "author"', () => {
    const url = 'https://forum.example/t/1';
    const doc = loadFixture('bare', url);
    doc.body.innerHTML =
      '<article><header class="author"><a rel="author" href="/u/pat">Pat</a> <a href="/t/1#p9"><time datetime="2026-02-03T04:05:06Z">3 Feb</time></a></header></article>';
    expect(extractPostDetails(doc, url)).toMatchObject({
      authorName: 'Pat',
      permalink: 'https://forum.example/t/1#p9',
      postedAtText: '3 Feb',
    });
  });

  it('takes a marked post’s own paragraphs as its text: not its header or footer, nor a nested reply', () => {
    const url = 'https://forum.example/t/2';
    const doc = loadFixture('bare', url);
    doc.body.innerHTML = `<p>Site notice</p><article><header><a rel="author" href="/u/sam">Sam</a><p>Member since 2019</p></header>
      <p>First line of the post.</p><p>Second <b>line</b>.</p>
      <footer><p>Reply · Report</p></footer><article><p>A reply by someone else.</p></article></article>`;
    expect(extractPostDetails(doc, url, doc.querySelector('article'))).toMatchObject({
      authorName: 'Sam',
      text: 'First line of the post.\n\nSecond line.',
    });
  });

  it('searches open shadow roots', () => {
    const url = 'https://forum.example/x';
    const doc = loadFixture('bare', url);
    const host = doc.createElement('forum-post');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<article><a rel="author" href="/u/shadowy">Shadowy</a><time datetime="2026-01-02T03:04:05Z">2 Jan</time></article>';
    doc.body.append(host);
    expect(extractPostDetails(doc, url)).toMatchObject({
      authorName: 'Shadowy',
      authorProfileUrl: 'https://forum.example/u/shadowy',
      postedAtIso: '2026-01-02T03:04:05Z',
    });
  });
});
