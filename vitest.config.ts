import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import { verifyHtmlPlugin } from './scripts/verifyHtml';

export default defineConfig({
  plugins: [WxtVitest(), verifyHtmlPlugin()],
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
  },
});
