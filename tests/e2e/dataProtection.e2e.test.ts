import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openZip } from '@/lib/bundle/zipReader';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './support/axe';
import { verifyWithCli, waitForBundle } from './support/bundleFiles';
import { chromiumForTests, openTab } from './support/chromium';
import { everyStoredRow } from './support/storedCapture';

const session = chromiumForTests();

async function capture(fixture: string, note: string, newCase?: string) {
  const { page, tabId } = await openTab(session.browser, `${session.server.origin}/${fixture}`);
  const popup = await session.browser.context.newPage();
  await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
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

    const dashboard = await session.browser.context.newPage();
    await dashboard.goto(`chrome-extension://${session.browser.extensionId}/dashboard.html#tab=cases`);
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

    // Released, and the erasure opened again (it reads the case afresh): it says what goes and what
    // stays, and asks for the title typed out.
    await dashboard.getByText('Erase this case…').click();
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
    for (const gone of ['Note that names a pupil', 'Case to be erased', `${session.server.origin}/posts/8812`])
      expect(stored).not.toContain(gone);
    expect(stored).toContain('Kept capture');
  });

  it('logs a subject access request, shows it due, finds the person and answers it with a pack that verifies', async () => {
    await capture('post.html', 'About the head teacher');
    const dashboard = await session.browser.context.newPage();
    await dashboard.goto(`chrome-extension://${session.browser.extensionId}/dashboard.html#tab=people`);
    // Logged with the day it came: due a calendar month on.
    const log = dashboard.getByRole('form', { name: 'Log a subject access request' });
    await log.getByLabel('Who asked').fill('A. Parent');
    await log.getByLabel('Day received').fill('2026-11-30');
    await log.getByRole('button', { name: 'Log the request' }).click();
    const requests = dashboard.locator('.subject-access-requests tbody tr');
    await requests.first().waitFor();
    expect(await requests.first().textContent()).toContain('2026-12-30');
    // In the due list beside the comments to answer, which leads back here.
    await dashboard.getByRole('button', { name: 'Responses due' }).click();
    await dashboard
      .getByRole('region', { name: 'Subject access replies due' })
      .getByText(/A\. Parent, received 2026-11-30: reply due by 2026-12-30/)
      .waitFor();
    await dashboard.getByRole('link', { name: 'Answer it on Find a person' }).click();
    await requests.first().getByRole('button', { name: 'Find and make the pack' }).click();
    const results = dashboard.getByTestId('person-results');
    const found = results.getByText(/^Found in/);
    await found.waitFor();
    // The capture just taken, and the feed kept by the test before, which shows the same author.
    expect(await found.textContent()).toBe('Found in 2 capture(s) and 0 case(s) for “a parent”.');
    expect(await results.locator('tbody tr').first().textContent()).toContain('post author');
    expect(await accessibilityProblems(dashboard)).toEqual([]);

    const pack = dashboard.getByRole('form', { name: 'Subject access pack' });
    expect(await pack.getByTestId('answering').textContent()).toBe(
      'Answers the request from A. Parent received 2026-11-30, due by 2026-12-30.',
    );
    expect(await pack.textContent()).toContain('2 chosen capture(s) have no redacted copy');
    // Left out of the pack: the older capture.
    await results.locator('tbody tr').nth(1).getByRole('checkbox').uncheck();
    await pack.getByRole('button', { name: 'Export the pack (1 capture(s), 0 case(s))' }).waitFor();
    await pack.getByRole('button', { name: /^Export the pack/ }).click();
    await dashboard.getByTestId('pack-done').waitFor({ timeout: 30_000 });
    // Answered: off the list.
    await dashboard.getByText('No request is waiting for a reply.').waitFor();
    const saved = await waitForBundle(session.browser.downloadDir);
    expect(saved).toMatch(/exhibit-sar-northwick-park-primary-/);
    const verified = await verifyWithCli(saved);
    expect(verified.output).toContain('PASS');
    expect(verified.code).toBe(0);
    const { entries } = await openZip(new Blob([readFileSync(saved)]));
    const data = JSON.parse(
      new TextDecoder().decode(await entries.find((e) => e.path === 'subject-access/your-data.json')!.read()),
    ) as { person: string; captures: { places: { place: string; texts: string[] }[] }[] };
    expect(data.person).toBe('A. Parent');
    expect(data.captures).toHaveLength(1);
    expect(data.captures[0]!.places.map((p) => p.place)).toEqual(expect.arrayContaining(['post author', 'their post']));
    expect(entries.some((e) => e.path.endsWith('/screenshot.png'))).toBe(false);
  });

  it('lists what has reached its review date; one is kept until a later day, the other erased from the list', async () => {
    // Thirteen months on, by the page's clock: the unfiled captures taken above (reviewed at 12 months) are due.
    const dashboard = await session.browser.context.newPage();
    const later = new Date(Date.now() + 396 * 86_400_000);
    await dashboard.clock.setFixedTime(later);
    await dashboard.goto(`chrome-extension://${session.browser.extensionId}/dashboard.html#tab=review`);
    const rows = dashboard.getByRole('region', { name: 'Review due' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await accessibilityProblems(dashboard)).toEqual([]);

    const keepUntil = new Date(later.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await rows.first().getByLabel('Keep until').fill(keepUntil);
    await rows.first().getByLabel('Why').fill('Pattern of posts still being looked at');
    await rows.first().getByRole('button', { name: 'Keep', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);

    const other = rows.first();
    const reference = /^(JS\/\d+):/.exec((await other.getByRole('link').textContent()) ?? '')?.[1];
    expect(reference).toBeDefined();
    await other.getByText(/^Erase .*…$/).click();
    const form = other.getByRole('form', { name: /^Erase / });
    await form.getByLabel('Why it is erased').fill('Twelve months unfiled; nothing came of it');
    await form.getByLabel(`Type ${reference} to confirm`).fill(reference!);
    await form.getByRole('button', { name: 'Erase for good' }).click();
    await dashboard.getByText('Nothing has reached its review date.').waitFor();
  });
});
