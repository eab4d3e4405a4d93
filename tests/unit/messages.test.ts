import { describe, expect, it } from 'vitest';
import { createMessageRouter, sendRequest } from '@/lib/messages';
import { ExhibitError } from '@/lib/errors';
import { form, testWorld } from './fixtures';

describe('message contract', () => {
  it('routes a valid capture request and validates the reply', async () => {
    const { capture } = await testWorld();
    const route = createMessageRouter({ 'capture.visibleTab': ({ tabId, form }) => capture.captureVisibleTab(tabId, form) });
    const result = await sendRequest(route, { type: 'capture.visibleTab', tabId: 4, form: form() });
    expect(result.metadata.page.url).toBe('https://social.example/posts/123');
  });

  it('refuses a malformed request without calling a handler', async () => {
    let called = false;
    const route = createMessageRouter({ 'capture.visibleTab': async () => ((called = true), Promise.reject(new Error('unreachable'))) });
    expect(await route({ type: 'capture.visibleTab', tabId: 'seven' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await route('capture please')).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(called).toBe(false);
  });

  it('carries a plain error back to the caller as an ExhibitError', async () => {
    const { capture } = await testWorld({ profile: null });
    const route = createMessageRouter({ 'capture.visibleTab': ({ tabId, form }) => capture.captureVisibleTab(tabId, form) });
    const error = await sendRequest(route, { type: 'capture.visibleTab', tabId: 1, form: form() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExhibitError);
    expect(error).toMatchObject({ code: 'profile-missing' });
  });

  it('refuses to send a request that breaks the contract', async () => {
    await expect(sendRequest(async () => ({ ok: true, value: {} }), { type: 'capture.visibleTab', tabId: -1, form: form() })).rejects.toThrow();
  });

  it('refuses a reply that breaks the contract', async () => {
    await expect(sendRequest(async () => ({ ok: true, value: { metadata: {} } }), { type: 'capture.visibleTab', tabId: 1, form: form() })).rejects.toThrow();
  });
});
