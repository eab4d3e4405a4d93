// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { elementAtRegion, renderRegion } from '@/lib/capture/rendered';

describe('finding the picked element again by its box', () => {
  it('returns the element whose box is the region, and renders it with the page’s device pixel ratio', async () => {
    document.body.innerHTML = '<article id="post"><p id="text">Hello</p></article>';
    const post = document.getElementById('post')!;
    const box = { left: 10, top: 40, width: 300, height: 120 };
    post.getBoundingClientRect = () => ({ ...box, right: 310, bottom: 160, x: 10, y: 40, toJSON: () => box });
    document.elementFromPoint = () => document.getElementById('text');
    const region = { x: 10, y: 40, width: 300, height: 120 };
    expect(elementAtRegion(document, region)).toBe(post);

    const calls: [Element, object][] = [];
    const dataUrl = await renderRegion(document, region, async (element, options) => {
      calls.push([element, options]);
      return { toDataURL: () => 'data:image/png;base64,AAAA' } as unknown as HTMLCanvasElement;
    });
    expect(dataUrl).toBe('data:image/png;base64,AAAA');
    expect(calls[0]![0]).toBe(post);
    expect(calls[0]![1]).toMatchObject({ useCORS: false, allowTaint: false });
  });

  it('says so when the element is gone', async () => {
    document.body.innerHTML = '<p>Changed</p>';
    document.elementFromPoint = () => document.body.firstElementChild;
    await expect(
      renderRegion(document, { x: 0, y: 0, width: 5, height: 5 }, async () => Promise.reject(new Error('unreachable'))),
    ).rejects.toThrow('no longer on the page');
  });
});
