import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readableFingerprint } from '@/lib/bundle/signing';
import { openZip } from '@/lib/bundle/zipReader';
import { pngSize } from '@/lib/capture/png';
import { decodePng } from './support/png';
import { sha256Hex } from '@/lib/hash';
import {
  launchWithExtension,
  listTabs,
  openTab,
  saveProfile,
  VIEWPORT,
  type ExtensionBrowser,
} from './support/chromium';
import { accessibilityProblems } from './support/axe';
import { flipByteInEntry, verifyWithCli, waitForBundle } from './support/bundleFiles';
import { rezip } from '../unit/bundle/zipFixtures';
import { closeAll, startFixtureServer } from './support/fixtureServer';
import { turnOnTimestamps } from './support/timestamping';
import { startLocalTsa, type LocalTsa } from '../unit/timestamp/localTsa';

const ARTIFACT = 'tests/e2e/artifacts/last-bundle.zip';
const fingerprintOf = (cliOutput: string) =>
  cliOutput.match(/fingerprint ((?:[0-9a-f]{4} ){15}[0-9a-f]{4})/)![1]!.replace(/ /g, '');
let browser: ExtensionBrowser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

const extensionPage = async (path: string) => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
};

async function captureThroughPopup(tabId: number, note: string): Promise<Page> {
  const popup = await extensionPage(`popup.html?tabId=${tabId}`);
  await popup.getByLabel('Policy category (required)').selectOption('defamation');
  await popup.getByLabel('Note').fill(note);
  await popup.getByLabel('Post author / profile name (if known)').fill('A. Parent');
  await popup.getByRole('button', { name: 'Capture' }).click();
  return popup;
}

const requested: string[] = [];
// The school's time-stamp authority (issue #20): last-bundle.zip is exported with timestamps on.
let tsa: LocalTsa;

beforeAll(async () => {
  [server, tsa] = await Promise.all([startFixtureServer(), startLocalTsa()]);
  browser = await launchWithExtension();
  browser.context.on('request', (request) => void requested.push(request.url()));
});
afterAll(() => closeAll(browser, server, tsa));

describe('Exhibit in Chromium', () => {
  it('points a new user to the options before the first capture', async () => {
    const popup = await extensionPage('popup.html');
    await popup.getByText('Before your first capture').waitFor();
    expect(await popup.getByRole('button', { name: 'Open options' }).isVisible()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Capture' }).count()).toBe(0);
    expect(await accessibilityProblems(popup)).toEqual([]);
    await popup.close();
  });

  it('saves the staff member’s details in the options page, refusing an incomplete form', async () => {
    const options = await extensionPage('options.html');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByRole('alert').waitFor();
    expect(await options.getByRole('alert').textContent()).toContain('Enter your name.');
    // Each field says its own problem, and the first one to put right has the focus.
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('name');
    expect(await options.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    expect(
      await options.evaluate(
        () => document.getElementById(document.getElementById('name')!.getAttribute('aria-describedby')!)?.textContent,
      ),
    ).toBe('Enter your name.');
    expect(await accessibilityProblems(options)).toEqual([]);
    await options.getByLabel('Your name').fill('Jo Smith');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('Enter your role.').first().waitFor();
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('role');
    expect(await options.getByLabel('Your name').getAttribute('aria-invalid')).toBeNull();
    await options.close();
    await saveProfile(browser);
    const timestamps = await extensionPage('options.html');
    await turnOnTimestamps(timestamps, tsa);
    await timestamps.close();
  });

  it('may fill the free disk with evidence: unlimitedStorage lifts the quota (and exempts the store from eviction)', async () => {
    const dashboard = await extensionPage('dashboard.html');
    const { quota } = await dashboard.evaluate(() => navigator.storage.estimate());
    const disk = statfsSync(tmpdir()); // the test profile lives there
    // Without the permission Chromium gave 10 GB of an 84 GB free disk; with it, all of it.
    expect(quota).toBeGreaterThan(0.9 * disk.bavail * disk.bsize);
    await dashboard.close();
  });

  it('refuses a page the browser forbids, in plain words', async () => {
    const forbidden = await browser.context.newPage();
    await forbidden.goto('chrome://version');
    // The browser hides a chrome:// tab's URL from extensions, so find it as the newest tab without one.
    const tabId = (await listTabs(browser.worker)).filter((t) => !t.url).at(-1)?.id;
    const popup = await captureThroughPopup(tabId!, 'should not be saved');
    await popup.getByRole('alert').waitFor();
    expect(await popup.getByRole('alert').textContent()).toContain('does not let extensions capture this page');
    await Promise.all([popup.close(), forbidden.close()]);
  });

  it('captures a post, exports a bundle that verifies, and detects a flipped byte', async () => {
    const postUrl = `${server.origin}/post.html`;
    const { page: post, tabId } = await openTab(browser, postUrl);
    await post.locator('#post-text').selectText();
    const popup = await captureThroughPopup(tabId, 'Seen by the office at 9am <img src=x onerror=alert(1)>');
    await popup.getByRole('heading', { name: 'Captured' }).waitFor({ timeout: 20_000 });
    expect(await popup.getByTestId('short-hash').textContent()).toMatch(/^[0-9a-f]{12}$/);
    expect(await popup.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await accessibilityProblems(popup)).toEqual([]);

    const dashboard = await extensionPage('dashboard.html');
    const row = dashboard.locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('Defamatory statements');
    expect(await row.first().textContent()).toContain('127.0.0.1');
    expect(await accessibilityProblems(dashboard)).toEqual([]);
    // The list's search and filters read the store's indexes (issue #17): a word of the note finds
    // the capture, another word or category does not, and clearing brings it back.
    const search = dashboard.getByLabel('Search captures');
    await search.fill('OFFIC');
    await dashboard.locator('table[data-results-for="OFFIC"][aria-busy="false"] tbody tr').waitFor();
    await search.fill('reception');
    await dashboard.getByText('No capture matches these filters.').waitFor();
    await search.fill('');
    await dashboard.getByLabel('Category').selectOption('threats');
    await dashboard.getByText('No capture matches these filters.').waitFor();
    await dashboard.getByLabel('Category').selectOption('');
    await dashboard.getByLabel('Site').selectOption('127.0.0.1');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await accessibilityProblems(dashboard)).toEqual([]);

    await dashboard.getByRole('button', { name: /Open capture of Village Parents Group/ }).click();
    // Its trusted timestamp, asked for after it was stored (issue #20), is in before the export.
    await dashboard
      .getByTestId('timestamp-status')
      .getByText(/ attests /)
      .waitFor({ timeout: 20_000 });
    await dashboard.getByLabel('Note').fill('Reported to the head at 10am');
    await dashboard.getByRole('button', { name: 'Save changes' }).click();
    await dashboard.getByText(/changed the note from “Seen by the office/).waitFor();
    expect(await accessibilityProblems(dashboard)).toEqual([]);
    // A redacted copy: one box dragged over the post's top-left corner.
    const canvas = dashboard.getByTestId('redaction-canvas');
    await canvas.locator('img').waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const shown = (await canvas.boundingBox())!;
    const scale = await canvas.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth / img.clientWidth);
    await dashboard.mouse.move(shown.x + 20, shown.y + 20);
    await dashboard.mouse.down();
    await dashboard.mouse.move(shown.x + 120, shown.y + 70, { steps: 5 });
    await dashboard.mouse.up();
    await dashboard.getByRole('button', { name: 'Save redacted copy (1 box)' }).click();
    await dashboard.getByTestId('redacted-copy').waitFor();
    const redactedSpot = { x: Math.round(70 * scale), y: Math.round(45 * scale) };
    await dashboard.getByRole('button', { name: 'Back to list' }).click();

    await dashboard.getByLabel('Select all captures shown').check();
    await dashboard.getByRole('button', { name: 'Export 1 selected as bundle' }).click();
    await dashboard.getByTestId('export-done').waitFor({ timeout: 30_000 });
    const downloaded = await waitForBundle(browser.downloadDir);
    expect(downloaded).toMatch(/exhibit-northwick-park-primary-\d{8}T\d{6}Z-[0-9a-f]{8}\.zip$/);
    mkdirSync(dirname(ARTIFACT), { recursive: true });
    copyFileSync(downloaded, ARTIFACT);

    const passed = await verifyWithCli(ARTIFACT);
    expect(passed.output).toContain('PASS');
    expect(passed.code).toBe(0);
    // Exported with trusted timestamps on: the capture's token and the export's, checked (issue #20).
    expect(passed.output).toMatch(/Trusted timestamp — captures\/001-[A-Z]+-1: captured .+; CN=Exhibit Test TSA/);
    expect(passed.output).toMatch(/Trusted timestamp of the export — /);
    // Signed by this installation's key, whose fingerprint the options page shows.
    const options = await extensionPage('options.html');
    const fingerprint = await options.getByTestId('key-fingerprint').textContent();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(passed.output).toContain(`fingerprint ${readableFingerprint(fingerprint!)}`);
    await options.close();

    // The stored PNG is the browser's own pixels at the tab's full size.
    const { entries } = await openZip(new Blob([readFileSync(ARTIFACT)]));
    const screenshotEntry = entries.find((e) => e.path.endsWith('/screenshot.png'))!;
    expect(await pngSize(new Blob([await screenshotEntry.read()]))).toEqual(VIEWPORT);
    // Its presentation copy: the same pixels, untouched, with a caption band beneath.
    const original = decodePng(await screenshotEntry.read());
    const presentation = decodePng(await entries.find((e) => e.path.endsWith('/presentation-screenshot.png'))!.read());
    expect(presentation.width).toBe(VIEWPORT.width);
    expect(presentation.height).toBeGreaterThan(VIEWPORT.height + 40);
    for (const [x, y] of [
      [2, 2],
      [640, 100],
      [1270, 700],
      [5, VIEWPORT.height - 1],
    ] as const)
      expect(presentation.rgba(x, y), `${x},${y}`).toEqual(original.rgba(x, y));
    expect(presentation.rgba(VIEWPORT.width - 5, presentation.height - 3).slice(0, 3)).toEqual([255, 255, 255]);
    // The redacted copy sits beside the original: black inside the box, the original's pixels elsewhere.
    const redacted = decodePng(await entries.find((e) => e.path.endsWith('/redacted-screenshot.png'))!.read());
    expect(redacted.rgba(redactedSpot.x, redactedSpot.y).slice(0, 3)).toEqual([0, 0, 0]);
    expect(original.rgba(redactedSpot.x, redactedSpot.y).slice(0, 3)).not.toEqual([0, 0, 0]);
    expect(redacted.rgba(1000, 600)).toEqual(original.rgba(1000, 600));
    const metadata = JSON.parse(
      new TextDecoder().decode(await entries.find((e) => e.path.endsWith('/metadata.json'))!.read()),
    );
    expect(metadata).toMatchObject({
      page: { url: postUrl, title: 'Village Parents Group <script>alert("title")</script>', viewport: VIEWPORT },
      capturedBy: { name: 'Jo Smith' },
    });
    expect(metadata.page.selectedText).toContain('The head teacher at Northwick Park is a liar');
    // Post details read from the page, and the page source kept as MHTML, hashed in the manifest.
    expect(metadata.post).toMatchObject({
      authorName: 'A. Parent',
      authorProfileUrl: `${server.origin}/profile/a.parent`,
      permalink: `${server.origin}/posts/8812`,
      postedAtText: '1 June at 08:45',
      postedAtIso: '2026-06-01T07:45:00Z',
    });
    const mhtml = entries.find((e) => e.path.endsWith('/page.mhtml'))!;
    const mhtmlText = new TextDecoder().decode(await mhtml.read());
    expect(mhtmlText).toContain(`Snapshot-Content-Location: ${postUrl}`);
    const manifest = JSON.parse(
      new TextDecoder().decode(await entries.find((e) => e.path === 'manifest.json')!.read()),
    );
    expect(manifest.files.find((f: { path: string }) => f.path === mhtml.path)).toMatchObject({
      mimeType: 'multipart/related',
      sha256: sha256Hex(await mhtml.read()),
    });
    const report = new TextDecoder().decode(await entries.find((e) => e.path === 'report.html')!.read());
    expect(report).toContain('Village Parents Group &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(report).toContain('Reported to the head at 10am');
    expect(report).not.toMatch(/<script/i);
    // report.pdf: the same report, made in the page with jsPDF and the packaged fonts, images as JPEG renditions.
    const pdf = await getDocument({
      data: await entries.find((e) => e.path === 'report.pdf')!.read(),
      isEvalSupported: false,
    }).promise;
    let pdfText = '';
    for (let n = 1; n <= pdf.numPages; n++)
      pdfText += (await (await pdf.getPage(n)).getTextContent()).items
        .map((item) => ('str' in item ? item.str : ''))
        .join('');
    const squeezed = pdfText.replace(/\s+/g, '');
    for (const shown of [
      postUrl,
      'Reported to the head at 10am',
      metadata.capturedAtUtc,
      'A. Parent',
      fingerprintOf(passed.output),
    ])
      expect(squeezed).toContain(shown.replace(/\s+/g, ''));
    expect(pdf.numPages).toBeGreaterThanOrEqual(2);

    const tamperedPath = join(mkdtempSync(join(tmpdir(), 'exhibit-tampered-')), 'tampered.zip');
    writeFileSync(tamperedPath, flipByteInEntry(readFileSync(ARTIFACT), screenshotEntry.path));
    const failed = await verifyWithCli(tamperedPath);
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('FAIL');
    expect(failed.output).toContain('screenshot.png');

    // The dashboard runs the same verifier on a chosen zip.
    await dashboard.getByLabel('Choose a bundle to check').setInputFiles(ARTIFACT);
    await expect(dashboard.getByTestId('verify-result').textContent()).resolves.toContain('PASS');
    await dashboard.getByLabel('Choose a bundle to check').setInputFiles(tamperedPath);
    await dashboard.getByText(/FAIL — tampered\.zip/).waitFor();
  });

  it('opens the unzipped report offline with its images and no scripts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exhibit-unzipped-'));
    const { entries } = await openZip(new Blob([readFileSync(ARTIFACT)]));
    for (const entry of entries) {
      mkdirSync(dirname(join(dir, entry.path)), { recursive: true });
      writeFileSync(join(dir, entry.path), await entry.read());
    }
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await page.goto(`file://${join(dir, 'report.html')}`);
    await page.waitForLoadState('load');
    const widths = await page
      .locator('img')
      .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    expect(widths).toEqual([VIEWPORT.width, VIEWPORT.width]); // the presentation copy and the redacted copy
    expect(dialogs).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Evidence report');
    expect(await accessibilityProblems(page)).toEqual([]);
    // verify.html, opened from the unzipped folder, checks the zip and the folder with no network.
    const verifyPage = await browser.context.newPage();
    await verifyPage.goto(`file://${join(dir, 'verify.html')}`);
    await verifyPage.locator('#zip').setInputFiles(ARTIFACT);
    await verifyPage.getByRole('heading', { name: /^PASS — last-bundle\.zip$/ }).waitFor();
    expect(await accessibilityProblems(verifyPage)).toEqual([]);
    expect(await verifyPage.locator('#result').textContent()).toContain('signed by the key with fingerprint');
    await verifyPage.locator('#folder').setInputFiles(dir);
    await verifyPage.getByRole('heading', { name: /^PASS — exhibit-unzipped-/ }).waitFor();
    // The same folder after Finder has looked at it passes too, in verify.html and the CLI, naming what it set aside.
    writeFileSync(
      join(dir, '.DS_Store'),
      Buffer.concat([Buffer.from([0, 0, 0, 1]), Buffer.from('Bud1'), Buffer.alloc(24)]),
    ); // what Finder writes begins so
    await verifyPage.locator('#folder').setInputFiles(dir);
    await verifyPage
      .getByText('Set aside, as made by the operating system and not part of the bundle: .DS_Store.')
      .waitFor();
    expect(await verifyPage.getByRole('heading', { name: /^PASS — exhibit-unzipped-/ }).isVisible()).toBe(true);
    const folderByCli = await verifyWithCli(dir);
    expect(folderByCli.code).toBe(0);
    expect(folderByCli.output).toMatch(
      /^PASS — [\s\S]*Set aside, as made by the operating system and not part of the bundle: \.DS_Store\./,
    );
    const dashboard = await extensionPage('dashboard.html');
    await dashboard.getByLabel('Choose an unzipped bundle folder to check').setInputFiles(dir);
    const verdict = dashboard.getByTestId('verify-result');
    await verdict.getByText(/^PASS — exhibit-unzipped-/).waitFor();
    expect(await verdict.textContent()).toContain(
      'Set aside, as made by the operating system and not part of the bundle: .DS_Store.',
    );
    await dashboard.close();
    await verifyPage.locator('#zip').setInputFiles({
      name: 'tampered.zip',
      mimeType: 'application/zip',
      buffer: flipByteInEntry(readFileSync(ARTIFACT), entries.find((e) => e.path.endsWith('/screenshot.png'))!.path),
    });
    await verifyPage.getByRole('heading', { name: /^FAIL — tampered\.zip/ }).waitFor();
    expect(await verifyPage.locator('#result').textContent()).toContain('screenshot.png');
    // A removed file and an added file fail too, in verify.html and in the CLI.
    const bundleBlob = new Blob([readFileSync(ARTIFACT)]);
    const spoilt = {
      'removed.zip': await rezip(bundleBlob, (files) => void files.delete('report.pdf')),
      'added.zip': await rezip(
        bundleBlob,
        (files) => void files.set('captures/extra.png', new TextEncoder().encode('not in the manifest')),
      ),
    };
    for (const [name, zip] of Object.entries(spoilt)) {
      const buffer = Buffer.from(await zip.arrayBuffer());
      await verifyPage.locator('#zip').setInputFiles({ name, mimeType: 'application/zip', buffer });
      await verifyPage.getByRole('heading', { name: new RegExp(`^FAIL — ${name.replace('.', '\\.')}`) }).waitFor();
      expect(await verifyPage.locator('#result').textContent()).toMatch(
        name === 'removed.zip'
          ? /report\.pdf is listed in the manifest but missing/
          : /captures\/extra\.png is in the bundle but not listed/,
      );
      const path = join(dir, `../${name}`);
      writeFileSync(path, buffer);
      expect((await verifyWithCli(path)).code).toBe(1);
    }

    // SHA256SUMS is in the format coreutils checks.
    const { stdout } = await promisify(execFile)('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir });
    expect(stdout).toMatch(/manifest\.json: OK/);
    expect(stdout).toMatch(/screenshot\.png: OK/);
  });

  it('a second installation receives the bundle: refused when tampered, imported with custody once, unchanged the second time', async () => {
    const receiving = await launchWithExtension();
    try {
      await saveProfile(receiving);
      const dashboard = await receiving.context.newPage();
      await dashboard.goto(`chrome-extension://${receiving.extensionId}/dashboard.html`);
      await dashboard.getByText('No captures yet').or(dashboard.locator('tbody')).first().waitFor();
      const { entries } = await openZip(new Blob([readFileSync(ARTIFACT)]));
      const screenshotPath = entries.find((e) => e.path.endsWith('/screenshot.png'))!.path;
      const chooser = dashboard.getByLabel('Choose a bundle to import');

      await chooser.setInputFiles({
        name: 'tampered.zip',
        mimeType: 'application/zip',
        buffer: flipByteInEntry(readFileSync(ARTIFACT), screenshotPath),
      });
      const result = dashboard.getByTestId('import-result');
      await result.getByText('Not imported').waitFor({ timeout: 30_000 });
      expect(await result.textContent()).toContain('screenshot.png');
      expect(await dashboard.locator('tbody tr').count()).toBe(0);

      // Checked, then shown before anything is stored: the sender's key, not yet trusted here.
      await chooser.setInputFiles(ARTIFACT);
      const preview = dashboard.getByTestId('import-preview');
      await preview.waitFor({ timeout: 30_000 });
      const senderKey = JSON.parse(
        (await entries.find((e) => e.path === 'manifest.digest.json')!.read()).reduce(
          (text, byte) => text + String.fromCharCode(byte),
          '',
        ),
      ).signature.keyFingerprint as string;
      const readableKey = readableFingerprint(senderKey);
      expect(await preview.getByTestId('import-sender-key').textContent()).toBe(readableKey);
      expect(await preview.getByTestId('import-trust').textContent()).toMatch(
        /^This key is not on your list of trusted senders/,
      );
      expect(await accessibilityProblems(dashboard)).toEqual([]);
      await preview.getByRole('button', { name: 'Don’t import' }).click();
      await preview.waitFor({ state: 'detached' });
      expect(await dashboard.locator('tbody tr').count()).toBe(0);

      // The school adds the sender's key (as read out to it) to its trusted senders; the same bundle now says so.
      const options = await receiving.context.newPage();
      await options.goto(`chrome-extension://${receiving.extensionId}/options.html`);
      await options.getByLabel('Sender’s name').fill('Jo Smith, Northwick Park Primary');
      await options.getByLabel('Their signing key fingerprint').fill(readableKey.toUpperCase());
      await options.getByRole('button', { name: 'Add trusted sender' }).click();
      await options.getByTestId('trusted-senders').getByText(readableKey).waitFor();
      expect(await accessibilityProblems(options)).toEqual([]);
      await options.close();
      await chooser.setInputFiles(ARTIFACT);
      await preview
        .getByTestId('import-trust')
        .getByText('This is a trusted sender: Jo Smith, Northwick Park Primary.')
        .waitFor({ timeout: 30_000 });
      await preview.getByRole('button', { name: 'Import', exact: true }).click();
      await result
        .getByText(`Imported 1 capture(s), received from the installation whose key is ${readableKey}.`)
        .waitFor({ timeout: 30_000 });
      await dashboard.locator('tbody tr').first().waitFor();
      await dashboard.getByRole('button', { name: /Open capture of Village Parents Group/ }).click();
      await dashboard.getByText(/received from [0-9a-f]{64}/).waitFor();
      expect(await dashboard.getByTestId('received-from').textContent()).toContain(readableKey);
      // Stored from a slice of the bundle file: the received screenshot is the sender's, pixel for pixel in size.
      const sent = await pngSize(new Blob([await entries.find((e) => e.path === screenshotPath)!.read()]));
      const shown = dashboard.getByRole('img', { name: /^screenshot\.png of / });
      await expect
        .poll(() => shown.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
        .toEqual([sent.width, sent.height]);
      // The sender's edit came with it, from the sender's own log, and so did the sender's redacted copy.
      expect(await dashboard.getByLabel('Note').inputValue()).toBe('Reported to the head at 10am');
      expect(await dashboard.getByTestId('received-redacted-copy').textContent()).toMatch(
        /^redacted-screenshot\.png: redacted copy received with a bundle, 1 area\(s\) blacked out by Jo Smith/,
      );
      await expect
        .poll(() =>
          dashboard
            .getByRole('img', { name: 'Redacted copy of screenshot.png, received' })
            .evaluate((img: HTMLImageElement) => img.naturalWidth),
        )
        .toBe(sent.width);
      await dashboard.getByRole('button', { name: 'Back to list' }).click();

      await chooser.setInputFiles(ARTIFACT);
      await preview
        .getByText('This bundle was imported before; importing it again changes nothing.')
        .waitFor({ timeout: 30_000 });
      await preview.getByRole('button', { name: 'Import', exact: true }).click();
      await result.getByText('This bundle was imported before; nothing was changed.').waitFor({ timeout: 30_000 });
      expect(await dashboard.locator('tbody tr').count()).toBe(1);
    } finally {
      await receiving.close();
    }
  });

  it('made no network request of its own: only the fixture page and the extension’s own files were loaded', () => {
    const allowed = [
      server.origin,
      // The school's time-stamp authority, turned on in the options (issue #20); it received only digests.
      tsa.url,
      `chrome-extension://${browser.extensionId}/`,
      'blob:',
      'data:',
      'chrome://',
      'file://',
    ];
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !allowed.some((prefix) => url.startsWith(prefix)))).toEqual([]);
  });
});
