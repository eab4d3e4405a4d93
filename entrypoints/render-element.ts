import html2canvas from 'html2canvas';
import { renderRegion, type RenderOutcome } from '@/lib/capture/rendered';
import type { Region } from '@/lib/capture/region/geometry';

// Injected only when the browser gives no pixels of a picked element; the region is left on the
// world's global by the call just before (scripting.executeScript cannot pass arguments to a file).
// Returns a RenderOutcome, never throws: Firefox cannot pass a page error back as a result.
// eslint-disable-next-line @typescript-eslint/no-misused-promises -- scripting.executeScript waits for the promise a script's last value is
export default defineUnlistedScript(async (): Promise<RenderOutcome> => {
  const region = (globalThis as { exhibitRenderRegion?: Region }).exhibitRenderRegion;
  if (!region) return { ok: false, message: 'No element to render.' };
  try {
    return { ok: true, dataUrl: await renderRegion(document, region, html2canvas) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
});
