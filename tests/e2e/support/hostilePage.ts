import { expect } from 'vitest';

/** The recorded fields fixtures/hostile.html tries to change from its own world. */
export interface HonestFields {
  capturedAtUtc: string;
  page: {
    url: string;
    documentUrl?: string;
    title: string;
    selectedText: string;
    viewport: { width: number; height: number };
    devicePixelRatio: number;
  };
  post?: Record<string, unknown>;
}

/**
 * What Exhibit recorded from fixtures/hostile.html is what the page shows and the browser says, not
 * what the page's own scripts answer: its real title and text, the browser's address and clock,
 * the real viewport, the post's own details (issue #15).
 */
export function expectHonestRecord(
  metadata: HonestFields,
  files: Record<string, Uint8Array>,
  url: string,
  startedAtMs: number,
): void {
  expect(JSON.stringify(metadata)).not.toContain('FORGED');
  expect(metadata.page).toMatchObject({ url, title: 'Hollybrook Parents Forum', selectedText: '' });
  expect(metadata.page.documentUrl).toBeUndefined();
  expect(metadata.page.viewport.width).toBeGreaterThan(600);
  expect(metadata.page.devicePixelRatio).not.toBe(7);
  const at = Date.parse(metadata.capturedAtUtc);
  expect(at).toBeGreaterThanOrEqual(startedAtMs - 1000);
  expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  expect(metadata.post).toMatchObject({
    authorName: 'C. Parent',
    permalink: new URL('/posts/4401', url).href,
    postedAtIso: '2026-05-30T16:20:00Z',
  });
  const text = new TextDecoder().decode(files['page-text.txt']);
  expect(text).toContain('The new head at Hollybrook has no idea what she is doing');
  expect(text).not.toContain('FORGED');
}
