import { describe, expect, it } from 'vitest';
import { extractPostDetails } from '@/lib/extract';
import { loadFixture, valuesOf } from './loadFixture';

describe('forums and comment systems, through the generic extractor (issue #19)', () => {
  it('phpBB: the reply picked gives its own author, address and shown time — never the page’s JSON-LD about the first post', () => {
    const url = 'https://forum.example/viewtopic.php?t=77&sid=0a1b2c3d4e5f60718293a4b5c6d7e8f9';
    const doc = loadFixture('phpbb', url);
    const reply = extractPostDetails(doc, url, doc.querySelectorAll('.content')[1]);
    expect(valuesOf(reply)).toEqual({
      platform: 'generic',
      authorName: 'angry_dad_77',
      authorHandle: null,
      authorProfileUrl: 'https://forum.example/memberlist.php?mode=viewprofile&u=57',
      permalink: 'https://forum.example/viewtopic.php?p=902#p902',
      postedAtText: '31.05.2026, 07:45',
      postedAtIso: null,
      text: 'The Year 4 teacher should be sacked <script>alert(1)</script>',
      likes: null,
      comments: null,
      shares: null,
      missing: ['authorHandle', 'postedAtIso', 'likes', 'comments', 'shares'],
      foundBy: 'picked',
    });
    expect(reply.sources?.postedAtText).toEqual({ kind: 'text', element: 'p.author', part: 'after its »' });
    expect(reply.sources?.permalink?.part).toBe('without its session id');
    // The first post, on a page of two: the page's own description is not taken for it either.
    const first = extractPostDetails(doc, url, doc.querySelectorAll('.content')[0]);
    expect(first).toMatchObject({ authorName: 'first_poster', postedAtText: '30.05.2026, 18:00', postedAtIso: null });
  });

  it('Disqus: a reply picked gives its own values, and its parent never takes the reply’s', () => {
    const url =
      'https://disqus.com/embed/comments/?base=default&t_u=https%3A%2F%2Fnews.example%2Farticles%2Fnorthwick-park-ofsted%2F';
    const doc = loadFixture('disqus', url);
    expect(valuesOf(extractPostDetails(doc, url, doc.querySelector('#post-5000000002 .post-message p')))).toMatchObject(
      {
        authorName: 'Sam Other',
        authorHandle: 'sam_other',
        authorProfileUrl: 'https://disqus.com/by/sam_other/',
        permalink: 'https://news.example/articles/northwick-park-ofsted/#comment-5000000002',
        postedAtText: 'an hour ago',
        text: 'Name the teacher <img src=x onerror=alert(1)>',
        likes: '0',
      },
    );
    expect(valuesOf(extractPostDetails(doc, url, doc.querySelector('#post-5000000001 .post-message p')))).toMatchObject(
      {
        authorName: 'Local Mum',
        authorHandle: 'local_mum',
        permalink: 'https://news.example/articles/northwick-park-ofsted/#comment-5000000001',
        postedAtText: '3 hours ago',
        text: 'Everyone knows what goes on at that school.',
        likes: '4',
      },
    );
  });

  it('XenForo: the post picked, its author, address and machine-readable time', () => {
    const url = 'https://forum.example/threads/northwick-park-again.123/';
    const doc = loadFixture('xenforo', url);
    const details = extractPostDetails(doc, url, doc.querySelectorAll('.bbWrapper')[1]);
    expect(valuesOf(details)).toMatchObject({
      authorName: 'Pat Angry',
      authorProfileUrl: 'https://forum.example/members/pat-angry.12/',
      permalink: 'https://forum.example/threads/northwick-park-again.123/post-1002',
      postedAtText: 'Yesterday at 07:15',
      postedAtIso: '2026-05-31T07:15:00+0100',
      text: 'The head is hiding what happened.',
      foundBy: 'picked',
    });
    expect(details.sources?.authorName).toEqual({ kind: 'text', element: 'a.username' });
  });

  it('Discourse: the reply picked, its time from its own milliseconds; never the topic’s JSON-LD', () => {
    const url = 'https://community.example/t/northwick-park-trip-letter/77';
    const doc = loadFixture('discourse', url);
    const details = extractPostDetails(doc, url, doc.querySelectorAll('.cooked p')[1]);
    expect(valuesOf(details)).toMatchObject({
      authorName: 'angry_pat',
      authorProfileUrl: 'https://community.example/u/angry_pat',
      permalink: 'https://community.example/t/northwick-park-trip-letter/77/2',
      postedAtText: '4d',
      postedAtIso: '2026-05-31T07:15:00.000Z',
      text: 'The school lied about the cost <img src=x onerror=alert(1)>',
      foundBy: 'picked',
    });
    expect(details.sources?.postedAtIso).toMatchObject({
      kind: 'attribute',
      attribute: 'data-time',
      part: 'milliseconds since 1970',
    });
  });

  it('a blog post’s nested comment with no time of its own gives none, not its post’s; the post never takes the comment’s', () => {
    const url = 'https://blog.example/2026/06/northwick';
    const doc = loadFixture('bare', url);
    doc.body.innerHTML =
      '<article><p>Post text</p><section><article class="comment"><a rel="author" href="/u/c">Commenter</a><p>Reply</p></article></section></article>';
    const [post, comment] = [...doc.querySelectorAll('article')];
    expect(extractPostDetails(doc, url, comment!.querySelector('p'))).toMatchObject({
      authorName: 'Commenter',
      text: 'Reply',
    });
    expect(extractPostDetails(doc, url, post!.querySelector('p'))).toMatchObject({
      authorName: null,
      text: 'Post text',
    });
  });
});
