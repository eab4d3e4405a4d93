import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems } from './support/axe';
import { launchWithExtension, openTab, saveProfile, type ExtensionBrowser } from './support/chromium';
import { closeAll, startFixtureServer } from './support/fixtureServer';
import { everyStoredRow } from './support/storedCapture';

let browser: ExtensionBrowser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  await saveProfile(browser);
});
afterAll(() => closeAll(browser, server));

async function capture(fixture: string, note: string, newCase?: string) {
  const { page, tabId } = await openTab(browser, `${server.origin}/${fixture}`);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByLabel('Policy category (required)').selectOption('threats');
  await popup.getByLabel('Note').fill(note);
  if (newCase) {
    await popup.getByLabel('Case', { exact: true }).selectOption('new');
    await popup.getByLabel('New case title').fill(newCase);
  }
  await popup.getByRole('button', { name: 'Capture' }).click();
  await popup.getByRole('heading', { name: 'Captured' }).waitFor({ timeout: 20_000 });
  await Promise.all([popup.close(), page.close()]);
}

async function openErasure(dashboard: Page, what: string) {
  await dashboard.getByText(`Erase ${what}…`).click();
  return dashboard.getByRole('form', { name: `Erase ${what}` });
}

describe('data protection in Chromium (issue #18)', () => {
  it('erases a case and its capture from the case page once a hold is released, leaving the rest', async () => {
    await capture('post.html', 'Note that names a pupil', 'Case to be erased');
    await capture('feed.html', 'Kept capture');

    const dashboard = await browser.context.newPage();
    await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html#tab=cases`);
    await dashboard.getByRole('button', { name: 'Case to be erased' }).click();
    await dashboard.getByTestId('chronology').waitFor();

    // On hold, it cannot be erased.
    await dashboard.getByLabel('Why it is placed on hold').fill('Police referral');
    await dashboard.getByRole('button', { name: 'Place on legal hold' }).click();
    await dashboard.getByText(/^On legal hold since/).waitFor();
    await dashboard.getByText('Erase this case…').click();
    await dashboard.getByText('The case is on legal hold: it cannot be erased until the hold is released.').waitFor();
    await dashboard.getByLabel('Why the hold is released').fill('Police closed the matter');
    await dashboard.getByRole('button', { name: 'Release the hold' }).click();
    await dashboard.getByText('Not on legal hold.').waitFor();

    // Released: the form says what goes and what stays, and asks for the title typed out.
    await dashboard.reload();
    await dashboard.getByTestId('chronology').waitFor();
    const form = await openErasure(dashboard, 'this case');
    await expect
      .poll(() => form.locator('.erasure-plan').textContent())
      .toMatch(/the case “Case to be erased”.*1 capture\(s\): JS\/1;.*file\(s\), [\d.]+ (KB|MB|bytes)/s);
    expect(await form.textContent()).toContain('Bundles already exported and kept elsewhere are not affected');
    expect(await accessibilityProblems(dashboard)).toEqual([]);
    await form.getByLabel('Why it is erased').fill('Retention period over');
    await form.getByLabel('Type Case to be erased to confirm').fill('Case to be');
    await form.getByRole('button', { name: 'Erase for good' }).click();
    await form.getByText('Type “Case to be erased” exactly to confirm the erasure.').waitFor();
    await form.getByLabel('Type Case to be erased to confirm').fill('Case to be erased');
    await form.getByRole('button', { name: 'Erase for good' }).click();

    // Back on the list of cases, which no longer has it; the other capture stays.
    await dashboard
      .getByRole('status')
      .getByText(/^Erased\./)
      .waitFor();
    expect(await dashboard.getByRole('button', { name: 'Case to be erased' }).count()).toBe(0);
    await dashboard.getByRole('button', { name: 'Captures' }).click();
    await dashboard.locator('tbody tr[data-capture-id]').first().waitFor();
    expect(await dashboard.locator('tbody tr[data-capture-id]').count()).toBe(1);
    expect(await dashboard.locator('tbody').textContent()).toContain('JS/2');
    expect(await dashboard.locator('tbody').textContent()).not.toContain('JS/1');
    // Nothing of it is left in any table the browser holds for the extension; what is kept is whole.
    const stored = await everyStoredRow(dashboard);
    for (const gone of ['Note that names a pupil', 'Case to be erased', `${server.origin}/posts/8812`])
      expect(stored).not.toContain(gone);
    expect(stored).toContain('Kept capture');
  });
});
