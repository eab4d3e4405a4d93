import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'exhibit@northwickpark.academy';
const EXTENSION_UUID = '5d2c8f4e-7a31-4c8e-9e57-0f1b2a3c4d5e';

export interface FirefoxWithExtension {
  browser: Browser;
  origin: string;
  downloadDir: string;
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Firefox ESR, headless, over WebDriver BiDi, with the e2e build installed at a fixed
 * moz-extension:// origin and downloads going to a known folder (shared/notes/browser-and-tooling.md).
 */
export async function launchFirefoxWithExtension(
  extensionDir = resolve('.output/firefox-mv3-e2e'),
): Promise<FirefoxWithExtension> {
  const downloadDir = mkdtempSync(join(tmpdir(), 'exhibit-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  await browser.installExtension(extensionDir);
  const origin = `moz-extension://${EXTENSION_UUID}`;
  return {
    browser,
    origin,
    downloadDir,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // page.goto() never sees extension pages finish loading over BiDi; navigate without waiting.
      const frame = page.mainFrame() as unknown as {
        browsingContext: { navigate(url: string, wait: 'none'): Promise<unknown> };
      };
      await frame.browsingContext.navigate(`${origin}/${path}`, 'none');
      await page.waitForFunction(
        () => document.readyState === 'complete' && document.getElementById('root')?.childElementCount,
        { timeout: 15_000 },
      );
      return page;
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}
