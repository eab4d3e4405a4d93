import { describe, expect, it } from 'vitest';
import type { ScrollablePage } from '@/lib/capture/region/captureRegion';
import { fakeTabs, form, pngOfSize, recordingImages, testWorld } from '../fixtures';

/** A page 2,000 CSS px tall in a 1000 × 700 viewport at DPR 2, remembering what was done to it. */
function tallPage(log: string[] = []): ScrollablePage {
  return {
    measure: async () => ({
      scrollX: 0,
      scrollY: 100,
      viewportWidth: 1000,
      viewportHeight: 700,
      scrollHeight: 2000,
      devicePixelRatio: 2,
    }),
    scrollTo: async (y, { hideStatic }) => (log.push(`scroll ${y}${hideStatic ? ' hide' : ''}`), { x: 0, y }),
    restore: async (x, y) => void log.push(`restore ${x},${y}`),
  };
}
const screenshot = async () => pngOfSize(2000, 1400);

describe('capture modes', () => {
  it('full page (Chrome): scrolls, stitches and records the method and exact size', async () => {
    const log: string[] = [];
    const images = recordingImages();
    const world = await testWorld({
      images,
      tabs: fakeTabs({ scrollablePage: () => tallPage(log), captureVisibleTab: screenshot }),
    });
    const { metadata } = await world.capture.captureTab(1, 'full-page', form());
    expect(metadata.mode).toBe('full-page');
    expect(metadata.artefacts[0]).toMatchObject({
      kind: 'full-page',
      fileName: 'full-page.png',
      method: 'stitched-captureVisibleTab',
      pixels: { width: 2000, height: 4000 },
    });
    expect(metadata.artefacts.map((a) => a.kind)).not.toContain('screenshot');
    expect(log).toEqual(['scroll 0', 'scroll 700 hide', 'scroll 1300 hide', 'restore 0,100']);
    expect(await world.evidence.getFile(metadata.id, 'full-page.png')).toBeDefined();
  });

  it('full page (Firefox): one tabs.captureTab per canvas-sized band, from the top, the scroll put back', async () => {
    const rects: object[] = [];
    const log: string[] = [];
    const tabs = fakeTabs({
      scrollablePage: () => ({
        ...tallPage(log),
        measure: async () => ({
          scrollX: 0,
          scrollY: 0,
          viewportWidth: 1000,
          viewportHeight: 700,
          scrollHeight: 40_000,
          devicePixelRatio: 1,
        }),
      }),
      captureTabRect: async (_tab, rect) => (rects.push(rect), pngOfSize(1000, rect.height)),
    });
    const { metadata } = await (await testWorld({ tabs })).capture.captureTab(1, 'full-page', form());
    expect(rects).toEqual([
      { x: 0, y: 0, width: 1000, height: 32_767 },
      { x: 0, y: 32_767, width: 1000, height: 40_000 - 32_767 },
    ]);
    expect(metadata.artefacts.slice(0, 2)).toMatchObject([
      { fileName: 'full-page-1.png', method: 'tabs.captureTab', part: { index: 1, of: 2 } },
      { fileName: 'full-page-2.png', method: 'tabs.captureTab', part: { index: 2, of: 2 } },
    ]);
    expect(log).toEqual(['scroll 0', 'restore 0,0']);
  });

  it('this post: crops the picked element from the context screenshot at device-pixel precision', async () => {
    const images = recordingImages();
    const element = { x: 100.5, y: 300, width: 400, height: 250 };
    const tabs = fakeTabs({
      pickElement: async () => element,
      scrollablePage: () => tallPage(),
      captureVisibleTab: screenshot,
    });
    const { metadata } = await (await testWorld({ images, tabs })).capture.captureTab(1, 'element', form());
    expect(metadata.artefacts.slice(0, 2)).toMatchObject([
      {
        kind: 'element',
        fileName: 'element.png',
        method: 'cropped-from-screenshot',
        region: element,
        derivedFrom: 'screenshot.png',
        pixels: { width: 800, height: 500 },
      },
      { kind: 'screenshot', fileName: 'screenshot.png', method: 'tabs.captureVisibleTab' },
    ]);
    // scrollY is 100, so the element's top is 200 CSS px = 400 device px into the screenshot.
    expect(images.drawn[0]!.pieces).toEqual([{ tile: 0, srcX: 201, srcY: 400, width: 800, height: 500, destY: 0 }]);
  });

  it('this post: an element taller than the view is scrolled and stitched, with the context kept', async () => {
    const log: string[] = [];
    const tabs = fakeTabs({
      pickElement: async () => ({ x: 0, y: 50, width: 1000, height: 1500 }),
      scrollablePage: () => tallPage(log),
      captureVisibleTab: screenshot,
    });
    const { metadata } = await (await testWorld({ tabs })).capture.captureTab(1, 'element', form());
    expect(metadata.artefacts[0]).toMatchObject({
      kind: 'element',
      method: 'stitched-captureVisibleTab',
      pixels: { width: 2000, height: 3000 },
    });
    expect(metadata.artefacts[1]!.kind).toBe('screenshot');
    expect(log).toEqual(['scroll 50', 'scroll 750 hide', 'scroll 1300 hide', 'restore 0,100']);
  });

  it('this post from a Firefox right-click: the named element is used, no picker', async () => {
    const picked: string[] = [];
    const tabs = fakeTabs({
      pickElement: async () => (picked.push('picker'), null),
      markTargetElement: async (_tab, id) => (picked.push(`target ${id}`), { x: 0, y: 200, width: 300, height: 100 }),
      scrollablePage: () => tallPage(),
      captureVisibleTab: screenshot,
    });
    const { metadata } = await (
      await testWorld({ tabs })
    ).capture.captureTab(1, 'element', form(), { targetElementId: 77 });
    expect(picked).toEqual(['target 77']);
    expect(metadata.artefacts[0]).toMatchObject({ kind: 'element', region: { x: 0, y: 200, width: 300, height: 100 } });
  });

  it('this post from a right-click where the page changed since: falls back to the picker', async () => {
    const picked: string[] = [];
    const tabs = fakeTabs({
      pickElement: async () => (picked.push('picker'), { x: 0, y: 200, width: 10, height: 10 }),
      markTargetElement: async () => null,
      scrollablePage: () => tallPage(),
      captureVisibleTab: screenshot,
    });
    await (await testWorld({ tabs })).capture.captureTab(1, 'element', form(), { targetElementId: 77 });
    expect(picked).toEqual(['picker']);
  });

  it('this post: Esc in the picker cancels with nothing saved', async () => {
    const world = await testWorld({ tabs: fakeTabs({ pickElement: async () => null }) });
    await expect(world.capture.captureTab(1, 'element', form())).rejects.toMatchObject({ code: 'capture-cancelled' });
    expect(await world.db.captures.count()).toBe(0);
  });

  it('a cancelled full page saves nothing and restores the page', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const world = await testWorld({
      tabs: fakeTabs({ scrollablePage: () => tallPage(log), captureVisibleTab: screenshot }),
    });
    const attempt = world.capture.captureTab(1, 'full-page', form(), {
      signal: controller.signal,
      onProgress: (k) => k === 2 && controller.abort(),
    });
    await expect(attempt).rejects.toMatchObject({ code: 'capture-cancelled' });
    expect(log.at(-1)).toBe('restore 0,100');
    expect(await world.db.captures.count()).toBe(0);
  });
});

describe('rendered fallback', () => {
  const region = { x: 0, y: 200, width: 150, height: 100 };

  it('renders the picked element with html2canvas when the browser gives no pixels, and labels it', async () => {
    const rendered: object[] = [];
    const tabs = fakeTabs({
      pickElement: async () => region,
      captureVisibleTab: async () => Promise.reject(new Error('Failed to capture tab: unknown error')),
      renderElement: async (_tab, r) => (rendered.push(r), { blob: pngOfSize(300, 200), world: 'ISOLATED' }),
    });
    const { metadata } = await (await testWorld({ tabs })).capture.captureTab(1, 'element', form());
    expect(rendered).toEqual([region]);
    expect(metadata.artefacts[0]).toMatchObject({
      kind: 'rendered',
      fileName: 'element-rendered.png',
      method: 'html2canvas',
      pixels: { width: 300, height: 200 },
      note: expect.stringContaining('Re-rendered from the page’s code, not a screenshot'),
    });
    expect(metadata.artefacts.filter((a) => ['element', 'screenshot', 'rendered'].includes(a.kind))).toHaveLength(1);
  });

  it('says when it was drawn in the page’s own world (Firefox), where the page’s scripts could change it (issue #15)', async () => {
    const tabs = fakeTabs({
      pickElement: async () => region,
      captureVisibleTab: async () => Promise.reject(new Error('Failed to capture tab: unknown error')),
      renderElement: async () => ({ blob: pngOfSize(300, 200), world: 'MAIN' }),
    });
    const { metadata } = await (await testWorld({ tabs })).capture.captureTab(1, 'element', form());
    expect(metadata.artefacts[0]).toMatchObject({
      kind: 'rendered',
      method: 'html2canvas-page-world',
      note: expect.stringContaining('in the page’s own world, not a screenshot'),
    });
    expect(metadata.artefacts[0]!.note).toContain(
      'the page’s own scripts ran beside it and could have changed what was drawn',
    );
  });

  it('is never used when the browser gives pixels', async () => {
    const tabs = fakeTabs({
      pickElement: async () => region,
      scrollablePage: () => tallPage(),
      captureVisibleTab: screenshot,
      renderElement: async () => Promise.reject(new Error('must not render')),
    });
    const { metadata } = await (await testWorld({ tabs })).capture.captureTab(1, 'element', form());
    expect(metadata.artefacts.map((a) => a.kind)).not.toContain('rendered');
  });

  it('does not render around a page the browser forbids', async () => {
    const tabs = fakeTabs({
      pickElement: async () => region,
      captureVisibleTab: async () => Promise.reject(new Error('Cannot access contents of url')),
      renderElement: async () => ({ blob: pngOfSize(1, 1), world: 'ISOLATED' }),
    });
    await expect((await testWorld({ tabs })).capture.captureTab(1, 'element', form())).rejects.toMatchObject({
      code: 'forbidden-page',
    });
  });
});
