import { browser } from 'wxt/browser';
import type { CaptureMode } from '../capture/metadata';

/** The right-click items (issue #3): the two modes that make sense for what is under the pointer. */
export const CONTEXT_MENU_ITEMS: { id: string; mode: CaptureMode; title: string }[] = [
  { id: 'exhibit-capture-post', mode: 'element', title: 'Capture this post with Exhibit…' },
  { id: 'exhibit-capture-visible', mode: 'visible', title: 'Capture the visible area with Exhibit…' },
];

/**
 * Where a right-click leads: the capture form for that tab and mode, in a small window. Firefox
 * names the element that was right-clicked (`targetElementId`); Chrome does not, so there the
 * picker starts on the element under the pointer and the staff member confirms it.
 */
export function popupUrlFor(menuItemId: string | number, tabId: number, targetElementId?: number): string | undefined {
  const item = CONTEXT_MENU_ITEMS.find((i) => i.id === menuItemId);
  if (!item) return undefined;
  const query = new URLSearchParams({ tabId: String(tabId), mode: item.mode });
  if (item.mode === 'element' && targetElementId !== undefined) query.set('target', String(targetElementId));
  return `/popup.html?${query}`;
}

export function registerContextMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    for (const item of CONTEXT_MENU_ITEMS) {
      browser.contextMenus.create({
        id: item.id,
        title: item.title,
        contexts: ['page', 'selection', 'link', 'image', 'video'],
      });
    }
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const targetElementId = (info as { targetElementId?: number }).targetElementId;
    const path = tab?.id === undefined ? undefined : popupUrlFor(info.menuItemId, tab.id, targetElementId);
    if (!path) return;
    void browser.windows.create({
      url: browser.runtime.getURL(path as '/popup.html'),
      type: 'popup',
      width: 420,
      height: 760,
    });
  });
}
