// `npm run bench`: capture performance in headless Chromium against local fixture pages (issue #3).
// Prints numbers and their targets; asserts nothing. Method and results: docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import type { Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/support/chromium';
import { launchWithExtension, openTab, saveProfile } from '../tests/e2e/support/chromium';
import { startFixtureServer } from '../tests/e2e/support/fixtureServer';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Resident memory (MiB) of the browser's extension processes, read from ps. */
function extensionProcessesMiB(): number {
  const lines = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' }).split('\n');
  const kib = lines.filter((l) => l.includes('--extension-process')).reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[0]), 0);
  return kib / 1024;
}

async function bareCaptureMs(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { captureVisibleTab(w: null, o: object): Promise<string> } } }).chrome;
    const start = performance.now();
    await api.tabs.captureVisibleTab(null, { format: 'png' });
    return performance.now() - start;
  });
}

/** Click → stored: the popup's capture request until the background answers with the saved capture. */
async function captureMs(extensionPage: Page, tabId: number, mode: 'visible' | 'full-page'): Promise<number> {
  return extensionPage.evaluate(
    async ({ tabId, mode }) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; message?: string }> } } }).chrome;
      const form = { category: { id: 'threats' }, note: 'benchmark', author: {} };
      const start = performance.now();
      const reply = await api.runtime.sendMessage({ type: 'capture.tab', tabId, mode, form });
      if (!reply.ok) throw new Error(reply.message);
      return performance.now() - start;
    },
    { tabId, mode },
  );
}

async function withBrowser<T>(deviceScaleFactor: number, run: (b: ExtensionBrowser, origin: string) => Promise<T>, viewport = { width: 1280, height: 720 }): Promise<T> {
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ deviceScaleFactor, viewport });
  try {
    await saveProfile(browser);
    await sleep(4000); // the first seconds keep Blobs in memory only (shared/notes)
    return await run(browser, server.origin);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function openWithDashboard(browser: ExtensionBrowser, url: string) {
  const { page, tabId } = await openTab(browser, url);
  const extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  await page.bringToFront();
  return { page, tabId, extensionPage };
}

/** Visible capture, click → stored, against a bare captureVisibleTab: alternating, spaced past the rate limit. */
function measureVisible(dpr: number, viewport = { width: 1280, height: 720 }) {
  return withBrowser(
    dpr,
    async (browser, origin) => {
    const { tabId, extensionPage } = await openWithDashboard(browser, `${origin}/post.html`);
    const bare: number[] = [];
    const stored: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(await bareCaptureMs(browser.worker));
      await sleep(1100);
      stored.push(await captureMs(extensionPage, tabId, 'visible'));
      await sleep(1100);
    }
    return { dpr, viewport, bare: median(bare), stored: median(stored) };
    },
    viewport,
  );
}

/** Full page of 20,000 px at 1280 × 720, against the rate-limit floor, sampling the extension's memory. */
function measureFullPage() {
  return withBrowser(1, async (browser, origin) => {
    const { page, tabId, extensionPage } = await openWithDashboard(browser, `${origin}/long.html`);
    const metrics = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, viewport: window.innerHeight }));
    const slices = Math.ceil((metrics.height - metrics.viewport) / metrics.viewport) + 1;
    const idleMiB = extensionProcessesMiB();
    let peakMiB = idleMiB;
    const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, extensionProcessesMiB())), 100);
    const ms = await captureMs(extensionPage, tabId, 'full-page');
    clearInterval(sampler);
    return { ...metrics, slices, ms, floorMs: (slices / 2) * 1000, idleMiB, peakMiB, version: browser.context.browser()?.version() };
  });
}

const visible = [await measureVisible(1), await measureVisible(2), await measureVisible(1, { width: 1920, height: 1080 })];
const full = await measureFullPage();
const rows: string[][] = [];
for (const v of visible) {
  const at = `${v.viewport.width} × ${v.viewport.height} at DPR ${v.dpr}`;
  rows.push([`bare captureVisibleTab, ${at} (median of ${RUNS})`, `${v.bare.toFixed(0)} ms`, '']);
  rows.push([`visible capture, click → stored, ${at} (median of ${RUNS})`, `${v.stored.toFixed(0)} ms`, '']);
  rows.push([`  ratio to bare captureVisibleTab`, `${(v.stored / v.bare).toFixed(2)}×`, '≤ 1.3×']);
}
rows.push([`full page, ${full.height} px at a ${full.viewport} px viewport (${full.slices} slices)`, `${(full.ms / 1000).toFixed(2)} s`, '']);
rows.push(['  ratio to the rate-limit floor (slices ÷ 2/s)', `${(full.ms / full.floorMs).toFixed(2)}×`, '≤ 1.2×']);
rows.push(['extension processes, idle', `${full.idleMiB.toFixed(0)} MiB`, '']);
rows.push(['extension processes, peak during the full page', `${full.peakMiB.toFixed(0)} MiB`, '']);
console.log(`Chromium ${full.version}, ${new Date().toISOString()}`);
console.log('| measure | result | target |\n|---|---|---|');
for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
