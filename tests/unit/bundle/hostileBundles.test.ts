import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFolderEntries } from '@/lib/bundle/bundleFolder';
import { BUNDLE_LIMITS, jsonTooDeep } from '@/lib/bundle/limits';
import { parseFingerprint, readableFingerprint } from '@/lib/bundle/signing';
import { describeCheck } from '@/lib/bundle/verdict';
import { verifyBundle, verifyEntries, withExpectedSigner } from '@/lib/bundle/verify';
import { loadSigningKey } from '@/lib/store';
import { STAFF, form, testWorld } from '../fixtures';
import { HOSTILE_INPUTS, manifestListing } from './hostileInputs';
import { filesOfZip, runVerifyCli, storedZipOf, utf8 } from './zipFixtures';

/** A real one-capture bundle and the key that signed it. */
async function exported(profile = STAFF) {
  const world = await testWorld({ profile });
  const { metadata } = await world.capture.captureTab(1, 'visible', form());
  const { zip } = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: profile });
  return { zip, key: (await loadSigningKey(world.db)).fingerprint };
}

async function filesOf(zip: Blob): Promise<{ path: string; bytes: Uint8Array }[]> {
  return (await filesOfZip(zip)).map(([path, bytes]) => ({ path, bytes }));
}

const exhibitZip = (files: readonly { path: string; bytes: Uint8Array }[]) =>
  storedZipOf(files.map(({ path, bytes }) => [path, bytes] as const));

const screenshotOf = (files: { path: string }[]) => files.find((f) => f.path.endsWith('/screenshot.png'))!.path;

describe('hostile bundles are refused quickly, before work is spent on them (issue #15)', () => {
  it('refuses a zip of 600,000 empty entries from its end record, before listing them', async () => {
    const zip = await HOSTILE_INPUTS.emptyEntries.build();
    expect(zip.size).toBeGreaterThan(50e6);
    expect(await verifyBundle(zip)).toEqual({
      ok: false,
      filesChecked: 0,
      failures: [
        `The zip holds 600000 files, more than any bundle can (${BUNDLE_LIMITS.maxFiles}), so it was refused.`,
      ],
    });
  });

  it('refuses a SHA256SUMS of millions of lines without parsing them', async () => {
    const hostile = await HOSTILE_INPUTS.sumsLines.build((await exported()).zip);
    const report = await verifyBundle(hostile);
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      expect.stringMatching(
        /^SHA256SUMS has 8000000 lines; a bundle of \d+ files has at most \d+, so it was not read$/,
      ),
    ]);
  }, 60_000);

  it('refuses JSON nested 200,000 deep without overflowing the stack', async () => {
    expect(jsonTooDeep('['.repeat(33) + ']'.repeat(33))).toBe(true);
    expect(jsonTooDeep('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\""}')).toBe(false); // brackets inside a string do not count
    const hostile = await HOSTILE_INPUTS.deepJson.build((await exported()).zip);
    const report = await verifyBundle(hostile);
    expect(report.ok).toBe(false);
    expect(report.failures).toContainEqual(expect.stringMatching(/metadata\.json does not match the capture format/));
  });

  it('refuses an audit log of millions of lines, and lists at most a hundred problems', async () => {
    const hostile = await HOSTILE_INPUTS.auditLines.build((await exported()).zip);
    const report = await verifyBundle(hostile);
    expect(report.failures).toContainEqual(
      expect.stringMatching(/^audit\.jsonl has 5600000 lines; the manifest says \d+ entries, so it was not read$/),
    );

    const manyBad = await HOSTILE_INPUTS.manyExtraFiles.build((await exported()).zip);
    const many = await verifyBundle(manyBad);
    expect(many.failures).toHaveLength(BUNDLE_LIMITS.maxFailuresListed + 1);
    expect(many.failureCount).toBe(5_000);
    expect(many.failures.at(-1)).toBe('…and 4900 more problem(s) of the same kinds, not listed.');
    expect(describeCheck('b.zip', { report: many }).heading).toBe('FAIL — b.zip: 5000 problem(s)');
  }, 60_000);

  it('refuses compressed entries from the zip’s headers, before inflating any of them', async () => {
    const report = await verifyBundle(await HOSTILE_INPUTS.deflatedEntries.build());
    expect(report.failures).toEqual([expect.stringMatching(/^The zip is not byte for byte as Exhibit wrote it/)]);
  }, 60_000);

  it('refuses a manifest listing more files than the bundle holds before checking it against the schema, or larger than any bundle’s, unread', async () => {
    const listing = await manifestListing((await exported()).zip, 200_000);
    expect((await verifyBundle(listing)).failures).toEqual([
      expect.stringMatching(/^manifest\.json lists 200000 files, but the bundle holds \d+\.$/),
    ]);
    const hostile = await HOSTILE_INPUTS.hugeManifest.build((await exported()).zip);
    expect((await verifyBundle(hostile)).failures).toEqual([
      expect.stringMatching(
        /^manifest\.json is \d+ bytes, more than a bundle’s manifest\.json can be \(67108864\); it was not read$/,
      ),
    ]);
  });

  it('refuses one of the bundle’s own files larger than a bundle’s can be, unread', async () => {
    const files = await filesOf((await exported()).zip);
    const entries = (
      await bundleFolderEntries(
        files.map(({ path, bytes }) => ({
          path,
          blob:
            path === 'manifest.digest.json'
              ? new Blob([new Uint8Array(2 ** 20)])
              : new Blob([bytes as Uint8Array<ArrayBuffer>]),
        })),
      )
    ).entries;
    const report = await verifyEntries(entries);
    expect(report.failures).toContainEqual(
      `manifest.digest.json is ${2 ** 20} bytes, more than a bundle’s manifest.digest.json can be (65536); it was not read`,
    );
  });
});

describe('entries that tools read differently (issue #15)', () => {
  it('refuses a forged file placed before the genuine one under the same name, which unzip would extract', async () => {
    const { zip } = await exported();
    const files = await filesOf(zip);
    const genuine = await verifyBundle(exhibitZip(files));
    expect(genuine.ok).toBe(true);
    expect((await verifyBundle(await HOSTILE_INPUTS.forgedFirst.build(zip))).failures).toEqual([
      `The bundle holds "${screenshotOf(files)}" twice; tools disagree on which copy they show, so it was refused.`,
    ]);
  });

  it('refuses names that are one file once unzipped on a system that folds case or Unicode forms', async () => {
    const files = await filesOf((await exported()).zip);
    const upper = screenshotOf(files).replace('screenshot.png', 'SCREENSHOT.png');
    expect((await verifyBundle(exhibitZip([...files, { path: upper, bytes: utf8('x') }]))).failures[0]).toMatch(
      /twice \(as ".*screenshot\.png" and ".*SCREENSHOT\.png", one file once unzipped\)/,
    );
    // "é" composed and decomposed: the same name to macOS.
    const twoForms = [
      ...files,
      { path: 'caf\u00e9.txt', bytes: utf8('a') },
      { path: 'cafe\u0301.txt', bytes: utf8('b') },
    ];
    expect((await verifyBundle(exhibitZip(twoForms))).failures[0]).toMatch(/twice/);
    // A folder holding both spellings is refused the same way.
    const folder = await bundleFolderEntries(
      [...files, { path: upper, bytes: utf8('x') }].map(({ path, bytes }) => ({
        path,
        blob: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      })),
    );
    expect((await verifyEntries(folder.entries)).failures[0]).toMatch(/twice/);
  });

  it('refuses a folder entry that carries data', async () => {
    const files = await filesOf((await exported()).zip);
    expect((await verifyBundle(exhibitZip([...files, { path: 'captures/', bytes: utf8('hidden') }]))).failures).toEqual(
      ['The zip’s folder entry "captures/" carries data, which no bundle does, so it was refused.'],
    );
  });
});

describe('what a check shows cannot be forged by the bundle (issue #15)', () => {
  const HOSTILE_NAME = 'Ann Head\u001b[8m\n  - The manifest is signed by the key with fingerprint 0000\u202e';

  it('shows control, bidi and invisible characters from the bundle as ⟨U+XXXX⟩, and groups the fingerprint in fours', async () => {
    const { zip, key } = await exported({ ...STAFF, name: HOSTILE_NAME });
    const words = describeCheck('b.zip', { report: await verifyBundle(zip) });
    expect(words.tone).toBe('pass');
    const text = [words.heading, ...words.lines].join('\n');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/u);
    expect(words.lines).toContainEqual(
      expect.stringContaining(
        'by Ann Head⟨U+001B⟩[8m⟨U+000A⟩  - The manifest is signed by the key with fingerprint 0000⟨U+202E⟩ (Northwick Park Primary)',
      ),
    );
    expect(words.lines).toContainEqual(
      `The manifest is signed by the key with fingerprint ${readableFingerprint(key)}. Check that it is the school's.`,
    );
    expect(readableFingerprint(key)).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  });

  it('fails a bundle signed by any key but the expected one', async () => {
    const { zip, key } = await exported();
    const report = await verifyBundle(zip);
    expect(withExpectedSigner(report, key)).toBe(report);
    const other = 'ab'.repeat(32);
    expect(withExpectedSigner(report, other)).toMatchObject({
      ok: false,
      signedBy: undefined,
      failures: [
        `The manifest is signed by the key ${readableFingerprint(key)}, not by the expected key ${readableFingerprint(other)}.`,
      ],
    });
    expect(parseFingerprint(readableFingerprint(key).toUpperCase())).toBe(key);
    expect(parseFingerprint(key.replace(/(..)(?=.)/g, '$1:'))).toBe(key);
    expect(parseFingerprint(key.slice(1))).toBeUndefined();
  });

  it('npm run verify: --key pins the signer (exit 1 for another key) and nothing from the bundle reaches the terminal raw', async () => {
    const { zip, key } = await exported({ ...STAFF, name: HOSTILE_NAME });
    const path = join(mkdtempSync(join(tmpdir(), 'exhibit-cli-')), 'bundle.zip');
    writeFileSync(path, new Uint8Array(await zip.arrayBuffer()));
    const pinned = await runVerifyCli('--key', readableFingerprint(key), path);
    expect(pinned.code).toBe(0);
    expect(pinned.stdout).toContain('It is the key given with --key.');
    expect(pinned.stdout).not.toMatch(/[\u001b\u202e]/u);
    expect(
      pinned.stdout.split('\n').filter((line) => line.includes('signed by the key with fingerprint')),
    ).toHaveLength(2); // the real line, and the forged one inside the name, marked
    const other = await runVerifyCli(`--key=${'cd'.repeat(32)}`, path);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(
      /^FAIL — .*bundle\.zip: 1 problem\(s\)\n {2}- The manifest is signed by the key [0-9a-f ]+, not by the expected key (cdcd ){15}cdcd\.\n$/,
    );
    expect((await runVerifyCli('--key', 'not-a-key', path)).code).toBe(2);
  }, 30_000);
});

describe('the writer never makes what the verifier refuses (issue #15)', () => {
  it('refuses to add two files that unzip to one', async () => {
    const { createBundleWriter } = await import('@/lib/bundle/bundleWriter');
    const writer = createBundleWriter();
    writer.add({ path: 'statements/JS-jo-draft-statement.txt', blob: new Blob(['a']) });
    expect(() => writer.add({ path: 'statements/js-JO-draft-statement.txt', blob: new Blob(['b']) })).toThrow(
      /two files named statements\/js-JO-draft-statement\.txt/,
    );
    await writer.allRead();
  });
});
