import { browser } from 'wxt/browser';
import type { CaptureMode } from '../capture/metadata';
import { CaptureModeSchema } from '../capture/metadata';
import { PostFoundBySchema, type PostFoundBy } from '../extract/postDetails';

/**
 * What the popup acts on. Opened from the toolbar: the active tab. Opened by a right-click (or a
 * test) as a page: `?tabId=`, `?mode=` and, in Firefox, `?target=` (the clicked element).
 */
export async function targetTabId(search = location.search): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function modeFromQuery(search = location.search): CaptureMode {
  const parsed = CaptureModeSchema.safeParse(new URLSearchParams(search).get('mode'));
  return parsed.success ? parsed.data : 'visible';
}

export function targetFromQuery(search = location.search): number | undefined {
  const target = new URLSearchParams(search).get('target');
  return target === null || !/^\d+$/.test(target) ? undefined : Number(target);
}

/**
 * Firefox: ask for access to this one site so tabs.captureTab can render the whole page at once.
 * Declining is fine: the capture then scrolls and stitches as in Chrome.
 */
export async function requestWholePageAccess(url: string | undefined): Promise<void> {
  if (!import.meta.env.FIREFOX || !url || !/^https?:/.test(url)) return;
  await browser.permissions.request({ origins: [`${new URL(url).origin}/*`] }).catch(() => false);
}

/**
 * Which post a capture of the tab as it stands would be about (the same rule the capture uses), or
 * undefined where the page cannot be read (browser pages, no access): then the popup says nothing.
 */
export async function postChoiceIn(tabId: number): Promise<PostFoundBy | undefined> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/content-scripts/post-choice.js'],
    });
    const parsed = PostFoundBySchema.safeParse(result?.result); // it comes from page context
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
