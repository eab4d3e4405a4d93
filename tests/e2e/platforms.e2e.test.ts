import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openTab, saveProfile, type ExtensionBrowser } from './support/chromium';
import { captureByClicking } from './support/chromiumCapture';
import { closeAll } from './support/fixtureServer';

// Issue #19: each platform added for the real pages, captured in Chromium with its post picked by a
// click. The unit tests' fixture pages (people, texts and ids invented; each names the real page it
// follows) are served at their platform's own address by Playwright's request routing, so the
// platform's extractor is the one chosen — no request leaves the machine.
const FIXTURES = new URL('../unit/extract/fixtures/', import.meta.url);

const CASES = [
  {
    name: 'WhatsApp Web: the message picked, its sender and shown time',
    fixture: 'whatsapp',
    url: 'https://web.whatsapp.com/',
    pick: ':nth-match(.selectable-text span, 2)',
    post: {
      platform: 'whatsapp',
      authorName: '+44 7700 900002',
      postedAtText: '21:16',
      text: 'Someone should post her name',
    },
    sources: { authorName: { kind: 'attribute', attribute: 'data-pre-plain-text', part: 'the name before “:”' } },
  },
  {
    name: 'LinkedIn: a comment picked gives its own author, and the time its id carries, labelled derived',
    fixture: 'linkedin',
    url: 'https://www.linkedin.com/posts/pat-parent-1a2b3c_northwick-park-activity-7467839993675776123-Xy9z',
    pick: '.comment__text',
    post: {
      platform: 'linkedin',
      authorName: 'Sam Other',
      authorHandle: 'sam-other-9z8y7x',
      authorProfileUrl: 'https://uk.linkedin.com/in/sam-other-9z8y7x',
      postedAtIso: '2026-06-03T09:05:10.500Z',
      text: 'Completely agree, and the Year 4 teacher too',
    },
    sources: { postedAtIso: { kind: 'post-id' } },
  },
  {
    name: 'Bluesky: a reply picked gives its own author, address and shown time',
    fixture: 'bluesky',
    url: 'https://bsky.app/profile/northwickparent.bsky.social/post/3lnvcxqwerty2',
    pick: 'div[data-testid="postThreadItem-by-sam.other.bsky.social"] [data-testid="postText"]',
    post: {
      platform: 'bluesky',
      authorHandle: '@sam.other.bsky.social',
      permalink: 'https://bsky.app/profile/sam.other.bsky.social/post/3lnvdzzzzzz22',
      postedAtText: '3 June 2026 at 20:15',
      text: 'Everyone knows. Name her.',
    },
    sources: { authorHandle: { kind: 'attribute', attribute: 'data-testid', part: 'the handle it names' } },
  },
  {
    name: 'Threads: the post picked gives its author, address and time',
    fixture: 'threads',
    url: 'https://www.threads.com/@northwick.parent/post/DInvEnTcOdE1',
    pick: ':nth-match(.x1a6qonq span span, 1)',
    post: {
      platform: 'threads',
      authorHandle: '@northwick.parent',
      permalink: 'https://www.threads.com/@northwick.parent/post/DInvEnTcOdE1',
      postedAtIso: '2026-06-02T17:40:00.000Z',
    },
    sources: { postedAtIso: { kind: 'attribute', attribute: 'datetime', element: 'time' } },
  },
  {
    name: 'X long-form article: its body, its author (not the viewer signed in)',
    fixture: 'x-article',
    url: 'https://x.com/northwickparent/status/2061896926483309120',
    pick: '[data-text="true"]',
    post: {
      platform: 'x',
      authorHandle: '@northwickparent',
      postedAtIso: '2026-06-02T19:45:10.000Z',
      text: 'Three parents have now told me the same story about the Year 5 residential.\nNobody from the office will answer an email <img src=x onerror=alert(1)>',
    },
    sources: { text: { kind: 'text', element: 'div[data-testid="twitterArticleRichTextView"]' } },
  },
  {
    name: 'Instagram (2026 post page): the caption beside the author’s name and the post’s own time',
    fixture: 'instagram-post',
    url: 'https://www.instagram.com/p/DInvent0001/',
    pick: 'span:text("Ask Northwick Park")',
    post: {
      platform: 'instagram',
      authorHandle: '@northwick.gossip',
      postedAtIso: '2026-06-01T08:15:00.000Z',
      text: 'Ask Northwick Park why the Year 6 trip was cancelled #northwickpark',
    },
    sources: { postedAtIso: { kind: 'attribute', attribute: 'datetime', element: 'time' } },
  },
  {
    name: 'phpBB: the reply picked, not the topic’s first post',
    fixture: 'phpbb',
    url: 'https://forum.example.org/viewtopic.php?t=77',
    pick: ':nth-match(.content, 2)',
    post: {
      platform: 'generic',
      authorName: 'angry_dad_77',
      permalink: 'https://forum.example.org/viewtopic.php?p=902#p902',
      postedAtText: '31.05.2026, 07:45',
    },
    sources: { postedAtText: { kind: 'text', element: 'p.author', part: 'after its »' } },
  },
  {
    name: 'Disqus: a nested reply picked gives its own author and address',
    fixture: 'disqus',
    url: 'https://disqus.com/embed/comments/?base=default&t_u=https%3A%2F%2Fnews.example%2Farticles%2Fnorthwick-park-ofsted%2F',
    pick: '#post-5000000002 .post-message p',
    post: {
      platform: 'generic',
      authorName: 'Sam Other',
      authorHandle: 'sam_other',
      permalink: 'https://news.example/articles/northwick-park-ofsted/#comment-5000000002',
    },
    sources: { authorHandle: { kind: 'attribute', attribute: 'data-username' } },
  },
  {
    name: 'Discourse: the reply picked, its time from its own milliseconds',
    fixture: 'discourse',
    url: 'https://community.example.org/t/northwick-park-trip-letter/77',
    pick: ':nth-match(.cooked p, 2)',
    post: { platform: 'generic', authorName: 'angry_pat', postedAtIso: '2026-05-31T07:15:00.000Z' },
    sources: { postedAtIso: { kind: 'attribute', attribute: 'data-time' } },
  },
  {
    name: 'TikTok: a comment picked gives its own author, never the video’s',
    fixture: 'tiktok',
    url: 'https://www.tiktok.com/@kidswatch99/video/7370000000000000000',
    pick: '[data-e2e="comment-level-1"] span',
    post: { platform: 'tiktok', authorHandle: '@sam.other', text: 'Which teacher is it?', postedAtText: '1d ago' },
    sources: { authorName: { kind: 'text', element: 'span[data-e2e="comment-username-1"]' } },
  },
  {
    name: 'XenForo: the post picked, its machine-readable time',
    fixture: 'xenforo',
    url: 'https://forum.example.org/threads/northwick-park-again.123/',
    pick: ':nth-match(.bbWrapper, 2)',
    post: { platform: 'generic', authorName: 'Pat Angry', postedAtIso: '2026-05-31T07:15:00+0100' },
    sources: { postedAtIso: { kind: 'attribute', attribute: 'datetime' } },
  },
] as const;

let browser: ExtensionBrowser;
const requested: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  await saveProfile(browser);
  // Anything else these pages asked for would leave the machine: refused, and seen below. (Routes
  // added later are tried first, so this one goes first.)
  await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
    requested.push(`refused ${route.request().url()}`);
    await route.abort();
  });
  for (const { fixture, url } of CASES) {
    const page = new URL(url);
    await browser.context.route(`${page.origin}${page.pathname}*`, async (route) => {
      requested.push(route.request().url());
      await route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: await readFile(new URL(`${fixture}.html`, FIXTURES)),
      });
    });
  }
});
afterAll(() => closeAll(browser));

describe('each new platform’s post picked in Chromium (issue #19)', () => {
  it.each(CASES)('$name', async ({ url, pick, post, sources }) => {
    const { page, tabId } = await openTab(browser, url);
    const { metadata } = await captureByClicking(browser, page, tabId, pick);
    expect(metadata.post).toMatchObject({ ...post, foundBy: 'picked' });
    expect(metadata.post?.sources).toMatchObject(sources);
    await page.close();
  });

  it('the dashboard says under each value where it came from, a derived one as derived', async () => {
    const dashboard = await browser.context.newPage();
    await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
    await dashboard
      .getByRole('button', { name: /^Open capture of .*LinkedIn/ })
      .first()
      .click();
    const time = dashboard.getByLabel('Posted (machine-readable)');
    await expect.poll(() => time.inputValue()).toBe('2026-06-03T09:05:10.500Z');
    const describedBy = await time.getAttribute('aria-describedby');
    expect(await dashboard.locator(`#${describedBy}`).textContent()).toMatch(
      /^Derived: not shown on the page: LinkedIn post and comment ids carry the millisecond/,
    );
    expect(await dashboard.locator('#post-authorName-source').textContent()).toBe(
      'From: the text of a[data-tracking-control-name="public_post_comment_actor-name"]',
    );
    expect(requested.filter((address) => address.startsWith('refused'))).toEqual([]);
    await dashboard.close();
  });
});
