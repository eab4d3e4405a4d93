import { ExhibitError } from '../../errors';
import { pngSize } from '../png';
import {
  outputSize,
  placeSlice,
  planTiles,
  scrollPositions,
  splitAcrossTiles,
  type Placement,
  type Region,
} from './geometry';
import type { PageMetrics, SliceOptions } from './pageOps';

/** The page, as the region capture moves it (lib/browser/tabsAdapter.ts runs pageOps.ts there). */
export interface ScrollablePage {
  measure(): Promise<PageMetrics>;
  scrollTo(y: number, options: SliceOptions): Promise<{ x: number; y: number }>;
  restore(scrollX: number, scrollY: number): Promise<void>;
}

/** Canvases that receive pieces of screenshots and become PNG files. */
export interface TileCanvas {
  draw(screenshot: Blob, pieces: readonly (Placement & { tile: number })[]): Promise<void>;
  finish(): Promise<Blob[]>;
}

export interface RegionCaptureDeps {
  page: ScrollablePage;
  /** One screenshot of the visible tab, already throttled to the browser's rate. */
  captureVisible: () => Promise<Blob>;
  createCanvas: (width: number, tiles: readonly { y: number; height: number }[]) => TileCanvas;
  signal?: AbortSignal;
  onProgress?: (slice: number, of: number) => void;
  /** The element being captured, never hidden as the page scrolls under what stays in place. */
  keep?: Region;
}

export interface RegionCapture {
  images: Blob[];
  size: { width: number; height: number };
  slices: number;
}

/** The whole page, from the top, as wide as the viewport. */
export function wholePage(metrics: PageMetrics): Region {
  return { x: metrics.scrollX, y: 0, width: metrics.viewportWidth, height: metrics.scrollHeight };
}

/**
 * Scrolls through `region` (the whole page when not given), screenshots each viewport and stitches
 * the rows into images no larger than a canvas allows. The page's scroll position and hidden
 * elements are put back afterwards, whatever happens.
 */
export async function captureRegion(
  deps: RegionCaptureDeps,
  chooseRegion: (metrics: PageMetrics) => Region = wholePage,
): Promise<RegionCapture> {
  const metrics = await deps.page.measure();
  const region = chooseRegion(metrics);
  const dpr = metrics.devicePixelRatio;
  const viewport = {
    width: metrics.viewportWidth,
    height: metrics.viewportHeight,
    maxScrollY: Math.max(0, metrics.scrollHeight - metrics.viewportHeight),
    devicePixelRatio: dpr,
  };
  const positions = scrollPositions(region, viewport);
  const size = outputSize(region, dpr);
  const tiles = planTiles(size);
  const canvas = deps.createCanvas(size.width, tiles);
  let covered = 0;
  try {
    for (const [index, y] of positions.entries()) {
      if (deps.signal?.aborted) throw new ExhibitError('capture-cancelled', 'Capture cancelled. Nothing was saved.');
      deps.onProgress?.(index + 1, positions.length);
      // Passed to the page as JSON: no key without a value.
      const scroll = await deps.page.scrollTo(
        y,
        deps.keep ? { hideStatic: index > 0, keep: deps.keep } : { hideStatic: index > 0 },
      );
      const screenshot = await deps.captureVisible();
      const { height } = await pngSize(screenshot);
      const placement = placeSlice(region, scroll, height, dpr, covered);
      if (!placement) continue;
      await canvas.draw(screenshot, splitAcrossTiles(placement, tiles));
      covered = placement.destY + placement.height;
    }
  } finally {
    await deps.page.restore(metrics.scrollX, metrics.scrollY);
  }
  if (covered < size.height)
    throw new ExhibitError(
      'capture-failed',
      'The page moved while it was being captured, so part of it is missing. Nothing was saved; try again.',
    );
  return { images: await canvas.finish(), size, slices: positions.length };
}
