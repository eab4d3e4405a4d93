import { describe, expect, it } from 'vitest';
import { createMessageRouter, sendRequest } from '@/lib/messages';
import type { CaptureService } from '@/lib/capture/captureService';
import { ExhibitError } from '@/lib/errors';
import { form, testWorld } from './fixtures';

const routerFor = (capture: CaptureService) =>
  createMessageRouter({
    'capture.tab': ({ tabId, mode, form }) => capture.captureTab(tabId, mode, form),
    'capture.cancel': async () => ({ cancelled: false }),
    'badge.refresh': async () => ({ badge: '' }),
  });

describe('message contract', () => {
  it('routes a valid capture request and validates the reply', async () => {
    const { capture } = await testWorld();
    const route = routerFor(capture);
    const result = await sendRequest(route, { type: 'capture.tab', tabId: 4, mode: 'visible', form: form() });
    expect(result.metadata.page.url).toBe('https://social.example/posts/123');
  });

  it('refuses a malformed request without calling a handler', async () => {
    let called = false;
    const route = createMessageRouter({
      'capture.tab': async () => ((called = true), Promise.reject(new Error('unreachable'))),
      'capture.cancel': async () => ((called = true), { cancelled: true }),
      'badge.refresh': async () => ((called = true), { badge: '' }),
    });
    expect(await route({ type: 'capture.tab', tabId: 'seven', mode: 'visible' })).toMatchObject({
      ok: false,
      code: 'invalid-input',
    });
    expect(await route({ type: 'capture.tab', tabId: 1, mode: 'sideways', form: {} })).toMatchObject({
      ok: false,
      code: 'invalid-input',
    });
    expect(await route('capture please')).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(called).toBe(false);
  });

  it('carries a plain error back to the caller as an ExhibitError', async () => {
    const { capture } = await testWorld({ profile: null });
    const route = routerFor(capture);
    const error = await sendRequest(route, { type: 'capture.tab', tabId: 1, mode: 'visible', form: form() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExhibitError);
    expect(error).toMatchObject({ code: 'profile-missing' });
  });

  it('names an unexpected failure after the request it answers (issue #16)', async () => {
    const route = createMessageRouter({
      'capture.tab': async () => Promise.reject(new Error('disk on fire')),
      'capture.cancel': async () => ({ cancelled: false }),
      'badge.refresh': async () => Promise.reject(new Error('no badge here')),
    });
    expect(await route({ type: 'badge.refresh' })).toEqual({
      ok: false,
      code: 'responses-failed',
      message: 'The counts on the toolbar button could not be updated: no badge here',
    });
    expect(await route({ type: 'capture.tab', tabId: 1, mode: 'visible', form: form() })).toMatchObject({
      code: 'capture-failed',
    });
    await expect(sendRequest(async () => undefined, { type: 'badge.refresh' })).rejects.toMatchObject({
      code: 'responses-failed',
    });
  });

  it('lets progress events pass without answering them', async () => {
    const route = createMessageRouter({
      'capture.tab': async () => Promise.reject(new Error('unreachable')),
      'capture.cancel': async () => ({ cancelled: false }),
      'badge.refresh': async () => ({ badge: '' }),
    });
    expect(await route({ type: 'capture.progress', tabId: 1, slice: 2, of: 5 })).toBeUndefined();
  });

  it('refuses to send a request that breaks the contract', async () => {
    await expect(
      sendRequest(async () => ({ ok: true, value: {} }), {
        type: 'capture.tab',
        tabId: -1,
        mode: 'visible',
        form: form(),
      }),
    ).rejects.toThrow();
  });

  it('refuses a reply that breaks the contract', async () => {
    await expect(
      sendRequest(async () => ({ ok: true, value: { metadata: {} } }), {
        type: 'capture.tab',
        tabId: 1,
        mode: 'visible',
        form: form(),
      }),
    ).rejects.toThrow();
  });
});
