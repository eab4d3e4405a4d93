// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VerifyPanel } from '@/components/VerifyPanel';
import { verifyBundle, verifyEntries, type VerifyReport } from '@/lib/bundle/verify';

// The verifier itself is tested on real bundles (exportAndVerify, hostileZips); here only what the panel makes of it.
vi.mock('@/lib/bundle/verify', async (actual) => ({
  ...(await actual<typeof import('@/lib/bundle/verify')>()),
  verifyBundle: vi.fn(),
  verifyEntries: vi.fn(),
}));
const verify = vi.mocked(verifyBundle);
const verifyFolder = vi.mocked(verifyEntries);
beforeEach(() => {
  render(<VerifyPanel />);
});
afterEach(() => {
  cleanup();
  verify.mockReset();
  verifyFolder.mockReset();
});

const PASS: VerifyReport = { ok: true, failures: [], filesChecked: 12, signedBy: 'ab12cd34'.repeat(8) };
const choose = (name = 'bundle.zip') =>
  fireEvent.change(screen.getByLabelText('Choose a bundle to check'), { target: { files: [new File(['zip'], name)] } });

/** A check that reports progress when told to, and rejects as the verifier does when its signal aborts. */
function pendingCheck() {
  const check = {
    progress: (_checked: number, _of: number) => {},
    finish: (_report: VerifyReport) => {},
    fail: (_error: unknown) => {},
  };
  verify.mockImplementation(
    (_bundle, onProgress, signal) =>
      new Promise((resolve, reject) => {
        check.progress = (checked, of) => onProgress?.(checked, of);
        check.finish = resolve;
        check.fail = reject;
        signal?.addEventListener('abort', () => reject(signal.reason as Error));
      }),
  );
  return check;
}

describe('the dashboard’s Check a bundle panel', () => {
  it('shows file k of n while checking, keeps a second bundle from starting meanwhile, then gives the verdict', async () => {
    const check = pendingCheck();
    choose();
    expect(screen.getByRole('status').textContent).toContain('Checking…');
    expect(screen.getByLabelText<HTMLInputElement>('Choose a bundle to check').disabled).toBe(true);
    act(() => check.progress(3, 12));
    expect(screen.getByRole('status').textContent).toContain('Checking file 3 of 12…');
    await act(async () => check.finish(PASS));
    expect(screen.getByTestId('verify-result').querySelector('p')!.textContent).toBe('PASS — bundle.zip');
    // The same facts as verify.html and `npm run verify`, the signing key's fingerprint among them.
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '12 files match their SHA-256 in manifest.json and SHA256SUMS; the audit chain is intact.',
      `The manifest is signed by the key with fingerprint ${'ab12 cd34 '.repeat(8).trim()}. Check that it is the school's.`,
    ]);
    expect(screen.queryByRole('button', { name: 'Cancel check' })).toBeNull();
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('with the sender’s fingerprint given, fails a bundle signed by another key, and checks nothing while the fingerprint cannot be read', async () => {
    const field = screen.getByLabelText(/The sender’s signing key fingerprint/);
    fireEvent.change(field, { target: { value: 'ab12 cd3' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>('Choose a bundle to check').disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'EF56 '.repeat(16) } });
    verify.mockResolvedValue(PASS);
    choose();
    await act(async () => {});
    expect(screen.getByTestId('verify-result').querySelector('p')!.textContent).toBe('FAIL — bundle.zip: 1 problem(s)');
    expect(screen.getByRole('listitem').textContent).toBe(
      `The manifest is signed by the key ${'ab12 cd34 '.repeat(8).trim()}, not by the expected key ${'ef56 '.repeat(16).trim()}.`,
    );
  });

  it('cancels a check: the verifier is told to stop, and no verdict is shown', async () => {
    pendingCheck();
    choose('large.zip');
    const signal = verify.mock.calls[0]![2]!;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel check' })));
    expect(signal.aborted).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Check of large.zip cancelled: no verdict was reached.');
    expect(screen.queryByTestId('verify-result')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Choose a bundle to check').disabled).toBe(false);
  });

  it('says plainly when a bundle cannot be read to the end, instead of checking for ever', async () => {
    const check = pendingCheck();
    choose('moved.zip');
    await act(async () => check.fail(new DOMException('The file could not be read', 'NotReadableError')));
    expect(screen.getByRole('alert').textContent).toBe('moved.zip could not be checked: The file could not be read');
    expect(screen.queryByRole('button', { name: 'Cancel check' })).toBeNull();
  });

  it('lists every problem of a bundle that fails', async () => {
    verify.mockResolvedValue({ ok: false, failures: ['a.png has been changed', 'b.png is missing'], filesChecked: 11 });
    choose('tampered.zip');
    await screen.findByTestId('verify-result');
    expect(screen.getByTestId('verify-result').textContent).toContain('FAIL — tampered.zip: 2 problem(s)');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'a.png has been changed',
      'b.png is missing',
    ]);
  });

  it('checks an unzipped folder: its files named as in the bundle, what the system left set aside and named', async () => {
    verifyFolder.mockResolvedValue(PASS);
    const finderHeader = Uint8Array.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]); // what a real .DS_Store begins with
    const inFolder = (path: string) =>
      Object.defineProperty(
        new File([path.endsWith('.DS_Store') ? finderHeader : 'x'], path.split('/').at(-1)!),
        'webkitRelativePath',
        { value: path },
      );
    const folder = screen.getByLabelText('Choose an unzipped bundle folder to check');
    expect(folder.hasAttribute('webkitdirectory')).toBe(true);
    fireEvent.change(folder, {
      target: {
        files: [
          inFolder('exhibit-1/manifest.json'),
          inFolder('exhibit-1/captures/a/screenshot.png'),
          inFolder('exhibit-1/.DS_Store'),
        ],
      },
    });
    await screen.findByTestId('verify-result');
    expect(verifyFolder.mock.calls[0]![0].map((entry) => entry.path)).toEqual([
      'manifest.json',
      'captures/a/screenshot.png',
    ]);
    expect(screen.getByTestId('verify-result').querySelector('p')!.textContent).toBe('PASS — exhibit-1/');
    expect(screen.getByTestId('verify-result').querySelector('.help')!.textContent).toBe(
      'Set aside, as made by the operating system and not part of the bundle: .DS_Store.',
    );
    expect(verify).not.toHaveBeenCalled();
  });
});
