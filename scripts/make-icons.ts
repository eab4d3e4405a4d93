// `npm run icons`: draws the toolbar and store icons (public/icon/<size>.png) from assets/icon/exhibit.svg
// with Debian's Chromium, at each size the stores and browsers ask for. Run it after changing the SVG
// and commit the PNGs: the build only copies them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ICON_SIZES = [16, 32, 48, 128] as const;
const svg = readFileSync('assets/icon/exhibit.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync('public/icon', { recursive: true });
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${source}" width="${size}" height="${size}">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(
      `public/icon/${size}.png`,
      await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
    );
  }
} finally {
  await browser.close();
}
