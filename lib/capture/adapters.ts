import type { Region } from './region/geometry';
import type { RenderWorld } from './rendered';
import type { ScrollablePage, TileCanvas } from './region/captureRegion';

export interface TabInfo {
  id: number;
  windowId: number;
  url?: string;
  active: boolean;
}

export interface PageSource {
  blob: Blob;
  method: 'pageCapture.saveAsMHTML' | 'dom-snapshot';
}

/** The browser, reached only through this adapter (lib/browser/tabsAdapter.ts in the extension). */
export interface TabsAdapter {
  getTab(tabId: number): Promise<TabInfo>;
  /** Makes the tab the visible one in its window, since only the visible tab can be captured. */
  activate(tab: TabInfo): Promise<void>;
  /** Runs the page reader; an element picked before is its target for post details. */
  readPage(tabId: number): Promise<unknown>;
  captureVisibleTab(windowId: number): Promise<Blob>;
  /** MHTML where the browser has it (Chrome), else a serialised DOM (Firefox). */
  savePageSource(tabId: number): Promise<PageSource>;
  /** Lets the staff member pick an element on the page; null when they press Esc. */
  pickElement(tabId: number): Promise<Region | null>;
  /** Firefox: marks the right-clicked element (menus.getTargetElement) and returns its box. */
  markTargetElement?: (tabId: number, targetElementId: number) => Promise<Region | null>;
  /** Draws an element from the page's code (html2canvas) when the browser gives no pixels; says in which world it ran. */
  renderElement(tabId: number, region: Region): Promise<{ blob: Blob; world: RenderWorld }>;
  /** Scrolls and measures the page for a region capture. */
  scrollablePage(tabId: number): ScrollablePage;
  /** Firefox's tabs.captureTab: any part of the page in one call, no scrolling. Absent in Chrome. */
  captureTabRect?: (tabId: number, rect: Region) => Promise<Blob>;
}

/** Image work done off the page: canvases in the background (OffscreenCanvas). */
export interface ImageAdapter {
  makeThumbnail: (png: Blob) => Promise<Blob>;
  createCanvas: (width: number, tiles: readonly { y: number; height: number }[]) => TileCanvas;
}
