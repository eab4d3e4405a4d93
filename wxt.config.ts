import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { verifyHtmlPlugin } from './scripts/verifyHtml';

/** `npm run dev` opens Debian's browsers where they are installed (no browser is ever downloaded). */
function debianBrowsers(): Record<string, string> {
  const found: Record<string, string> = {};
  if (existsSync('/usr/bin/chromium')) found.chrome = '/usr/bin/chromium';
  if (existsSync('/usr/bin/firefox-esr')) found.firefox = '/usr/bin/firefox-esr';
  return found;
}

// Permissions are the fewest that do the job; README "Permissions" says why each is here.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // verify.html, which every bundle carries, is built from the same verifier module (issue #5).
  vite: (env) => ({
    plugins: [verifyHtmlPlugin()],
    // The test build runs React as staff get it (WXT defines NODE_ENV as the mode, "e2e", which
    // would load React's development build): the store-scale bench times its pages (issue #17).
    ...(env.mode === 'e2e' ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
    // report.pdf's worker (lib/browser/reportPdfWorker.ts) is a module worker: the pages are split
    // into chunks. jsPDF's optional HTML helper would give it its own html2canvas, never used there.
    worker: {
      format: 'es',
      plugins: () => [
        {
          name: 'exhibit:no-html2canvas-in-worker',
          enforce: 'pre' as const,
          resolveId: (id: string) => (id === 'html2canvas' ? resolve('lib/vendor/notBundled.ts') : null),
        },
      ],
    },
    resolve: { alias: { canvg: resolve('lib/vendor/notBundled.ts'), dompurify: resolve('lib/vendor/notBundled.ts') } },
  }),
  hooks: {
    // The export benchmark's page drives the store directly; only the test build carries it.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode !== 'e2e')
        for (const entrypoint of entrypoints) if (entrypoint.name === 'export-bench') entrypoint.skipped = true;
    },
  },
  webExt: {
    binaries: debianBrowsers(),
    // Chromium refuses to start its sandbox as root (containers, CI); a normal user keeps it.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  manifest: ({ browser, mode }) => ({
    name: 'Exhibit',
    description: 'Capture, keep and export tamper-evident evidence of social-media posts about a school.',
    // pageCapture (MHTML) exists only in Chromium; Firefox keeps a DOM snapshot instead (issue #3).
    // unlimitedStorage: the evidence store is never evicted under disk pressure, nor capped at a share of the disk.
    permissions: [
      'activeTab',
      'scripting',
      'downloads',
      'contextMenus',
      'alarms',
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['pageCapture']),
    ],
    // The e2e build alone may capture without a user gesture: Playwright cannot click the
    // toolbar button, so `activeTab` is never granted there (shared/notes/browser-and-tooling.md).
    ...(mode === 'e2e' ? { host_permissions: ['<all_urls>'] } : {}),
    // Trusted timestamps (issue #20): the options page asks for the school's time-stamp authorities'
    // addresses alone, when it turns them on. Firefox's list below serves the same.
    ...(browser === 'firefox' ? {} : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    ...(browser === 'firefox'
      ? {
          // tabs.captureTab renders a whole page in one call but needs host access; the popup asks
          // for the one site at the moment of a full-page capture (issue #3). Declined: scroll and stitch.
          optional_host_permissions: ['*://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'exhibit@northwickpark.academy',
              // data_collection_permissions arrived in Firefox 140 (desktop) and 142 (Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
