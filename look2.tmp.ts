import { readFileSync } from 'node:fs';
import { launchWithExtension, openTab, saveProfile } from './tests/e2e/support/chromium';
import { startFixtureServer } from './tests/e2e/support/fixtureServer';
import type { Page } from 'playwright-core';

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
async function audit(page: Page, label: string) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] }); (globalThis as any).__passes = r.passes.length;
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n: any) => n.target.join(' ') + ' :: ' + n.failureSummary?.split('\n').slice(0,2).join(' ')) }));
  });
  console.log(`== ${label}: ${result.length} violation(s), passes ${await page.evaluate(() => (globalThis as any).__passes)}`);
  for (const v of result) console.log(JSON.stringify(v, null, 1));
}
const server = await startFixtureServer();
const browser = await launchWithExtension();
await saveProfile(browser);
const { page, tabId } = await openTab(browser, `${server.origin}/feed.html`);
const popup = await browser.context.newPage();
await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
await popup.getByLabel('Policy category (required)').waitFor();
await audit(popup, 'popup');
await popup.getByLabel('Policy category (required)').selectOption('naming-children');
await popup.getByRole('button', { name: 'Capture' }).click();
await popup.getByRole('heading', { name: 'Captured' }).waitFor({ timeout: 20_000 });
await audit(popup, 'popup captured');
const dashboard = await browser.context.newPage();
await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
await dashboard.getByRole('button', { name: /^Open capture of / }).first().waitFor();
await audit(dashboard, 'dashboard list');
await dashboard.getByRole('button', { name: /^Open capture of / }).first().click();
await dashboard.getByRole('heading', { name: /Redacted copy of/ }).first().waitFor();
await audit(dashboard, 'capture detail');
await dashboard.getByRole('button', { name: 'Back to list' }).click();
await dashboard.getByRole('button', { name: 'Cases' }).click();
await dashboard.waitForTimeout(500);
await audit(dashboard, 'cases');
await dashboard.getByRole('button', { name: 'Responses due' }).click();
await dashboard.waitForTimeout(500);
await audit(dashboard, 'responses');
const options = await browser.context.newPage();
await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
await options.waitForTimeout(800);
await audit(options, 'options');
await browser.close();
await server.close();
