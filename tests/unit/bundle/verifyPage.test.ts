// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyBundle, type VerifyReport } from '@/lib/bundle/verify';

// verify.html's own script, on its own page; the verifier is stood in for (it is tested on real bundles elsewhere).
vi.mock('@/lib/bundle/verify', async (actual) => ({
  ...(await actual<typeof import('@/lib/bundle/verify')>()),
  verifyBundle: vi.fn(),
  verifyEntries: vi.fn(),
}));
const verify = vi.mocked(verifyBundle);

beforeAll(async () => {
  const page = readFileSync('lib/bundle/verifyPage/page.html', 'utf8');
  document.body.innerHTML = page.slice(page.indexOf('<body>') + 6, page.indexOf('<script>'));
  await import('@/lib/bundle/verifyPage/main');
});

const result = () => document.getElementById('result')!;
const cancel = () => document.getElementById('cancel') as HTMLButtonElement;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function choose(name: string) {
  const input = document.getElementById('zip') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File(['zip'], name)], configurable: true });
  input.dispatchEvent(new Event('change'));
}

function pendingCheck() {
  const check = {
    progress: (_checked: number, _of: number) => {},
    finish: (_report: VerifyReport) => {},
    fail: (_error: unknown) => {},
    signal: undefined as AbortSignal | undefined,
  };
  verify.mockImplementationOnce(
    (_bundle, onProgress, signal) =>
      new Promise((resolve, reject) => {
        Object.assign(check, { progress: onProgress, finish: resolve, fail: reject, signal });
        signal?.addEventListener('abort', () => reject(signal.reason as Error));
      }),
  );
  return check;
}

describe('verify.html', () => {
  it('shows progress and a cancel button while checking, then the verdict', async () => {
    const check = pendingCheck();
    choose('bundle.zip');
    expect(result().textContent).toBe('Checking…');
    expect(cancel().hidden).toBe(false);
    check.progress(4, 9);
    expect(result().textContent).toBe('Checking file 4 of 9…');
    check.finish({ ok: true, failures: [], filesChecked: 9, signedBy: 'ab12' });
    await flush();
    expect(result().querySelector('h2')!.textContent).toBe('PASS — bundle.zip');
    expect(cancel().hidden).toBe(true);
  });

  it('cancel stops the check and says no verdict was reached', async () => {
    const check = pendingCheck();
    choose('large.zip');
    cancel().click();
    await flush();
    expect(check.signal!.aborted).toBe(true);
    expect(result().textContent).toBe('Check of large.zip cancelled: no verdict was reached.');
    expect(cancel().hidden).toBe(true);
  });

  it('a bundle chosen during a check replaces it: the first stops and does not overwrite the second', async () => {
    const first = pendingCheck();
    choose('first.zip');
    const second = pendingCheck();
    choose('second.zip');
    await flush();
    expect(first.signal!.aborted).toBe(true);
    expect(result().textContent).toBe('Checking…');
    second.finish({ ok: false, failures: ['x.png has been changed'], filesChecked: 3 });
    await flush();
    expect(result().querySelector('h2')!.textContent).toBe('FAIL — second.zip: 1 problem(s)');
    expect(result().className).toBe('fail');
  });

  it('a file that cannot be read to the end gets a plain failure, not an endless "Checking…"', async () => {
    const check = pendingCheck();
    choose('moved.zip');
    check.fail(new Error('The file could not be read'));
    await flush();
    expect(result().textContent).toBe('moved.zip could not be checked: The file could not be read');
    expect(result().className).toBe('fail');
    expect(cancel().hidden).toBe(true);
  });

  it('with the school’s fingerprint typed, a bundle signed by another key fails; an unreadable fingerprint starts no check', async () => {
    const key = document.getElementById('key') as HTMLInputElement;
    key.value = '12ab';
    verify.mockClear();
    choose('bundle.zip');
    expect(verify).not.toHaveBeenCalled();
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(result().textContent).toMatch(/^The signing key fingerprint is not 64 hexadecimal digits/);
    key.value = '12ab '.repeat(16);
    const check = pendingCheck();
    choose('bundle.zip');
    check.finish({ ok: true, failures: [], filesChecked: 9, signedBy: 'ab12'.repeat(16) });
    await flush();
    expect(result().querySelector('h2')!.textContent).toBe('FAIL — bundle.zip: 1 problem(s)');
    expect(result().querySelector('li')!.textContent).toBe(
      `The manifest is signed by the key ${'ab12 '.repeat(16).trim()}, not by the expected key ${'12ab '.repeat(16).trim()}.`,
    );
    key.value = '';
  });
});
