import { browser } from 'wxt/browser';
import type { TabInfo, TabsAdapter } from '../capture/captureService';
import { snapshotDom } from '../capture/domSnapshot';
import { dataUrlToBlob } from '../capture/png';

/** The only place that calls the browser's tab, scripting and capture APIs for a capture. */
export function createTabsAdapter(): TabsAdapter {
  return {
    async getTab(tabId) {
      const tab = await browser.tabs.get(tabId);
      return { id: tabId, windowId: tab.windowId!, url: tab.url, active: Boolean(tab.active) };
    },
    async activate(tab: TabInfo) {
      await browser.tabs.update(tab.id, { active: true });
      // Give the compositor a frame to show the tab before its pixels are read.
      await new Promise((resolve) => setTimeout(resolve, 150));
    },
    async readPage(tabId) {
      const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
      return result?.result;
    },
    async savePageSource(tabId) {
      // Chrome keeps the page as MHTML; Firefox has no pageCapture, so the DOM is serialised instead.
      if (browser.pageCapture) return { blob: await saveAsMhtml(tabId), method: 'pageCapture.saveAsMHTML' };
      const [result] = await browser.scripting.executeScript({ target: { tabId }, func: snapshotDom });
      const snapshot = result?.result as { html: string } | undefined;
      if (!snapshot) throw new Error('The page did not return a snapshot.');
      return { blob: new Blob([snapshot.html], { type: 'text/html;charset=utf-8' }), method: 'dom-snapshot' };
    },
    async captureVisibleTab(windowId) {
      return dataUrlToBlob(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
    },
  };
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
