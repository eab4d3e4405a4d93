import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/capture/pageReading';

function page(html: string, url = 'https://forum.example/t/1') {
  const window = new Window({ url, width: 1024, height: 768 });
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('readPage', () => {
  it('reads URL, title, viewport, text and the post details', () => {
    const doc = page('<title>Thread</title><article><a rel="author" href="/u/pat">Pat</a><p>Hello</p></article>');
    const reading = readPage(doc);
    expect(reading).toMatchObject({
      url: 'https://forum.example/t/1',
      title: 'Thread',
      viewport: { width: 1024, height: 768 },
      post: { authorName: 'Pat' },
    });
    expect(reading.text).toContain('Hello');
  });

  it('includes text inside open shadow roots', () => {
    const doc = page('<p>Outside</p><x-post></x-post>');
    doc.querySelector('x-post')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside the shadow</p>';
    expect(readPage(doc).text).toMatch(/Outside[\s\S]*Inside the shadow/);
  });

  it('takes the picked element as the post and removes its mark', () => {
    const doc = page(
      '<article><a rel="author" href="/u/a">First</a></article><article data-exhibit-target><a rel="author" href="/u/b">Second</a></article>',
    );
    expect(readPage(doc).post.authorName).toBe('Second');
    expect(doc.querySelector('[data-exhibit-target]')).toBeNull();
  });
});
