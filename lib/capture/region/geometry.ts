/**
 * Geometry of a capture larger than the viewport (issue #3): where to scroll, which rows of each
 * screenshot to keep, and how to cut the result into images a canvas can hold. Pure functions:
 * CSS pixels in, device pixels out, rounded once at the edges so slices meet without gaps.
 */

/** A part of the document in CSS pixels, measured from the document's top-left corner. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
  /** The page's maximum vertical scroll (scrollHeight − viewport height). */
  maxScrollY: number;
  devicePixelRatio: number;
}

/** Vertical scroll positions that together show all of `region`, top to bottom. */
export function scrollPositions(region: Region, viewport: Viewport): number[] {
  const positions: number[] = [];
  const bottom = region.y + region.height;
  let y = Math.min(Math.max(0, region.y), viewport.maxScrollY);
  for (;;) {
    positions.push(y);
    if (y + viewport.height >= bottom || y >= viewport.maxScrollY) return positions;
    y = Math.min(y + viewport.height, viewport.maxScrollY);
  }
}

/** The device-pixel size of the finished image of a region. */
export function outputSize(region: Region, dpr: number): { width: number; height: number } {
  return {
    width: Math.round((region.x + region.width) * dpr) - Math.round(region.x * dpr),
    height: Math.round((region.y + region.height) * dpr) - Math.round(region.y * dpr),
  };
}

/** Rows of one screenshot to copy into the output: source rectangle and where it lands. */
export interface Placement {
  srcX: number;
  srcY: number;
  width: number;
  height: number;
  destY: number;
}

/**
 * Where the screenshot taken at `scrollY` goes. `covered` is how many output rows earlier slices
 * filled; only rows below it are taken, so overlapping slices (the last one usually is) repeat nothing.
 * `imageHeight` is the screenshot's real height in device pixels.
 */
export function placeSlice(
  region: Region,
  scroll: { x: number; y: number },
  imageHeight: number,
  dpr: number,
  covered: number,
): Placement | null {
  const regionTop = Math.round(region.y * dpr);
  const regionBottom = Math.round((region.y + region.height) * dpr);
  const sliceTop = Math.round(scroll.y * dpr);
  const from = Math.max(regionTop + covered, sliceTop);
  const to = Math.min(regionBottom, sliceTop + imageHeight);
  if (to <= from) return null;
  const size = outputSize(region, dpr);
  return {
    srcX: Math.round(region.x * dpr) - Math.round(scroll.x * dpr),
    srcY: from - sliceTop,
    width: size.width,
    height: to - from,
    destY: from - regionTop,
  };
}

/** Browsers refuse canvases past about 32,767 px a side or 268 million pixels (16,384²). */
export const CANVAS_LIMITS = { maxSide: 32_767, maxArea: 268_435_456 };

/** Horizontal bands, each a canvas the browser can allocate, that together make the output. */
export function planTiles(
  size: { width: number; height: number },
  limits = CANVAS_LIMITS,
): { y: number; height: number }[] {
  if (size.width > limits.maxSide)
    throw new Error(`A page ${size.width} px wide is wider than a browser canvas can hold.`);
  const maxHeight = Math.max(1, Math.min(limits.maxSide, Math.floor(limits.maxArea / Math.max(1, size.width))));
  const tiles: { y: number; height: number }[] = [];
  for (let y = 0; y < size.height; y += maxHeight) tiles.push({ y, height: Math.min(maxHeight, size.height - y) });
  return tiles;
}

/** A placement cut at tile boundaries: each piece says which tile it is drawn into and where. */
export function splitAcrossTiles(
  placement: Placement,
  tiles: readonly { y: number; height: number }[],
): (Placement & { tile: number })[] {
  const pieces: (Placement & { tile: number })[] = [];
  tiles.forEach((tile, index) => {
    const from = Math.max(placement.destY, tile.y);
    const to = Math.min(placement.destY + placement.height, tile.y + tile.height);
    if (to > from)
      pieces.push({
        tile: index,
        srcX: placement.srcX,
        srcY: placement.srcY + (from - placement.destY),
        width: placement.width,
        height: to - from,
        destY: from - tile.y,
      });
  });
  return pieces;
}
