import { ExhibitError } from '../errors';
import type { TabInfo, TabsAdapter, ImageAdapter } from './adapters';
import type { Artefact } from './metadata';
import { pngSize } from './png';
import { captureRegion, wholePage } from './region/captureRegion';
import { outputSize, placeSlice, planTiles, type Region } from './region/geometry';
import type { CaptureThrottle } from './region/throttle';
import { required } from '../required';

export type ImageFacts = Pick<
  Artefact,
  'kind' | 'fileName' | 'method' | 'pixels' | 'part' | 'region' | 'derivedFrom' | 'note'
>;
export interface CapturedImage {
  blob: Blob;
  facts: ImageFacts;
}

export interface ImageContext {
  tab: TabInfo;
  tabs: TabsAdapter;
  images: ImageAdapter;
  throttle: CaptureThrottle;
  /** Turns the browser's refusals into plain errors. */
  guard<T>(step: Promise<T>): Promise<T>;
  signal?: AbortSignal;
  onProgress?: (slice: number, of: number) => void;
}

const visibleShot = (ctx: ImageContext) => ctx.guard(ctx.throttle(() => ctx.tabs.captureVisibleTab(ctx.tab.windowId)));

/** Visible area (issue #2): the browser's screenshot of what the staff member sees. */
export async function visibleImages(ctx: ImageContext): Promise<CapturedImage[]> {
  const png = await visibleShot(ctx);
  return [
    {
      blob: png,
      facts: {
        kind: 'screenshot',
        fileName: 'screenshot.png',
        method: 'tabs.captureVisibleTab',
        pixels: await pngSize(png),
      },
    },
  ];
}

/** Full page: Firefox renders it in one call per canvas-sized band; Chrome scrolls and stitches. */
export async function fullPageImages(ctx: ImageContext): Promise<CapturedImage[]> {
  const page = ctx.tabs.scrollablePage(ctx.tab.id);
  if (ctx.tabs.captureTabRect) {
    const metrics = await page.measure();
    const region = wholePage(metrics);
    const dpr = metrics.devicePixelRatio;
    const bands = planTiles(outputSize(region, dpr));
    const blobs: Blob[] = [];
    // Rendered from the top, as the page first shows, so sticky and fixed elements sit where they belong.
    await page.scrollTo(0, { hideStatic: false });
    try {
      for (const [index, band] of bands.entries()) {
        ctx.onProgress?.(index + 1, bands.length);
        const rect = { x: region.x, y: band.y / dpr, width: region.width, height: band.height / dpr };
        blobs.push(await ctx.guard(ctx.tabs.captureTabRect(ctx.tab.id, rect)));
      }
    } finally {
      await page.restore(metrics.scrollX, metrics.scrollY);
    }
    return named('full-page', 'tabs.captureTab', blobs, region);
  }
  const result = await ctx.guard(
    captureRegion({
      page,
      captureVisible: () => visibleShot(ctx),
      createCanvas: ctx.images.createCanvas,
      signal: ctx.signal,
      onProgress: ctx.onProgress,
    }),
  );
  return named('full-page', 'stitched-captureVisibleTab', result.images, undefined);
}

/**
 * This post: the visible tab as context, and the element cut from it at device-pixel precision,
 * or, when the element is taller than the view, scrolled and stitched.
 */
export async function elementImages(ctx: ImageContext, element: Region): Promise<CapturedImage[]> {
  let context: CapturedImage;
  try {
    context = required((await visibleImages(ctx))[0], 'the screenshot of the visible tab');
  } catch (error) {
    return renderedInstead(ctx, element, error);
  }
  const page = ctx.tabs.scrollablePage(ctx.tab.id);
  const metrics = await page.measure();
  const inView =
    element.y >= metrics.scrollY &&
    element.y + element.height <= metrics.scrollY + metrics.viewportHeight &&
    element.x >= metrics.scrollX &&
    element.x + element.width <= metrics.scrollX + metrics.viewportWidth;
  if (inView) {
    const dpr = metrics.devicePixelRatio;
    const placement = required(
      placeSlice(
        element,
        { x: metrics.scrollX, y: metrics.scrollY },
        required(context.facts.pixels, 'the screenshot’s size').height,
        dpr,
        0,
      ),
      'the post inside the screenshot',
    );
    const canvas = ctx.images.createCanvas(placement.width, [{ y: 0, height: placement.height }]);
    await canvas.draw(context.blob, [{ ...placement, tile: 0 }]);
    const crop = required((await canvas.finish())[0], 'the cut-out post');
    return [
      {
        blob: crop,
        facts: {
          kind: 'element',
          fileName: 'element.png',
          method: 'cropped-from-screenshot',
          pixels: await pngSize(crop),
          region: element,
          derivedFrom: 'screenshot.png',
        },
      },
      context,
    ];
  }
  const result = await ctx.guard(
    captureRegion(
      {
        page,
        captureVisible: () => visibleShot(ctx),
        createCanvas: ctx.images.createCanvas,
        signal: ctx.signal,
        onProgress: ctx.onProgress,
        keep: element,
      },
      () => element,
    ),
  );
  return [...(await named('element', 'stitched-captureVisibleTab', result.images, element)), context];
}

/**
 * Where the browser gives no pixels of the page (but does not forbid it), html2canvas draws the
 * element from the page's code. It is labelled a rendering and, since no pixel capture was
 * possible, is the only image. Forbidden pages and cancellations are not rendered around.
 */
async function renderedInstead(ctx: ImageContext, element: Region, failure: unknown): Promise<CapturedImage[]> {
  if (!(failure instanceof ExhibitError) || failure.code !== 'capture-failed') throw failure;
  const { blob, world } = await ctx.guard(ctx.tabs.renderElement(ctx.tab.id, element));
  const note =
    world === 'MAIN'
      ? `Re-rendered from the page’s code in the page’s own world, not a screenshot: the browser gave no pixels (${failure.message}) and refused the drawing in Exhibit’s own world, so the page’s own scripts ran beside it and could have changed what was drawn`
      : `Re-rendered from the page’s code, not a screenshot: the browser gave no pixels (${failure.message})`;
  const method = world === 'MAIN' ? 'html2canvas-page-world' : 'html2canvas';
  return [
    {
      blob,
      facts: {
        kind: 'rendered',
        fileName: 'element-rendered.png',
        method,
        pixels: await pngSize(blob),
        region: element,
        note,
      },
    },
  ];
}

async function named(
  kind: 'element' | 'full-page',
  method: Artefact['method'],
  blobs: Blob[],
  region: Region | undefined,
): Promise<CapturedImage[]> {
  return Promise.all(
    blobs.map(async (blob, i) => ({
      blob,
      facts: {
        kind,
        fileName: blobs.length === 1 ? `${kind}.png` : `${kind}-${i + 1}.png`,
        method,
        pixels: await pngSize(blob),
        part: blobs.length > 1 ? { index: i + 1, of: blobs.length } : undefined,
        region,
      },
    })),
  );
}
