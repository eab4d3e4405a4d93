import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LocalTsa } from '../../unit/timestamp/localTsa';

/** The options page's Trusted timestamps: the local TSA named with its root certificate, and turned on. */
export async function turnOnTimestamps(options: Page, tsa: LocalTsa): Promise<void> {
  await options.getByLabel('Time-stamp authority’s address').fill(tsa.url);
  await options.getByLabel('Its root certificate (PEM)').fill(readFileSync(join(tsa.dir, 'root.crt'), 'utf8'));
  await options.getByRole('button', { name: 'Add authority' }).click();
  await options.getByTestId('timestamp-authorities').getByText(tsa.url).waitFor();
  const enable = options.getByLabel('Time-stamp each capture (only its digest leaves this computer)');
  // Saved once the browser has granted the TSA's address: the box follows what was saved.
  await enable.click();
  await options.waitForFunction(() => document.querySelector<HTMLInputElement>('#timestamps-enabled')?.checked);
}
