import { describe, expect, it } from 'vitest';
import { verifyBundle } from '@/lib/bundle/verify';
import { openZip } from '@/lib/bundle/zipReader';
import { parseSha256Sums } from '@/lib/bundle/sha256sums';
import { sha256Hex } from '@/lib/hash';
import { STAFF, form, testWorld } from '../fixtures';
import { fromUtf8, rezip, storedZipOf, utf8, zipOf } from './zipFixtures';

async function exportedBundle() {
  const world = await testWorld();
  const first = await world.capture.captureTab(1, 'visible', form({ note: 'first' }));
  const other = await world.capture.captureTab(1, 'visible', form({ note: 'not exported' }));
  const second = await world.capture.captureTab(1, 'visible', form({ note: 'second' }));
  await world.evidence.editCapture(first.metadata.id, { field: 'note', to: 'first, corrected' }, STAFF);
  const progress: number[] = [];
  const bundle = await world.exporter.exportBundle({
    captureIds: [second.metadata.id, first.metadata.id],
    exportedBy: STAFF,
    onProgress: (p) => progress.push(p.done / p.total),
  });
  return {
    world,
    bundle,
    progress,
    ids: { first: first.metadata.id, second: second.metadata.id, other: other.metadata.id },
  };
}

const screenshotPath = (files: Map<string, Uint8Array>) => [...files.keys()].find((p) => p.endsWith('screenshot.png'))!;

describe('export and verify', () => {
  it('exports the chosen captures into a bundle that verifies', async () => {
    const { bundle, progress, ids } = await exportedBundle();
    expect(bundle.fileName).toMatch(/^exhibit-northwick-park-primary-\d{8}T\d{6}Z-[0-9a-f]{8}\.zip$/);
    expect(progress.at(-1)).toBe(1);

    const checked: [number, number][] = [];
    const report = await verifyBundle(bundle.zip, (done, of) => checked.push([done, of]));
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.manifest?.captures.map((c) => c.id)).toEqual([ids.first, ids.second]);
    // Told after each listed file, so a page can show how far a long check has got.
    expect(checked).toEqual(bundle.manifest.files.map((_, i) => [i + 1, bundle.manifest.files.length]));

    const { entries } = await openZip(bundle.zip);
    const paths = entries.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['manifest.json', 'SHA256SUMS', 'audit.jsonl', 'report.html', 'manifest.schema.json']),
    );
    expect(paths.filter((p) => p.endsWith('/screenshot.png'))).toHaveLength(2);
    expect(paths.filter((p) => p.endsWith('/metadata.json'))).toHaveLength(2);
  });

  it('writes SHA256SUMS that covers every file including the manifest', async () => {
    const { bundle } = await exportedBundle();
    const { entries } = await openZip(bundle.zip);
    const sums = parseSha256Sums(fromUtf8(await entries.find((e) => e.path === 'SHA256SUMS')!.read()));
    expect(sums.problems).toEqual([]);
    for (const entry of entries.filter((e) => e.path !== 'SHA256SUMS')) {
      expect(sums.lines.find((l) => l.path === entry.path)?.sha256, entry.path).toBe(sha256Hex(await entry.read()));
    }
  });

  it('withholds audit entries about captures outside the export but keeps the chain whole', async () => {
    const { bundle, ids } = await exportedBundle();
    const { entries } = await openZip(bundle.zip);
    const audit = fromUtf8(await entries.find((e) => e.path === 'audit.jsonl')!.read());
    expect(audit).not.toContain('not exported');
    expect(audit).not.toContain(ids.other);
    const lines = audit
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(lines[1]).toMatchObject({ withheld: true });
  });

  it('fails when one byte of a screenshot changes', async () => {
    const { bundle } = await exportedBundle();
    const tampered = await rezip(bundle.zip, (files) => {
      const path = screenshotPath(files);
      const bytes = files.get(path)!.slice();
      bytes[bytes.length - 1]! ^= 0x01;
      files.set(path, bytes);
    });
    const report = await verifyBundle(tampered);
    expect(report.ok).toBe(false);
    expect(report.failures.join('\n')).toMatch(
      /screenshot\.png has been changed: its SHA-256 does not match the manifest/,
    );
    expect(report.failures.join('\n')).toMatch(/screenshot\.png does not match its line in SHA256SUMS/);
  });

  it('fails when a file is removed or added', async () => {
    const { bundle } = await exportedBundle();
    const removed = await verifyBundle(await rezip(bundle.zip, (files) => void files.delete(screenshotPath(files))));
    expect(removed.failures.join('\n')).toMatch(
      /screenshot\.png is listed in the manifest but missing from the bundle/,
    );
    const added = await verifyBundle(await rezip(bundle.zip, (files) => void files.set('extra.txt', utf8('hello'))));
    expect(added.failures).toContain('extra.txt is in the bundle but not listed in the manifest');
  });

  it('fails when metadata is edited and re-hashed everywhere: the audit chain and the signature catch it', async () => {
    const { bundle } = await exportedBundle();
    const tampered = await rezip(bundle.zip, (files) => {
      const path = [...files.keys()].find((p) => p.endsWith('metadata.json'))!;
      const metadata = JSON.parse(fromUtf8(files.get(path)));
      metadata.page.url = 'https://social.example/someone-else';
      const bytes = utf8(JSON.stringify(metadata));
      files.set(path, bytes);
      const manifest = JSON.parse(fromUtf8(files.get('manifest.json')));
      const entry = manifest.files.find((f: { path: string }) => f.path === path);
      Object.assign(entry, { bytes: bytes.length, sha256: sha256Hex(bytes) });
      const manifestBytes = utf8(JSON.stringify(manifest));
      files.set('manifest.json', manifestBytes);
      const sums = fromUtf8(files.get('SHA256SUMS'))
        .split('\n')
        .map((line) =>
          line.endsWith(`  ${path}`)
            ? `${sha256Hex(bytes)}  ${path}`
            : line.endsWith('  manifest.json')
              ? `${sha256Hex(manifestBytes)}  manifest.json`
              : line,
        );
      files.set('SHA256SUMS', utf8(sums.join('\n')));
    });
    const report = await verifyBundle(tampered);
    expect(report.failures).toEqual(
      expect.arrayContaining([
        'manifest.digest.json: manifest.json is not the manifest whose SHA-256 it records',
        'manifest.digest.json: the signature does not match manifest.json',
        expect.stringMatching(/metadata\.json differs from what was recorded at capture/),
        // The cover sheet, made for the manifest exported, names its SHA-256 (issue #20).
        "cover.txt gives another SHA-256 than manifest.json's",
      ]),
    );
    expect(report.failures).toHaveLength(4);
  });

  it('fails when an audit entry is changed', async () => {
    const { bundle } = await exportedBundle();
    const report = await verifyBundle(
      await rezip(
        bundle.zip,
        (files) =>
          void files.set(
            'audit.jsonl',
            utf8(fromUtf8(files.get('audit.jsonl')).replace('first, corrected', 'something else')),
          ),
      ),
    );
    expect(report.failures).toContain('audit entry 4 has been changed since it was recorded');
  });

  it('says plainly when a file is not a zip, or a zip that is not a bundle', async () => {
    expect(await verifyBundle(new Blob(['just some text']))).toMatchObject({
      ok: false,
      failures: ['This file is not a zip archive, so it is not an Exhibit bundle.'],
    });
    const holiday = await zipOf(new Map([['beach.jpg', utf8('not really')]]));
    expect(await verifyBundle(holiday)).toMatchObject({
      ok: false,
      failures: ['This is not an Exhibit bundle: it has no manifest.json.'],
    });
  });

  it('reports a manifest that does not match the schema', async () => {
    const bad = storedZipOf(
      new Map([['manifest.json', utf8(JSON.stringify({ format: 'exhibit-evidence-bundle', files: 'all of them' }))]]),
    );
    const report = await verifyBundle(bad);
    expect(report.ok).toBe(false);
    expect(report.failures[0]).toBe('manifest.json does not match the bundle format.');
    expect(report.failures.some((f) => f.startsWith('manifest.json: files:'))).toBe(true);
  });

  it('flags unsafe paths inside the zip', async () => {
    const { bundle } = await exportedBundle();
    const report = await verifyBundle(
      await rezip(bundle.zip, (files) => void files.set('../evil.sh', utf8('rm -rf /'))),
    );
    expect(report).toMatchObject({
      ok: false,
      failures: ['The zip holds a file with an unsafe path (outside the bundle folder), so it was refused.'],
    });
  });

  it('stops a cancelled export with a plain message and no bundle', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const controller = new AbortController();
    const attempt = world.exporter.exportBundle({
      captureIds: [metadata.id],
      exportedBy: STAFF,
      signal: controller.signal,
      onProgress: (p) => p.done === 2 && controller.abort(),
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'export-cancelled',
      message: expect.stringContaining('No file was saved'),
    });
  });

  it('refuses to export a stored file that no longer matches its capture hash', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    await world.db.files.update([metadata.id, 'screenshot.png'], { blob: new Blob(['corrupted']) });
    await expect(world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF })).rejects.toMatchObject({
      code: 'export-failed',
      message: expect.stringContaining('no longer matches the hash recorded'),
    });
  });
});
