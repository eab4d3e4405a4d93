import { readFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launchWithExtension } from './tests/e2e/support/chromium';
import type { Page } from 'playwright-core';
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
async function audit(page: Page, label: string) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return { passes: r.passes.length, v: r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n: any) => n.target.join(' ') + ' :: ' + n.failureSummary?.split('\n').slice(0,2).join(' ')) })) };
  });
  console.log(`== ${label}: ${result.v.length} violation(s), passes ${result.passes}`);
  for (const v of result.v) console.log(JSON.stringify(v, null, 1));
}
mkdirSync('/tmp/unz', { recursive: true });
execFileSync('unzip', ['-o', '-q', 'tests/e2e/artifacts/last-bundle.zip', '-d', '/tmp/unz']);
const browser = await launchWithExtension();
const p = await browser.context.newPage();
await p.goto('file:///tmp/unz/report.html');
await audit(p, 'report.html');
await p.goto('file:///tmp/unz/verify.html');
await audit(p, 'verify.html');
await browser.close();
