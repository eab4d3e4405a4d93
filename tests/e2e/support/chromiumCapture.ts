import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import { newestCapture } from './storedCapture';

export type CaptureModeName = 'Visible area' | 'This post' | 'Full page';

/** The picker's hint on the page: from then on the page's clicks go to the picker. */
export const pickerReady = (page: Page) => page.getByText('Exhibit: click the post to capture it').waitFor();

/** Opens the popup for a tab, chooses a category and the mode, and presses Capture. */
export async function startCapture(browser: ExtensionBrowser, tabId: number, mode: CaptureModeName): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByLabel('Policy category (required)').selectOption('naming-children');
  await popup.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await popup.getByRole('button', { name: 'Capture' }).click();
  return popup;
}

/** This post, picked by a click on the element as staff would click it; the capture it stored. */
export async function captureByClicking(browser: ExtensionBrowser, page: Page, tabId: number, selector: string) {
  const popup = await startCapture(browser, tabId, 'This post');
  await pickerReady(page);
  await page.bringToFront();
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`${selector} has no box on the page`);
  await page.mouse.move(box.x + Math.min(10, box.width / 2), box.y + box.height / 2);
  await page.mouse.click(box.x + Math.min(10, box.width / 2), box.y + box.height / 2);
  await popup.getByRole('heading', { name: 'Captured' }).waitFor({ timeout: 20_000 });
  const stored = await newestCapture(popup);
  await popup.close();
  return stored;
}
