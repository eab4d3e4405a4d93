import { describe, expect, it } from 'vitest';
import {
  outputSize,
  placeSlice,
  planTiles,
  scrollPositions,
  splitAcrossTiles,
  type Region,
  type Viewport,
} from '@/lib/capture/region/geometry';

const viewport = (dpr: number, pageHeight = 2000): Viewport => ({
  width: 1000,
  height: 700,
  maxScrollY: pageHeight - 700,
  devicePixelRatio: dpr,
});
const wholePage = (pageHeight = 2000): Region => ({ x: 0, y: 0, width: 1000, height: pageHeight });

/** Runs the placements for a plan as the capturer does, returning them and the rows covered. */
function stitch(region: Region, vp: Viewport) {
  const dpr = vp.devicePixelRatio;
  const imageHeight = Math.round(vp.height * dpr);
  let covered = 0;
  const placements = scrollPositions(region, vp).map((y) => {
    const placement = placeSlice(region, { x: 0, y }, imageHeight, dpr, covered);
    if (placement) covered = placement.destY + placement.height;
    return placement;
  });
  return { placements, covered, size: outputSize(region, dpr) };
}

describe('scroll positions', () => {
  it('steps a viewport at a time and ends flush with the bottom of the page', () => {
    expect(scrollPositions(wholePage(), viewport(1))).toEqual([0, 700, 1300]);
  });

  it('takes one slice when the region fits in the viewport', () => {
    expect(scrollPositions({ x: 0, y: 100, width: 500, height: 300 }, viewport(1))).toEqual([100]);
    expect(scrollPositions(wholePage(500), { ...viewport(1), maxScrollY: 0 })).toEqual([0]);
  });

  it('covers a region below the last scroll position', () => {
    expect(scrollPositions({ x: 0, y: 1800, width: 500, height: 150 }, viewport(1))).toEqual([1300]);
  });

  it('gives 27 slices for a 20,000 px page at a 768 px viewport (the benchmark’s page)', () => {
    expect(
      scrollPositions(wholePage(20_000), { width: 1024, height: 768, maxScrollY: 20_000 - 768, devicePixelRatio: 1 }),
    ).toHaveLength(27);
  });
});

describe.each([1, 1.5, 2])('stitching at device pixel ratio %s', (dpr) => {
  it('fills every output row exactly once, the last partial slice taking only new rows', () => {
    const { placements, covered, size } = stitch(wholePage(), viewport(dpr));
    expect(covered).toBe(size.height);
    expect(size).toEqual({ width: Math.round(1000 * dpr), height: Math.round(2000 * dpr) });
    let next = 0;
    for (const p of placements) {
      expect(p!.destY).toBe(next);
      next += p!.height;
    }
    const last = placements.at(-1)!;
    // The last slice is scrolled to the bottom and overlaps the one before: only its unseen rows count.
    expect(last.height).toBe(Math.round(2000 * dpr) - Math.round(1400 * dpr));
    expect(last.srcY).toBe(Math.round(700 * dpr) - last.height);
  });

  it('crops an element region at device-pixel precision, across slices', () => {
    const element: Region = { x: 120.5, y: 333.25, width: 400, height: 1200 };
    const { placements, covered, size } = stitch(element, viewport(dpr));
    expect(size).toEqual({
      width: Math.round(520.5 * dpr) - Math.round(120.5 * dpr),
      height: Math.round(1533.25 * dpr) - Math.round(333.25 * dpr),
    });
    expect(covered).toBe(size.height);
    expect(placements[0]).toMatchObject({ srcX: Math.round(120.5 * dpr), srcY: 0, destY: 0 });
  });
});

describe('sticky and fixed elements', () => {
  it('are hidden from the second slice on, so a header 80 px tall appears once', () => {
    // The capturer hides fixed/sticky elements before every slice but the first (see capture.ts);
    // the geometry therefore never needs to cut them out: the first slice shows the header, the
    // others show the content beneath it, and no row is taken twice.
    const { placements } = stitch(wholePage(), viewport(1));
    expect(placements.map((p) => [p!.destY, p!.height])).toEqual([
      [0, 700],
      [700, 700],
      [1400, 600],
    ]);
  });
});

describe('canvas-size splitting', () => {
  it('keeps a small image in one tile', () => {
    expect(planTiles({ width: 2000, height: 4000 })).toEqual([{ y: 0, height: 4000 }]);
  });

  it('splits a tall page at the 32,767 px side limit', () => {
    expect(planTiles({ width: 1000, height: 70_000 })).toEqual([
      { y: 0, height: 32_767 },
      { y: 32_767, height: 32_767 },
      { y: 65_534, height: 4466 },
    ]);
  });

  it('splits by area for a wide page', () => {
    const tiles = planTiles({ width: 20_000, height: 30_000 });
    expect(tiles[0]!.height).toBe(Math.floor(268_435_456 / 20_000));
    expect(tiles.reduce((sum, t) => sum + t.height, 0)).toBe(30_000);
    for (const t of tiles) expect(t.height * 20_000).toBeLessThanOrEqual(268_435_456);
  });

  it('refuses a page wider than any canvas instead of failing later', () => {
    expect(() => planTiles({ width: 40_000, height: 10 })).toThrow(/wider than a browser canvas/);
  });

  it('cuts a placement that straddles two tiles into two pieces', () => {
    const tiles = planTiles({ width: 100, height: 25 }, { maxSide: 100, maxArea: 1000 });
    expect(tiles).toEqual([
      { y: 0, height: 10 },
      { y: 10, height: 10 },
      { y: 20, height: 5 },
    ]);
    expect(splitAcrossTiles({ srcX: 0, srcY: 3, width: 100, height: 9, destY: 6 }, tiles)).toEqual([
      { tile: 0, srcX: 0, srcY: 3, width: 100, height: 4, destY: 6 },
      { tile: 1, srcX: 0, srcY: 7, width: 100, height: 5, destY: 0 },
    ]);
  });
});
