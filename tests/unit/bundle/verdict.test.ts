import { describe, expect, it } from 'vitest';
import { describeCheck, runCheck } from '@/lib/bundle/verdict';
import type { VerifyReport } from '@/lib/bundle/verify';
import type { BundleManifest } from '@/lib/bundle/manifest';

const manifest = {
  exportedAtUtc: '2026-11-30T09:15:00.000Z',
  exportedBy: { name: 'Ann Head', school: 'Oak Academy' },
  captures: [{}, {}],
  audit: { entries: 7 },
} as unknown as BundleManifest;
const PASS: VerifyReport = { ok: true, failures: [], filesChecked: 14, manifest, signedBy: '1a2b3c4d'.repeat(8) };

describe('runCheck', () => {
  const noProgress = () => {};
  it('gives the report of a check that finishes, pass or fail', async () => {
    expect(await runCheck(async () => PASS, noProgress, new AbortController().signal)).toEqual({ report: PASS });
  });

  it('tells a cancelled check from one that could not finish', async () => {
    const stopped = new AbortController();
    stopped.abort();
    const failing = async () => {
      throw new Error('The file could not be read');
    };
    expect(await runCheck(failing, noProgress, stopped.signal)).toEqual({ cancelled: true });
    expect(await runCheck(failing, noProgress, new AbortController().signal)).toEqual({
      error: new Error('The file could not be read'),
    });
  });
});

describe('describeCheck: the words every checker uses', () => {
  it('a pass names the files, the audit chain, the export and the signing key', () => {
    expect(describeCheck('b.zip', { report: PASS })).toEqual({
      tone: 'pass',
      heading: 'PASS — b.zip',
      lines: [
        '14 files match their SHA-256 in manifest.json and SHA256SUMS; the audit chain of 7 entries is intact.',
        '2 capture(s), exported 2026-11-30T09:15:00.000Z by Ann Head (Oak Academy).',
        "The manifest is signed by the key with fingerprint 1a2b 3c4d 1a2b 3c4d 1a2b 3c4d 1a2b 3c4d 1a2b 3c4d 1a2b 3c4d 1a2b 3c4d 1a2b 3c4d. Check that it is the school's.",
      ],
      note: undefined,
    });
  });

  it('a failure lists every problem, and a folder keeps its note', () => {
    const report: VerifyReport = {
      ok: false,
      failures: ['a.png has been changed', 'SHA256SUMS is missing'],
      filesChecked: 3,
    };
    expect(describeCheck('f/', { report }, 'Set aside: .DS_Store.')).toEqual({
      tone: 'fail',
      heading: 'FAIL — f/: 2 problem(s)',
      lines: ['a.png has been changed', 'SHA256SUMS is missing'],
      note: 'Set aside: .DS_Store.',
    });
  });

  it('no verdict for a cancelled check or one that could not finish', () => {
    expect(describeCheck('big.zip', { cancelled: true })).toEqual({
      tone: 'stopped',
      heading: 'Check of big.zip cancelled: no verdict was reached.',
      lines: [],
    });
    expect(describeCheck('gone.zip', { error: new Error('The file could not be read') })).toEqual({
      tone: 'fail',
      heading: 'gone.zip could not be checked: The file could not be read',
      lines: [],
    });
  });
});
