import { afterAll, beforeAll } from 'vitest';
import { closeAll, startFixtureServer } from './fixtureServer';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const VIEWPORT = { width: 1280, height: 720 };

export interface TabSummary {
  id?: number;
  url?: string;
}

/** Every tab, as the extension sees it: URLs it may not read (chrome://) come back undefined. */
export function listTabs(worker: Worker): Promise<TabSummary[]> {
  type Chrome = { tabs: { query(q: object): Promise<TabSummary[]> } };
  return worker.evaluate(async () => {
    const tabs = await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({});
    return tabs.map(({ id, url }) => ({ id, url }));
  });
}

/**
 * Opens `url` in a new tab and returns the page with the tab's id as the extension knows it: the
 * newest tab at that address, since an earlier test may have left one open too.
 */
export async function openTab(browser: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = (await listTabs(browser.worker)).filter((t) => t.url === url).at(-1)?.id;
  if (tabId === undefined) throw new Error(`no tab found at ${url}`);
  return { page, tabId };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  downloadDir: string;
  /** The browser's profile folder (removed on close). */
  profileDir: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with the e2e build loaded and downloads landing in a known folder
 * (shared/notes/browser-and-tooling.md: extension downloads raise no Playwright event).
 */
export async function launchWithExtension(
  options: { extensionDir?: string; deviceScaleFactor?: number; viewport?: { width: number; height: number } } = {},
): Promise<ExtensionBrowser> {
  const viewport = options.viewport ?? VIEWPORT;
  const extensionDir = options.extensionDir ?? resolve('.output/chrome-mv3-e2e');
  const userDataDir = mkdtempSync(join(tmpdir(), 'exhibit-chromium-'));
  const downloadDir = join(userDataDir, 'downloads');
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  mkdirSync(downloadDir);
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadDir, prompt_for_download: false } }),
  );
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: null,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--window-size=${viewport.width},${viewport.height + 87}`,
      `--force-device-scale-factor=${options.deviceScaleFactor ?? 1}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Playwright routes downloads to its own temporary folder; hand them back to the profile's folder.
  const cdp = await context.browser()!.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  // The profile goes with the browser: a benchmark's holds gigabytes of store and downloads.
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, worker, extensionId, downloadDir, profileDir: userDataDir, close };
}

/** Fills in and saves the options page, as a new user does; bundles then save without a prompt. */
export async function saveProfile(browser: ExtensionBrowser): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByLabel('Your name').fill('Jo Smith');
  await options.getByLabel('Your role').fill('Head of School');
  await options.getByLabel('Your work email').fill('jo.smith@northwick.example');
  await options.getByLabel('School name').fill('Northwick Park Primary');
  // A Save-As prompt cannot be answered headless (shared/notes), so tests save straight to disk.
  await options.getByLabel('Ask where to save each bundle').uncheck();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByText('Saved.').waitFor();
  await options.close();
}

/**
 * For a test file: Chromium with the e2e build and a saved profile, and the fixture server, started
 * before its tests and closed after them. Read `browser` and `server` inside the tests.
 */
export function chromiumForTests(): { browser: ExtensionBrowser; server: { origin: string; close(): Promise<void> } } {
  const held = {} as ReturnType<typeof chromiumForTests>;
  beforeAll(async () => {
    held.server = await startFixtureServer();
    held.browser = await launchWithExtension();
    await saveProfile(held.browser);
  });
  afterAll(() => closeAll(held.browser, held.server));
  return held;
}
