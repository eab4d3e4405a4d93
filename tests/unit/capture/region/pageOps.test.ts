// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restorePage, scrollForSlice } from '@/lib/capture/region/pageOps';

// happy-dom lays nothing out: each element's box on the screen is given here as a function of the
// scroll position, as a browser would compute it.
let scrollY = 0;
type Layout = (scrolled: number) => { top: number; left?: number; width?: number; height?: number };

function placed(id: string, position: 'fixed' | 'sticky' | 'static', layout: Layout): HTMLElement {
  const element = document.createElement('div');
  element.id = id;
  element.style.position = position;
  element.getBoundingClientRect = () => {
    const { top, left = 0, width = 300, height = 50 } = layout(scrollY);
    return { top, left, width, height, bottom: top + height, right: left + width, x: left, y: top, toJSON: () => ({}) };
  };
  document.body.append(element);
  return element;
}

beforeEach(() => {
  scrollY = 0;
  Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
  Object.defineProperty(window, 'scrollX', { configurable: true, get: () => 0 });
  window.scrollTo = ((_x: number, y: number) => void (scrollY = y)) as typeof window.scrollTo;
  window.requestAnimationFrame = (done) => (setTimeout(() => done(0), 0), 0);
});
afterEach(() => document.body.replaceChildren());

const hidden = () =>
  [...document.querySelectorAll<HTMLElement>('body *')].filter((e) => e.style.visibility === 'hidden').map((e) => e.id);

describe('scrolling a page for the next slice', () => {
  it('hides only what stayed in place on the screen while the page moved under it, and puts it back', async () => {
    placed('header', 'sticky', () => ({ top: 0 })); // stuck at the top
    placed('chat', 'fixed', () => ({ top: 670, left: 1150 }));
    placed('sticky-post', 'sticky', (s) => ({ top: 2000 - s, height: 200 })); // further down, moving with the page
    placed('plain', 'static', () => ({ top: 0 }));
    await scrollForSlice(0, { hideStatic: false });
    expect(hidden()).toEqual([]);
    await scrollForSlice(720, { hideStatic: true });
    expect(hidden()).toEqual(['header', 'chat']);
    await scrollForSlice(1440, { hideStatic: true });
    expect(hidden()).toEqual(['header', 'chat']);
    restorePage(0, 0);
    expect(hidden()).toEqual([]);
    expect(document.querySelector('[data-exhibit-visibility]')).toBeNull();
  });

  it('hides a sticky box from the slice after the one where it stuck, not before', async () => {
    placed('section-head', 'sticky', (s) => ({ top: Math.max(0, 1000 - s) }));
    await scrollForSlice(0, { hideStatic: false });
    await scrollForSlice(720, { hideStatic: true }); // moved from 1000 to 280
    expect(hidden()).toEqual([]);
    await scrollForSlice(1440, { hideStatic: true }); // moved from 280 to 0, where it sticks
    expect(hidden()).toEqual([]);
    await scrollForSlice(2160, { hideStatic: true }); // stayed at 0
    expect(hidden()).toEqual(['section-head']);
  });

  it('never hides the element being captured, what holds it (even as it moves) or what it holds', async () => {
    const keep = { x: 100, y: 300, width: 600, height: 1500 };
    const sidebar = placed('sidebar', 'sticky', () => ({ top: 0, left: 0, width: 800, height: 5000 })); // stuck, so it moves the post with it
    const post = placed('post', 'static', (s) => ({ top: 300 - s, left: 100, width: 600, height: 1500 }));
    const postHeader = placed('post-header', 'sticky', () => ({ top: 0, left: 100, width: 600, height: 40 }));
    sidebar.append(post);
    post.append(postHeader);
    placed('banner', 'fixed', () => ({ top: 0, left: 0, width: 1280, height: 60 }));
    (globalThis as { exhibitChosenElement?: Element }).exhibitChosenElement = post;
    for (const [i, y] of [0, 720, 1440].entries()) await scrollForSlice(y, { hideStatic: i > 0, keep });
    expect(hidden()).toEqual(['banner']);
    restorePage(0, 0);
    expect((globalThis as { exhibitChosenElement?: Element }).exhibitChosenElement).toBeUndefined();
  });

  it('without the picked element at hand (a right-click in another frame), keeps what holds or is inside its box', async () => {
    const keep = { x: 100, y: 300, width: 600, height: 1500 };
    placed('frame-holder', 'sticky', (s) => ({ top: 200 - s, left: 0, width: 800, height: 2000 }));
    placed('banner', 'fixed', () => ({ top: 0, left: 0, width: 1280, height: 60 }));
    placed('inside', 'fixed', () => ({ top: 400, left: 150, width: 100, height: 100 }));
    for (const [i, y] of [0, 720].entries()) await scrollForSlice(y, { hideStatic: i > 0, keep });
    expect(hidden()).toEqual(['banner']);
  });

  it('hides nothing when the page did not move (already at the bottom)', async () => {
    placed('header', 'fixed', () => ({ top: 0 }));
    scrollY = 500;
    window.scrollTo = () => undefined;
    await scrollForSlice(720, { hideStatic: true });
    expect(hidden()).toEqual([]);
  });
});
