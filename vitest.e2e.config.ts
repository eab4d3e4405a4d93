import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import { verifyHtmlPlugin } from './scripts/verifyHtml';

// End-to-end tests drive the built extension in real browsers, one file at a time.
export default defineConfig({
  plugins: [WxtVitest(), verifyHtmlPlugin()],
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
