import html2canvas from 'html2canvas';
import { renderRegion } from '@/lib/capture/rendered';
import type { Region } from '@/lib/capture/region/geometry';

// Injected only when the browser gives no pixels of a picked element; the region is left on the
// isolated world's global by the call just before (scripting.executeScript cannot pass arguments
// to a file). Returns the rendering as a PNG data URL.
export default defineUnlistedScript(() => {
  const region = (globalThis as { exhibitRenderRegion?: Region }).exhibitRenderRegion;
  if (!region) throw new Error('No element to render.');
  return renderRegion(document, region, html2canvas);
});
