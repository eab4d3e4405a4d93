import { browser } from 'wxt/browser';
import type { CaptureMode } from '../capture/metadata';
import { CaptureModeSchema } from '../capture/metadata';

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
