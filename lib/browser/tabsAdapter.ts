import { browser } from 'wxt/browser';
import type { TabInfo, TabsAdapter } from '../capture/captureService';
import { readPage } from '../capture/pageReading';
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
      const [result] = await browser.scripting.executeScript({ target: { tabId }, func: readPage, args: [] });
      return result?.result;
    },
    async captureVisibleTab(windowId) {
      return dataUrlToBlob(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
    },
  };
}
