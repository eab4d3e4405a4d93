import { readFileSync } from 'node:fs';
import { TimeStampReq } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZip } from '@/lib/bundle/zipReader';
import { launchWithExtension, openTab, saveProfile, type ExtensionBrowser } from './support/chromium';
import { verifyWithCli, waitForBundle } from './support/bundleFiles';
import { startCapture } from './support/chromiumCapture';
import { closeAll, startFixtureServer } from './support/fixtureServer';
import { accessibilityProblems } from './support/axe';
import { turnOnTimestamps } from './support/timestamping';
import { newestCapture } from './support/storedCapture';
import { startLocalTsa, type LocalTsa } from '../unit/timestamp/localTsa';

// Issue #20 in Chromium: the school names a local time-stamp authority (openssl behind 127.0.0.1) in
// the options and turns timestamps on; a capture is stamped after it is stored, shown in the
// dashboard, carried in the bundle and checked by the CLI and openssl; the TSA received the
// capture's metadata digest and nothing else, and no other address was asked for anything.
let browser: ExtensionBrowser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let tsa: LocalTsa;
const requested: string[] = [];

beforeAll(async () => {
  [server, tsa] = await Promise.all([startFixtureServer(), startLocalTsa()]);
  browser = await launchWithExtension();
  browser.context.on('request', (request) => void requested.push(request.url()));
  await saveProfile(browser);
}, 60_000);
afterAll(() => closeAll(browser, server, tsa));

const extensionPage = async (path: string) => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
};

describe('trusted timestamps in Chromium (issue #20)', () => {
  it('off by default: a capture asks nothing of any address, the TSA’s included', async () => {
    const { page, tabId } = await openTab(browser, `${server.origin}/post.html`);
    const popup = await startCapture(browser, tabId, 'Visible area');
    await popup.getByRole('heading', { name: 'Captured' }).waitFor({ timeout: 20_000 });
    await Promise.all([popup.close(), page.close()]);
    const allowed = [server.origin, `chrome-extension://${browser.extensionId}/`, 'blob:', 'data:'];
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !allowed.some((prefix) => url.startsWith(prefix)))).toEqual([]);
    expect(tsa.queries).toEqual([]);
  });

  it('turned on in the options with an authority and its certificate', async () => {
    const options = await extensionPage('options.html');
    const enable = options.getByLabel('Time-stamp each capture (only its digest leaves this computer)');
    expect(await enable.isChecked()).toBe(false);
    // Turning on with no authority named says what is missing, and stays off.
    await enable.click();
    await options.getByText('Name at least one time-stamp authority before turning timestamps on.').waitFor();
    expect(await enable.isChecked()).toBe(false);
    await turnOnTimestamps(options, tsa);
    expect(await enable.isChecked()).toBe(true);
    expect(await accessibilityProblems(options)).toEqual([]);
    await options.close();
  });

  it('a capture is stamped after it is stored, shown in the dashboard, and carried in a bundle that verifies', async () => {
    const { page, tabId } = await openTab(browser, `${server.origin}/post.html`);
    const popup = await startCapture(browser, tabId, 'Visible area');
    await popup.getByRole('heading', { name: 'Captured' }).waitFor({ timeout: 20_000 });
    const { metadata } = await newestCapture(popup);
    await Promise.all([popup.close(), page.close()]);

    const dashboard = await extensionPage('dashboard.html');
    await dashboard
      .getByRole('button', { name: /^Open capture of / })
      .first()
      .click();
    const status = dashboard.getByTestId('timestamp-status');
    await status
      .getByText(/^Trusted timestamp: CN=Exhibit Test TSA, O=Exhibit tests, C=GB attests \d{4}-/)
      .waitFor({ timeout: 20_000 });
    await dashboard.getByText(/had its metadata time-stamped by CN=Exhibit Test TSA/).waitFor();
    expect(await accessibilityProblems(dashboard)).toEqual([]);

    // The TSA received one query so far: a TimeStampReq whose only data is the capture's metadata digest.
    expect(tsa.queries).toHaveLength(1);
    const query = TimeStampReq.fromBER(Uint8Array.from(tsa.queries[0]!).buffer);
    const imprint = Buffer.from(query.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex');
    const created = await dashboard.evaluate(async (id) => {
      const request = indexedDB.open('exhibit');
      const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
      const entries = await new Promise<{ event: { action: string; captureId?: string; metadataSha256?: string } }[]>(
        (resolve) => {
          const all = db.transaction('audit').objectStore('audit').getAll();
          all.onsuccess = () => resolve(all.result as never);
        },
      );
      db.close();
      return entries.find((e) => e.event.action === 'capture.created' && e.event.captureId === id)?.event
        .metadataSha256;
    }, metadata.id);
    expect(imprint).toBe(created);
    expect(query.toJSON()).not.toHaveProperty('extensions');

    await dashboard.getByRole('button', { name: 'Back to list' }).click();
    await dashboard.getByLabel('Select all captures shown').check();
    // Both captures: the first, taken while timestamps were off, carries none.
    await dashboard.getByRole('button', { name: 'Export 2 selected as bundle' }).click();
    await dashboard.getByTestId('export-done').waitFor({ timeout: 30_000 });
    expect(await dashboard.getByTestId('export-done').textContent()).toMatch(
      /CN=Exhibit Test TSA, O=Exhibit tests, C=GB time-stamped it at \d{4}-/,
    );
    const downloaded = await waitForBundle(browser.downloadDir);
    const verdict = await verifyWithCli(downloaded);
    expect(verdict.code).toBe(0);
    expect(verdict.output).toMatch(/Trusted timestamp of the export — exported .+ attests manifest\.json at /);
    expect(verdict.output).toMatch(
      /Together: the key [0-9a-f ]+ signed manifest\.json \(SHA-256 [0-9a-f]{64}\), which CN=Exhibit Test TSA/,
    );
    expect(verdict.output).not.toMatch(/Trusted timestamp — captures\/001-/);
    expect(verdict.output).toMatch(
      /Trusted timestamp — captures\/002-[A-Z]+-2: captured .+ by its own clock; CN=Exhibit Test TSA, O=Exhibit tests, C=GB attests /,
    );

    const { entries } = await openZip(new Blob([readFileSync(downloaded)]));
    const token = entries.find((e) => e.path.endsWith('/timestamp.tsr'))!;
    const authority = entries.find((e) => e.path.startsWith('timestamps/authority-'))!;
    const checked = tsa.opensslVerify(
      {
        'e2e-token.tsr': new Uint8Array(await token.read()),
        'e2e-authority.pem': new Uint8Array(await authority.read()),
      },
      ['-digest', created!, '-in', 'e2e-token.tsr', '-token_in', '-CAfile', 'e2e-authority.pem'],
    );
    expect(checked).toContain('Verification: OK');
    await dashboard.close();
  });

  it('asked nothing of any address but the page, the extension’s own files and the school’s TSA', () => {
    // The background's requests are seen too: the TSA's among them.
    expect(requested.filter((url) => url.startsWith(tsa.url)).length).toBeGreaterThanOrEqual(1);
    const allowed = [server.origin, tsa.url, `chrome-extension://${browser.extensionId}/`, 'blob:', 'data:'];
    expect(requested.filter((url) => !allowed.some((prefix) => url.startsWith(prefix)))).toEqual([]);
  });
});
