import { describe, expect, it } from 'vitest';
import { CONTEXT_MENU_ITEMS, popupUrlFor } from '@/lib/browser/contextMenu';

describe('right-click menu', () => {
  it('offers This post and Visible area', () => {
    expect(CONTEXT_MENU_ITEMS.map((i) => i.mode)).toEqual(['element', 'visible']);
  });

  it('opens the capture form for the tab, in the chosen mode, naming the clicked element where the browser does', () => {
    expect(popupUrlFor('exhibit-capture-post', 12, 345)).toBe('/popup.html?tabId=12&mode=element&target=345');
    expect(popupUrlFor('exhibit-capture-post', 12)).toBe('/popup.html?tabId=12&mode=element');
    expect(popupUrlFor('exhibit-capture-visible', 12, 345)).toBe('/popup.html?tabId=12&mode=visible');
  });

  it('ignores menu items that are not its own', () => {
    expect(popupUrlFor('someone-elses-item', 12)).toBeUndefined();
  });
});
