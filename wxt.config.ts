import { defineConfig } from 'wxt';

// Permissions are the fewest that do the job; README "Permissions" says why each is here.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser, mode }) => ({
    name: 'Exhibit',
    description: 'Capture, keep and export tamper-evident evidence of social-media posts about a school.',
    permissions: ['activeTab', 'scripting', 'downloads'],
    // The e2e build alone may capture without a user gesture: Playwright cannot click the
    // toolbar button, so `activeTab` is never granted there (shared/notes/browser-and-tooling.md).
    ...(mode === 'e2e' ? { host_permissions: ['<all_urls>'] } : {}),
    action: { default_title: 'Capture evidence with Exhibit' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'exhibit@northwickpark.academy',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
