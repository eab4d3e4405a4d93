import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableFingerprint } from '@/lib/bundle/signing';
import { RenderOutcomeSchema } from '@/lib/capture/rendered';
import { openZip } from '@/lib/bundle/zipReader';
import { flipByteInEntry, verifyWithCli, waitForBundle } from './support/bundleFiles';
import { closeAll, startFixtureServer } from './support/fixtureServer';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { expectHonestRecord, type HonestFields } from './support/hostilePage';
import { decodePng } from './support/png';
import { everyStoredRow, newestCapture } from './support/storedCapture';
import { startLocalTsa } from '../unit/timestamp/localTsa';

let firefox: FirefoxWithExtension;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  server = await startFixtureServer();
  firefox = await launchFirefoxWithExtension();
});
afterAll(() => closeAll(firefox, server));

const textOf = (page: Page) => page.evaluate(() => document.body.innerText);
const waitForText = (page: Page, text: string, timeout = 20_000) =>
  page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text);

async function openFixture(name: string, on: FirefoxWithExtension = firefox): Promise<{ page: Page; tabId: number }> {
  const page = await on.browser.newPage();
  const url = `${server.origin}/${name}`;
  await page.goto(url);
  const extensionPage = await on.openExtensionPage('dashboard.html');
  const tabId = await extensionPage.evaluate(async (u) => {
    const api = (
      globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }
    ).browser;
    return (await api.tabs.query({})).filter((t) => t.url === u).at(-1)?.id;
  }, url);
  await extensionPage.close();
  return { page, tabId: tabId! };
}

async function startCapture(tabId: number, mode: string, on: FirefoxWithExtension = firefox): Promise<Page> {
  const popup = await on.openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.select('select[name=category]', 'threats');
  await popup.click(`input[name=mode][value="${mode}"]`);
  await popup.click('button[type=submit]');
  return popup;
}

/** The staff member's details, which the options page asks for before anything else. */
async function saveProfileIn(browser: FirefoxWithExtension): Promise<Page> {
  const options = await browser.openExtensionPage('options.html');
  await fill(options, '#name', 'Jo Smith');
  await fill(options, '#role', 'Head of School');
  await fill(options, '#email', 'jo.smith@northwick.example');
  await fill(options, '#school', 'Northwick Park Primary');
  await options.click('input[name=askWhereToSave]');
  await options.click('button[type=submit]');
  await waitForText(options, 'Saved.');
  return options;
}

/** The bundle the first test exported, for the second installation to receive. */
let exportedBundle: string | undefined;

/** A date field's value, set as React hears it: typing into one depends on the browser's locale. */
async function setDate(page: Page, selector: string, value: string) {
  await page.$eval(
    selector,
    (el, date) => {
      const input = el as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, date);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

async function fill(page: Page, selector: string, value: string) {
  await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
  await page.type(selector, value);
}

/**
 * The rendered fallback's page half, as tabsAdapter.renderElement runs it, on the page's
 * #target-post in the given world. The post's box is measured from Exhibit's own world (a hostile
 * page's getBoundingClientRect can lie). Gives the box and what the render script answered, unparsed.
 */
async function renderPostIn(tabId: number, world: 'ISOLATED' | 'MAIN') {
  const extensionPage = await firefox.openExtensionPage('dashboard.html');
  const answer = await extensionPage.evaluate(
    async (tabId, world) => {
      const api = (
        globalThis as unknown as {
          browser: { scripting: { executeScript(o: object): Promise<{ result: unknown }[]> } };
        }
      ).browser;
      const [measured] = await api.scripting.executeScript({
        target: { tabId },
        func: () => {
          const box = document.getElementById('target-post')!.getBoundingClientRect();
          return { x: box.left + scrollX, y: box.top + scrollY, width: box.width, height: box.height };
        },
      });
      const region = measured!.result as { x: number; y: number; width: number; height: number };
      await api.scripting.executeScript({
        target: { tabId },
        world,
        func: (r: object) => void ((globalThis as { exhibitRenderRegion?: object }).exhibitRenderRegion = r),
        args: [region],
      });
      const [result] = await api.scripting.executeScript({ target: { tabId }, world, files: ['/render-element.js'] });
      return { region, outcome: result?.result };
    },
    tabId,
    world,
  );
  await extensionPage.close();
  return answer;
}

describe('Exhibit in Firefox', () => {
  it('captures a post, stores it and exports a bundle that verifies', async () => {
    const options = await saveProfileIn(firefox);

    const post = await firefox.browser.newPage();
    const postUrl = `${server.origin}/post.html`;
    await post.goto(postUrl);
    const tabId = await options.evaluate(async (url) => {
      const api = (
        globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }
      ).browser;
      return (await api.tabs.query({})).find((t) => t.url === url)?.id;
    }, postUrl);
    expect(tabId).toBeTypeOf('number');

    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.select('select[name=category]', 'racist-comments');
    await popup.type('#note', 'Seen on the parents’ group');
    await popup.click('button[type=submit]');
    await waitForText(popup, 'Captured');
    expect(await textOf(popup)).toMatch(/SHA-256 [0-9a-f]{12}/);

    const dashboard = await firefox.openExtensionPage('dashboard.html');
    await dashboard.waitForSelector('tbody tr');
    expect(await textOf(dashboard)).toContain('Racist comments');
    // The background marked the store persistent (granted without a prompt with unlimitedStorage):
    // never evicted, and its quota half the disk instead of 10 GiB.
    expect(await dashboard.evaluate(() => navigator.storage.persisted())).toBe(true);
    await dashboard.click('input[aria-label="Select all captures shown"]');
    await dashboard.click('.export button');
    await dashboard.waitForSelector('[data-testid=export-done]', { timeout: 30_000 });

    const bundle = await waitForBundle(firefox.downloadDir);
    exportedBundle = bundle;
    const passed = await verifyWithCli(bundle);
    expect(passed.output).toContain('PASS');
    expect(passed.code).toBe(0);

    const { entries } = await openZip(new Blob([readFileSync(bundle)]));
    const metadata = JSON.parse(
      new TextDecoder().decode(await entries.find((e) => e.path.endsWith('/metadata.json'))!.read()),
    );
    expect(metadata).toMatchObject({
      page: { url: postUrl },
      category: { id: 'racist-comments' },
      environment: { browserName: 'Firefox' },
      post: { authorName: 'A. Parent', permalink: `${server.origin}/posts/8812`, postedAtIso: '2026-06-01T07:45:00Z' },
    });
    // Firefox has no MHTML: the DOM is kept, with its base URL and scripts blocked.
    const source = new TextDecoder().decode(await entries.find((e) => e.path.endsWith('/page-source.html'))!.read());
    expect(source).toContain(`<base href="${postUrl}">`);
    expect(source).toContain(`script-src 'none'`);
    expect(source).toContain('The head teacher at Northwick Park is a liar');

    const screenshot = entries.find((e) => e.path.endsWith('/screenshot.png'))!;
    const tampered = bundle.replace(/\.zip$/, '-tampered.zip');
    writeFileSync(tampered, flipByteInEntry(readFileSync(bundle), screenshot.path));
    const failed = await verifyWithCli(tampered);
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('screenshot.png');
  });

  it('a second installation trusts the sender’s key, sees it before importing, and receives the bundle, keeping its files from the chosen file itself', async () => {
    expect(exportedBundle).toBeDefined();
    const receiving = await launchFirefoxWithExtension();
    try {
      const options = await saveProfileIn(receiving);
      const { entries } = await openZip(new Blob([readFileSync(exportedBundle!)]));
      const digest = JSON.parse(
        new TextDecoder().decode(await entries.find((e) => e.path === 'manifest.digest.json')!.read()),
      ) as { signature: { keyFingerprint: string } };
      const readableKey = readableFingerprint(digest.signature.keyFingerprint);
      // The school trusts the sender's key (given to it in person); the import says so and waits for a yes.
      await fill(options, '#trusted-name', 'Jo Smith, Northwick');
      await fill(options, '#trusted-fingerprint', readableKey);
      await options.click('xpath///button[text()="Add trusted sender"]');
      await waitForText(options, readableKey);
      const dashboard = await receiving.openExtensionPage('dashboard.html');
      const chooser = await dashboard.waitForSelector('section.import input[type="file"]');
      await chooser!.uploadFile(exportedBundle!);
      await waitForText(dashboard, 'This is a trusted sender: Jo Smith, Northwick.', 30_000);
      expect(await dashboard.$eval('[data-testid="import-sender-key"]', (el) => el.textContent)).toBe(readableKey);
      expect(await dashboard.$$eval('tbody tr[data-capture-id]', (rows) => rows.length)).toBe(0); // nothing stored before the yes
      await dashboard.click('xpath///button[text()="Import"]');
      await waitForText(
        dashboard,
        `Imported 1 capture(s), received from the installation whose key is ${readableKey}.`,
        30_000,
      );
      // The message comes from the import; the row from the list's live query, which may follow it.
      const openCapture = await dashboard.waitForSelector('tbody tr button[aria-label^="Open capture of"]');
      await openCapture!.click();
      await waitForText(dashboard, 'received from');
      const sent = decodePng(await entries.find((e) => e.path.endsWith('/screenshot.png'))!.read());
      const shown = await dashboard.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('img.capture-image');
        return img && img.naturalWidth > 0 ? [img.naturalWidth, img.naturalHeight] : undefined;
      });
      expect(await shown.jsonValue()).toEqual([sent.width, sent.height]);
    } finally {
      await receiving.close();
    }
  });

  it('an open dashboard lists a capture the background stores without being reloaded', async () => {
    const dashboard = await firefox.openExtensionPage('dashboard.html');
    await dashboard.waitForSelector('tbody tr');
    const before = await dashboard.$$eval('tbody tr', (rows) => rows.length);
    const { page, tabId } = await openFixture('post.html');
    const popup = await startCapture(tabId, 'visible');
    await waitForText(popup, 'Captured');
    await dashboard.waitForFunction(
      (n) => document.querySelectorAll('tbody tr').length === n + 1,
      { timeout: 5_000 },
      before,
    );
    await Promise.all([popup.close(), page.close(), dashboard.close()]);
  });

  it('full page: one tabs.captureTab of the whole tall page', async () => {
    const { page, tabId } = await openFixture('tall.html');
    await page.evaluate(() => window.scrollTo(0, 777));
    const popup = await startCapture(tabId, 'full-page');
    await waitForText(popup, 'Captured', 30_000);
    const { metadata, files } = await newestCapture(popup);
    expect(metadata.artefacts[0]).toMatchObject({
      kind: 'full-page',
      fileName: 'full-page.png',
      method: 'tabs.captureTab',
    });
    const png = decodePng(files['full-page.png']!);
    const [width, height, scrollY] = (await page.evaluate(() => [
      window.innerWidth,
      document.documentElement.scrollHeight,
      window.scrollY,
    ])) as [number, number, number];
    expect([png.width, png.height]).toEqual([width, height]);
    expect(scrollY).toBe(777);
    expect(png.rgba(width - 300, 10).slice(0, 3)).toEqual([255, 0, 255]); // the sticky header, at the top
    expect(png.rgba(10, 60 + 9 * 500 + 250).slice(0, 3)).toEqual([20, 90, 160]); // the last band
  });

  it('this post: picked on the page and cropped from the visible tab', async () => {
    const { page, tabId } = await openFixture('feed.html');
    const popup = await startCapture(tabId, 'element');
    await page.waitForFunction(() =>
      document.documentElement.innerText.includes('Exhibit: click the post to capture it'),
    );
    const box = (await (await page.$('#target-post'))!.boundingBox())!;
    await page.mouse.move(box.x + 50, box.y + 80);
    await page.mouse.click(box.x + 50, box.y + 80);
    await waitForText(popup, 'Captured');
    const { metadata, files } = await newestCapture(popup);
    expect(metadata.artefacts[0]).toMatchObject({ kind: 'element', method: 'cropped-from-screenshot' });
    expect(metadata.post).toMatchObject({ authorName: 'B. Parent', permalink: `${server.origin}/posts/101` });
    const crop = decodePng(files['element.png']!);
    const context = decodePng(files['screenshot.png']!);
    expect([crop.width, crop.height]).toEqual([
      Math.round(box.x + box.width) - Math.round(box.x),
      Math.round(box.y + box.height) - Math.round(box.y),
    ]);
    const left = Math.round(box.x);
    const top = Math.round(box.y);
    let mismatches = 0;
    for (let y = 0; y < crop.height; y += 3)
      for (let x = 0; x < crop.width; x += 3)
        if (crop.rgba(x, y).some((v, i) => Math.abs(v - context.rgba(left + x, top + y)[i]!) > 2)) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('rendered fallback: html2canvas is refused in the content script world, so the page world draws the element', async () => {
    // As in Chromium: the browser cannot be made to refuse pixels in a test, so the fallback's page
    // half runs for real, as tabsAdapter.renderElement runs it, on the post's box.
    const { page, tabId } = await openFixture('feed.html');
    const isolated = await renderPostIn(tabId, 'ISOLATED');
    expect(isolated.outcome).toMatchObject({ ok: false, message: expect.stringMatching(/^SecurityError/) });
    const { outcome, region } = await renderPostIn(tabId, 'MAIN');
    await page.close();
    const main = RenderOutcomeSchema.parse(outcome);
    expect(main.ok, main.ok ? '' : main.message).toBe(true);
    const png = decodePng(new Uint8Array(Buffer.from(main.ok ? main.dataUrl.split(',')[1]! : '', 'base64')));
    expect(png.width).toBeCloseTo(region.width, -1);
    expect(png.height).toBeCloseTo(region.height, -1);
    expect(png.rgba(6, 40).slice(0, 3)).toEqual([255, 247, 214]);
  });

  it('a page that replaces Date, JSON, Array methods and the title, text, size and location getters in its own world changes nothing recorded; a rendering drawn in its world is its own (issue #15)', async () => {
    const { page, tabId } = await openFixture('hostile.html');
    const before = Date.now();
    const popup = await startCapture(tabId, 'visible');
    await waitForText(popup, 'Captured');
    const { metadata, files } = await newestCapture(popup);
    expectHonestRecord(metadata as unknown as HonestFields, files, `${server.origin}/hostile.html`, before);
    await popup.close();

    // The fallback's page half, as tabsAdapter.renderElement runs it: refused in Exhibit's world; in
    // the page's world the answer is the page's to give: here no answer Exhibit can read (the adapter
    // refuses it), and on a page that only replaces the canvas's toDataURL, a drawing of its choosing.
    // Which is why such a rendering is labelled html2canvas-page-world (tests/unit/capture/captureModes.test.ts).
    expect((await renderPostIn(tabId, 'ISOLATED')).outcome).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^SecurityError/),
    });
    expect(RenderOutcomeSchema.safeParse((await renderPostIn(tabId, 'MAIN')).outcome).success).toBe(false);
    await page.close();
    const canvasOnly = await openFixture('hostile.html?only=canvas');
    const drawn = RenderOutcomeSchema.parse((await renderPostIn(canvasOnly.tabId, 'MAIN')).outcome);
    expect(drawn.ok && decodePng(new Uint8Array(Buffer.from(drawn.dataUrl.split(',')[1]!, 'base64'))).width).toBe(1); // the page's 1 × 1 px, not the post
    await canvasOnly.page.close();
  });

  it('answers a logged subject access request with a pack that verifies, and erases a capture only once its hold is released, leaving nothing of it (issue #18)', async () => {
    const school = await launchFirefoxWithExtension();
    try {
      await saveProfileIn(school);
      const { page, tabId } = await openFixture('post.html', school);
      const popup = await startCapture(tabId, 'visible', school);
      await waitForText(popup, 'Captured');
      await Promise.all([popup.close(), page.close()]);

      const dashboard = await school.openExtensionPage('dashboard.html#tab=people');
      const logForm = 'form[aria-label="Log a subject access request"]';
      await fill(dashboard, `${logForm} input[type=text]`, 'A. Parent');
      await setDate(dashboard, `${logForm} input[type=date]`, '2026-11-30');
      await dashboard.click(`${logForm} button[type=submit]`);
      await waitForText(dashboard, '2026-12-30');
      await dashboard.click('xpath///button[text()="Find and make the pack"]');
      await waitForText(dashboard, 'Found in 1 capture(s) and 0 case(s) for “a parent”.');
      await waitForText(dashboard, 'Answers the request from A. Parent received 2026-11-30, due by 2026-12-30.');
      await dashboard.click('form[aria-label="Subject access pack"] button[type=submit]');
      await dashboard.waitForSelector('[data-testid=pack-done]', { timeout: 30_000 });
      await waitForText(dashboard, 'No request is waiting for a reply.');
      const pack = await waitForBundle(school.downloadDir);
      expect(pack).toMatch(/exhibit-sar-/);
      const verified = await verifyWithCli(pack);
      expect(verified.output).toContain('PASS');
      expect(verified.code).toBe(0);

      // On legal hold, the capture cannot be erased; released, it can, and nothing of it stays.
      const detail = await school.openExtensionPage('dashboard.html');
      const openCapture = await detail.waitForSelector('tbody tr button[aria-label^="Open capture of"]');
      await openCapture!.click();
      await fill(detail, 'input[aria-label="Why it is placed on hold"]', 'Police referral');
      await detail.click('xpath///button[text()="Place on legal hold"]');
      await waitForText(detail, 'On legal hold since');
      await detail.click('details.erasure summary');
      await waitForText(detail, 'This capture is on legal hold: it cannot be erased until the hold is released.');
      await fill(detail, 'input[aria-label="Why the hold is released"]', 'Police closed it');
      await detail.click('xpath///button[text()="Release the hold"]');
      await waitForText(detail, 'Not on legal hold.');
      // Closed and opened again, it reads the capture afresh.
      await detail.click('details.erasure summary');
      await detail.click('details.erasure summary');
      const erasureForm = 'details.erasure form';
      await detail.waitForSelector(erasureForm);
      await fill(detail, `${erasureForm} input[required]:not([autocomplete])`, 'Reviewed: nothing came of it');
      await fill(detail, `${erasureForm} input[autocomplete=off]`, 'JS/1');
      await detail.click(`${erasureForm} button[type=submit]`);
      await waitForText(detail, 'Erased. The audit log keeps a record of the erasure');
      const stored = await everyStoredRow(detail);
      expect(stored).not.toContain(`${server.origin}/posts/8812`);
      expect(stored).not.toContain('The head teacher at Northwick Park is a liar');
      expect(stored).toContain('subject-access.exported'); // the record of the request answered stays
    } finally {
      await school.close();
    }
  });

  it('lists captures at their review date; one is kept until a later day with a reason, the other erased from the list (issue #18)', async () => {
    const school = await launchFirefoxWithExtension();
    try {
      await saveProfileIn(school);
      for (const fixture of ['post.html', 'feed.html']) {
        const { page, tabId } = await openFixture(fixture, school);
        const popup = await startCapture(tabId, 'visible', school);
        await waitForText(popup, 'Captured');
        await Promise.all([popup.close(), page.close()]);
      }
      // Firefox runs no test script before an extension page's own, so the page's clock cannot be
      // moved on as in Chromium: the two captures' rows are dated thirteen months back instead.
      const dashboard = await school.openExtensionPage('dashboard.html#tab=review');
      await waitForText(dashboard, 'Nothing has reached its review date.');
      await dashboard.evaluate(async (back: number) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('exhibit');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(new Error('no database'));
        });
        const store = db.transaction('captures', 'readwrite').objectStore('captures');
        const rows = await new Promise<{ capturedAtUtc: string }[]>((resolve) => {
          const request = store.getAll();
          request.onsuccess = () => resolve(request.result as { capturedAtUtc: string }[]);
        });
        for (const row of rows)
          store.put({ ...row, capturedAtUtc: new Date(Date.parse(row.capturedAtUtc) - back).toISOString() });
        db.close();
      }, 396 * 86_400_000);
      const due = await school.openExtensionPage('dashboard.html#tab=review');
      await waitForText(due, 'Capture never filed in a case, taken');
      expect(await due.$$eval('section[aria-label="Review due"] tbody tr', (rows) => rows.length)).toBe(2);

      const keepUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await setDate(due, 'form[aria-label^="Keep "] input[type=date]', keepUntil);
      await fill(due, 'form[aria-label^="Keep "] input[type=text]', 'Pattern of posts still being looked at');
      await due.click('form[aria-label^="Keep "] button[type=submit]');
      await due.waitForFunction(
        () => document.querySelectorAll('section[aria-label="Review due"] tbody tr').length === 1,
      );
      const reference = await due.$eval(
        'section[aria-label="Review due"] tbody tr a',
        (a) => /^(JS\/\d+):/.exec(a.textContent)?.[1],
      );
      await due.click('details.erasure summary');
      await due.waitForSelector('details.erasure form');
      await fill(due, 'details.erasure form input[required]:not([autocomplete])', 'Twelve months unfiled');
      await fill(due, 'details.erasure form input[autocomplete=off]', reference ?? '');
      await due.click('details.erasure form button[type=submit]');
      await waitForText(due, 'Nothing has reached its review date.');
    } finally {
      await school.close();
    }
  });

  it('time-stamps a capture with the school’s authority, shows it, and exports a bundle whose tokens verify (issue #20)', async () => {
    const tsa = await startLocalTsa();
    const school = await launchFirefoxWithExtension();
    try {
      const options = await saveProfileIn(school);
      await fill(options, '#tsa-url', tsa.url);
      await fill(options, '#tsa-certificate', readFileSync(join(tsa.dir, 'root.crt'), 'utf8'));
      await options.$$eval('button', (buttons) =>
        buttons.find((b) => b.textContent.trim() === 'Add authority')?.click(),
      );
      await waitForText(options, tsa.url);
      // A real click: Firefox grants host access only in answer to a person's input.
      await options.click('#timestamps-enabled');
      await options.waitForFunction(
        () => document.querySelector<HTMLInputElement>('#timestamps-enabled')?.checked === true,
      );

      const { page, tabId } = await openFixture('post.html', school);
      const popup = await startCapture(tabId, 'visible', school);
      await waitForText(popup, 'Captured');
      await Promise.all([popup.close(), page.close()]);
      const dashboard = await school.openExtensionPage('dashboard.html');
      await dashboard.waitForSelector('tbody tr button');
      await dashboard.click('tbody tr button');
      await waitForText(dashboard, 'Trusted timestamp: CN=Exhibit Test TSA, O=Exhibit tests, C=GB attests');
      expect(tsa.queries).toHaveLength(1);

      const list = await school.openExtensionPage('dashboard.html');
      await list.waitForSelector('tbody tr');
      await list.click('input[aria-label="Select all captures shown"]');
      await list.click('.export button');
      await list.waitForSelector('[data-testid=export-done]', { timeout: 30_000 });
      expect(await list.$eval('[data-testid=export-done]', (el) => el.textContent)).toMatch(
        /CN=Exhibit Test TSA, O=Exhibit tests, C=GB time-stamped it at /,
      );
      const bundle = await waitForBundle(school.downloadDir);
      const passed = await verifyWithCli(bundle);
      expect(passed.code).toBe(0);
      expect(passed.output).toMatch(/Trusted timestamp — captures\/001-[A-Z]+-1: captured .+; CN=Exhibit Test TSA/);
      expect(passed.output).toMatch(/Trusted timestamp of the export — /);
      // The cover sheet to sign: the key, the manifest's SHA-256 and the attested export time, checked.
      expect(passed.output).toMatch(
        /Together: the key [0-9a-f ]+ signed manifest\.json \(SHA-256 [0-9a-f]{64}\), which CN=Exhibit Test TSA/,
      );
      const { entries } = await openZip(new Blob([readFileSync(bundle)]));
      const cover = new TextDecoder().decode(await entries.find((e) => e.path === 'cover.txt')!.read());
      expect(cover).toMatch(/^Trusted timestamp of the export: \d{4}-.+ by CN=Exhibit Test TSA/m);
    } finally {
      await school.close();
      await tsa.close();
    }
  });
});
