import { describe, expect, it } from 'vitest';
import { CaptureMetadataSchema } from '@/lib/capture/metadata';
import { ExhibitError } from '@/lib/errors';
import { sha256Hex } from '@/lib/hash';
import { ONE_PIXEL_PNG, PAGE_MHTML, STAFF, fakeTabs, form, testWorld } from '../fixtures';

describe('captureVisibleTab', () => {
  it('stores the screenshot with its metadata, hashes and an audit entry', async () => {
    const { capture, evidence, db } = await testWorld();
    const { metadata, auditHash } = await capture.captureTab(7, 'visible', form({ note: 'First seen by the office' }));

    expect(CaptureMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(metadata).toMatchObject({
      capturedAtUtc: '2026-06-01T09:00:01.000Z',
      capturedAtLocal: '2026-06-01T10:00:01.000+01:00',
      timeZone: 'Europe/London',
      utcOffset: '+01:00',
      page: {
        url: 'https://social.example/posts/123',
        title: 'A post',
        viewport: { width: 1280, height: 720 },
        devicePixelRatio: 2,
      },
      category: { id: 'defamation' },
      note: 'First seen by the office',
      capturedBy: STAFF,
      environment: { browserName: 'Chromium', extensionVersion: '0.1.0' },
    });
    const screenshot = metadata.artefacts.find((a) => a.kind === 'screenshot')!;
    expect(screenshot).toMatchObject({
      sha256: sha256Hex(ONE_PIXEL_PNG),
      bytes: ONE_PIXEL_PNG.length,
      pixels: { width: 1, height: 1 },
      method: 'tabs.captureVisibleTab',
    });
    const text = metadata.artefacts.find((a) => a.kind === 'page-text')!;
    expect(text.sha256).toBe(sha256Hex('The head teacher is a liar'));

    const stored = await evidence.getFile(metadata.id, 'screenshot.png');
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(ONE_PIXEL_PNG);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ hash: auditHash, event: { action: 'capture.created', captureId: metadata.id } });
  });

  it('keeps the page source (MHTML) hashed beside the screenshot, and the post details read from the page', async () => {
    const { capture, evidence } = await testWorld();
    const { metadata } = await capture.captureTab(1, 'visible', form());
    const source = metadata.artefacts.find((a) => a.kind === 'page-source')!;
    expect(source).toMatchObject({
      fileName: 'page.mhtml',
      method: 'pageCapture.saveAsMHTML',
      sha256: sha256Hex(PAGE_MHTML),
      bytes: new TextEncoder().encode(PAGE_MHTML).length,
    });
    expect(await (await evidence.getFile(metadata.id, 'page.mhtml'))!.blob.text()).toBe(PAGE_MHTML);
    expect(metadata.post).toMatchObject({
      platform: 'generic',
      authorName: 'A Parent',
      permalink: 'https://social.example/posts/123',
    });
    expect(metadata.schemaVersion).toBe(4);
  });

  it('records the browser’s address of the tab, and the page’s own only beside it when they differ', async () => {
    const same = await (await testWorld()).capture.captureTab(1, 'visible', form());
    expect(same.metadata.page).toMatchObject({ url: 'https://social.example/posts/123' });
    expect(same.metadata.page.documentUrl).toBeUndefined();
    // A page that rewrites what its own code reports (history.pushState, a wrapped location) cannot move the record.
    const tabs = fakeTabs({
      getTab: async (id) => ({ id, windowId: 1, url: 'https://social.example/posts/123', active: true }),
      page: { url: 'https://school.example/official-notice' },
    });
    const { metadata } = await (await testWorld({ tabs })).capture.captureTab(1, 'visible', form());
    expect(metadata.page.url).toBe('https://social.example/posts/123');
    expect(metadata.page.documentUrl).toBe('https://school.example/official-notice');
  });

  it('keeps a DOM snapshot where the browser has no MHTML', async () => {
    const tabs = fakeTabs({
      savePageSource: async () => ({
        blob: new Blob(['<html></html>'], { type: 'text/html' }),
        method: 'dom-snapshot',
      }),
    });
    const { metadata } = await (await testWorld({ tabs })).capture.captureTab(1, 'visible', form());
    expect(metadata.artefacts.find((a) => a.kind === 'page-source')).toMatchObject({
      fileName: 'page-source.html',
      method: 'dom-snapshot',
    });
  });

  it('still saves the screenshot when the page source cannot be had, and says why', async () => {
    const tabs = fakeTabs({ savePageSource: async () => Promise.reject(new Error('NotFoundError')) });
    const { metadata } = await (await testWorld({ tabs })).capture.captureTab(1, 'visible', form());
    expect(metadata.artefacts.map((a) => a.kind)).toEqual(['screenshot', 'thumbnail', 'page-text']);
    expect(metadata.pageSourceError).toBe('The browser did not give the page source: NotFoundError');
  });

  it('activates the chosen tab first when it is not the visible one', async () => {
    const tabs = fakeTabs({
      getTab: async (id) => ({ id, windowId: 1, url: 'https://social.example/p', active: false }),
    });
    const { capture } = await testWorld({ tabs });
    await capture.captureTab(3, 'visible', form());
    expect(tabs.calls).toEqual(['activate']);
  });

  it('asks for the staff profile first', async () => {
    const { capture, db } = await testWorld({ profile: null });
    await expect(capture.captureTab(1, 'visible', form())).rejects.toMatchObject({ code: 'profile-missing' });
    expect(await db.captures.count()).toBe(0);
  });

  it.each([
    'chrome://settings/',
    'https://chromewebstore.google.com/detail/abc',
    'https://example.org/letter.pdf',
    'about:blank',
  ])('refuses a page the browser forbids (%s) in plain words and stores nothing', async (url) => {
    const { capture, db } = await testWorld({ tabs: fakeTabs({ page: { url } }) });
    const error = await capture.captureTab(1, 'visible', form()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExhibitError);
    expect(error).toMatchObject({
      code: 'forbidden-page',
      message: expect.stringContaining('does not let extensions capture this page'),
    });
    expect(await db.captures.count()).toBe(0);
  });

  it('turns the browser’s own refusal into the same plain message', async () => {
    const tabs = fakeTabs({
      captureVisibleTab: async () =>
        Promise.reject(
          new Error(
            'Cannot access contents of url "https://chrome.google.com/webstore". Extension manifest must request permission to access this host.',
          ),
        ),
    });
    const { capture, db } = await testWorld({ tabs });
    await expect(capture.captureTab(1, 'visible', form())).rejects.toMatchObject({ code: 'forbidden-page' });
    expect(await db.files.count()).toBe(0);
  });

  it('rejects a page reading that is not the expected shape', async () => {
    const tabs = fakeTabs({ readPage: async () => ({ url: 'javascript-is-not-a-url', title: 1 }) });
    const { capture } = await testWorld({ tabs });
    await expect(capture.captureTab(1, 'visible', form())).rejects.toMatchObject({ code: 'capture-failed' });
  });
});
