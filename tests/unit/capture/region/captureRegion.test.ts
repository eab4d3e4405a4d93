import { describe, expect, it } from 'vitest';
import { captureRegion, type ScrollablePage, type TileCanvas } from '@/lib/capture/region/captureRegion';
import type { PageMetrics } from '@/lib/capture/region/pageOps';
import { pngOfSize } from '../../fixtures';

function fakePage(metrics: Partial<PageMetrics> = {}) {
  const m: PageMetrics = {
    scrollX: 0,
    scrollY: 250,
    viewportWidth: 800,
    viewportHeight: 600,
    scrollHeight: 2000,
    devicePixelRatio: 2,
    ...metrics,
  };
  const log: string[] = [];
  const page: ScrollablePage = {
    measure: async () => m,
    scrollTo: async (y, { hideStatic }) => (log.push(`scroll ${y}${hideStatic ? ' hide' : ''}`), { x: 0, y }),
    restore: async (x, y) => void log.push(`restore ${x},${y}`),
  };
  return { page, log, metrics: m };
}

function fakeCanvas() {
  const draws: { tile: number; destY: number; height: number }[][] = [];
  let made: { width: number; tiles: readonly { y: number; height: number }[] } | undefined;
  return {
    draws,
    made: () => made,
    createCanvas(width: number, tiles: readonly { y: number; height: number }[]): TileCanvas {
      made = { width, tiles };
      return {
        draw: async (_png, pieces) =>
          void draws.push(pieces.map(({ tile, destY, height }) => ({ tile, destY, height }))),
        finish: async () => tiles.map(() => new Blob(['tile'])),
      };
    },
  };
}

describe('captureRegion', () => {
  it('scrolls slice by slice, hides fixed elements after the first, stitches and restores the page', async () => {
    const { page, log } = fakePage();
    const canvas = fakeCanvas();
    const progress: string[] = [];
    const result = await captureRegion({
      page,
      captureVisible: async () => pngOfSize(1600, 1200),
      createCanvas: canvas.createCanvas,
      onProgress: (k, n) => progress.push(`${k}/${n}`),
    });
    expect(log).toEqual(['scroll 0', 'scroll 600 hide', 'scroll 1200 hide', 'scroll 1400 hide', 'restore 0,250']);
    expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(result).toMatchObject({ size: { width: 1600, height: 4000 }, slices: 4 });
    expect(canvas.draws.flat().map((d) => [d.destY, d.height])).toEqual([
      [0, 1200],
      [1200, 1200],
      [2400, 1200],
      [3600, 400],
    ]);
  });

  it('restores the page when a screenshot fails', async () => {
    const { page, log } = fakePage();
    const attempt = captureRegion({
      page,
      captureVisible: async () => Promise.reject(new Error('tab closed')),
      createCanvas: fakeCanvas().createCanvas,
    });
    await expect(attempt).rejects.toThrow('tab closed');
    expect(log.at(-1)).toBe('restore 0,250');
  });

  it('stops when cancelled, restoring the page, with a plain message', async () => {
    const { page, log } = fakePage();
    const controller = new AbortController();
    const attempt = captureRegion({
      page,
      captureVisible: async () => pngOfSize(1600, 1200),
      createCanvas: fakeCanvas().createCanvas,
      signal: controller.signal,
      onProgress: (k) => k === 2 && controller.abort(),
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'capture-cancelled',
      message: 'Capture cancelled. Nothing was saved.',
    });
    expect(log.at(-1)).toBe('restore 0,250');
  });

  it('splits a page past the canvas limit into several images', async () => {
    const { page } = fakePage({ scrollHeight: 20_000, devicePixelRatio: 2 });
    const canvas = fakeCanvas();
    const result = await captureRegion({
      page,
      captureVisible: async () => pngOfSize(1600, 1200),
      createCanvas: canvas.createCanvas,
    });
    expect(result.size.height).toBe(40_000);
    expect(canvas.made()!.tiles.map((t) => t.height)).toEqual([32_767, 40_000 - 32_767]); // the side limit binds first
    expect(result.images).toHaveLength(canvas.made()!.tiles.length);
  });
});
