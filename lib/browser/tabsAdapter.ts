import { browser } from 'wxt/browser';
import type { TabInfo, TabsAdapter } from '../capture/adapters';
import { snapshotDom } from '../capture/domSnapshot';
import { markRightClicked, pickElement } from '../capture/picker';
import { dataUrlToBlob } from '../capture/png';
import type { Region } from '../capture/region/geometry';
import { RenderOutcomeSchema, type RenderOutcome, type RenderWorld } from '../capture/rendered';
import { measurePage, restorePage, scrollForSlice } from '../capture/region/pageOps';
import { extractorFor } from '../extract';

/** The only place that calls the browser's tab, scripting and capture APIs for a capture. */
export function createTabsAdapter(): TabsAdapter {
  async function run<A extends unknown[], R>(tabId: number, func: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func, args });
    return result?.result as Awaited<R>;
  }

  return {
    async getTab(tabId) {
      const tab = await browser.tabs.get(tabId);
      return { id: tabId, windowId: tab.windowId, url: tab.url, active: tab.active };
    },
    async activate(tab: TabInfo) {
      await browser.tabs.update(tab.id, { active: true });
      // Give the compositor a frame to show the tab before its pixels are read.
      await new Promise((resolve) => setTimeout(resolve, 150));
    },
    async readPage(tabId) {
      const [result] = await browser.scripting.executeScript({
        target: { tabId },
        files: ['/content-scripts/content.js'],
      });
      return result?.result;
    },
    async savePageSource(tabId) {
      // Chrome keeps the page as MHTML; Firefox has no pageCapture, so the DOM is serialised instead.
      if ((browser as { pageCapture?: unknown }).pageCapture)
        return { blob: await saveAsMhtml(tabId), method: 'pageCapture.saveAsMHTML' };
      // A frame that gives no result gives undefined, whatever the script's own type says.
      const snapshot = (await run(tabId, snapshotDom)) as ReturnType<typeof snapshotDom> | undefined;
      if (!snapshot) throw new Error('The page did not return a snapshot.');
      return { blob: new Blob([snapshot.html], { type: 'text/html;charset=utf-8' }), method: 'dom-snapshot' };
    },
    async captureVisibleTab(windowId) {
      return dataUrlToBlob(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
    },
    async pickElement(tabId) {
      return run(tabId, pickElement, await postSelectorOf(tabId));
    },
    // Only Firefox's context menu names the clicked element.
    markTargetElement:
      'menus' in browser
        ? async (tabId, targetElementId) => run(tabId, markRightClicked, targetElementId, await postSelectorOf(tabId))
        : undefined,
    async renderElement(tabId, region) {
      // The content script's own world first, out of the page's reach. Firefox forbids html2canvas
      // writing its copy of the document from there (SecurityError, html2canvas#1184), so it then
      // renders in the page's world: still labelled a rendering, never the evidence's pixels, and
      // labelled as drawn beside the page's own scripts, which could change it (issue #15).
      let world: RenderWorld = 'ISOLATED';
      let outcome = await renderIn(tabId, region, world);
      if (!outcome.ok && outcome.message.startsWith('SecurityError'))
        outcome = await renderIn(tabId, region, (world = 'MAIN'));
      if (!outcome.ok) throw new Error(`The page could not be rendered: ${outcome.message}`);
      return { blob: dataUrlToBlob(outcome.dataUrl), world };
    },
    scrollablePage(tabId) {
      return {
        measure: () => run(tabId, measurePage),
        scrollTo: (y, options) => run(tabId, scrollForSlice, y, options),
        restore: async (x, y) => {
          await run(tabId, restorePage, x, y);
        },
      };
    },
    // Firefox renders any rectangle of the page in one call; Chrome has no tabs.captureTab. Looked up
    // on each use: Firefox offers it only once host access to the page has been granted.
    get captureTabRect() {
      const captureTab = (browser.tabs as { captureTab?: (tabId: number, options: object) => Promise<string> })
        .captureTab;
      return captureTab
        ? async (tabId: number, rect: object) => dataUrlToBlob(await captureTab(tabId, { format: 'png', rect }))
        : undefined;
    },
  };
}

async function renderIn(tabId: number, region: Region, world: RenderWorld): Promise<RenderOutcome> {
  const target = { tabId };
  await browser.scripting.executeScript({
    target,
    world,
    func: (r: object) => void ((globalThis as { exhibitRenderRegion?: object }).exhibitRenderRegion = r),
    args: [region],
  });
  const [result] = await browser.scripting.executeScript({ target, world, files: ['/render-element.js'] });
  const parsed = RenderOutcomeSchema.safeParse(result?.result);
  return parsed.success ? parsed.data : { ok: false, message: 'the render script gave no answer Exhibit could read' };
}

async function postSelectorOf(tabId: number): Promise<string> {
  const tab = await browser.tabs.get(tabId);
  return extractorFor(tab.url ?? 'about:blank').postSelector;
}

/** Reading the MHTML Blob fails now and then with NotFoundError (shared/notes): copy it, retrying. */
async function saveAsMhtml(tabId: number): Promise<Blob> {
  for (let attempt = 1; ; attempt++) {
    const mhtml = await browser.pageCapture.saveAsMHTML({ tabId });
    if (!mhtml) throw new Error('The browser returned no MHTML.');
    try {
      return new Blob([await mhtml.arrayBuffer()], { type: 'multipart/related' });
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
