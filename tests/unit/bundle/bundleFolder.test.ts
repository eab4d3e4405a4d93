import { describe, expect, it } from 'vitest';
import { bundleFolderEntries, setAsideNote } from '@/lib/bundle/bundleFolder';
import { verifyEntries } from '@/lib/bundle/verify';
import { openZip } from '@/lib/bundle/zipReader';
import { STAFF, form, testWorld } from '../fixtures';
import { runVerifyCli } from './zipFixtures';

/** A bundle as a recipient's unzipped folder: its files by path. */
async function unzippedBundle() {
  const world = await testWorld();
  const { metadata } = await world.capture.captureTab(1, 'visible', form());
  const { zip } = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
  const { entries } = await openZip(zip);
  return Promise.all(entries.map(async (e) => ({ path: e.path, blob: new Blob([await e.read()]) })));
}

/** What each system file really begins with (AppleDouble, Finder's Bud1, OLE, INI text). */
function realLitter(path: string): Uint8Array<ArrayBuffer> {
  const name = path.split('/').at(-1)!;
  if (name.startsWith('._')) return Uint8Array.from([0x00, 0x05, 0x16, 0x07, 0, 2, 0, 0]);
  if (name === '.DS_Store') return Uint8Array.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31, 0, 0]);
  if (name === 'Thumbs.db') return Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
  return new TextEncoder().encode('[.ShellClassInfo]\r\nIconResource=C:\\icon.ico,0\r\n');
}

describe('an unzipped bundle folder', () => {
  it('sets aside what Finder and Explorer leave in a folder, names it, and still passes', async () => {
    const files = await unzippedBundle();
    const screenshot = files.find((f) => f.path.endsWith('/screenshot.png'))!.path;
    const litter = [
      '.DS_Store',
      screenshot.replace('screenshot.png', '.DS_Store'),
      screenshot.replace('screenshot.png', '._screenshot.png'),
      'Thumbs.db',
      'desktop.ini',
      '__MACOSX/._report.html',
    ];
    const { entries, setAside } = await bundleFolderEntries([
      ...files,
      ...litter.map((path) => ({ path, blob: new Blob([realLitter(path)]) })),
    ]);
    expect(setAside).toEqual(litter);
    expect((await verifyEntries(entries)).failures).toEqual([]);
    expect(setAsideNote(setAside)).toBe(
      `Set aside, as made by the operating system and not part of the bundle: ${litter.join(', ')}.`,
    );
    expect(setAsideNote([])).toBeUndefined();
  });

  it('still fails on any other added file, and on a changed one', async () => {
    const files = await unzippedBundle();
    const added = await bundleFolderEntries([
      ...files,
      { path: 'captures/extra.png', blob: new Blob(['x']) },
      { path: 'DS_Store.png', blob: new Blob(['x']) },
    ]);
    expect(added.setAside).toEqual([]);
    expect((await verifyEntries(added.entries)).failures).toEqual([
      'captures/extra.png is in the bundle but not listed in the manifest',
      'DS_Store.png is in the bundle but not listed in the manifest',
    ]);
    const changed = files.map((f) =>
      f.path.endsWith('/screenshot.png') ? { ...f, blob: new Blob(['another picture']) } : f,
    );
    expect((await verifyEntries((await bundleFolderEntries(changed)).entries)).ok).toBe(false);
  });

  it('sets aside only files that are what their names say: a picture named like a system file fails the check (issue #15)', async () => {
    const files = await unzippedBundle();
    const png = files.find((f) => f.path.endsWith('/screenshot.png'))!.blob;
    const disguised = ['._evidence.png', '__MACOSX/._x', '__MACOSX/photo.png', '.DS_Store', 'Thumbs.db', 'desktop.ini'];
    const { entries, setAside } = await bundleFolderEntries([
      ...files,
      ...disguised.map((path) => ({ path, blob: png })),
    ]);
    expect(setAside).toEqual([]);
    const report = await verifyEntries(entries);
    expect(report.failures).toEqual(disguised.map((path) => `${path} is in the bundle but not listed in the manifest`));
  });

  it('npm run verify fails a folder holding a link, which could stand for a file outside it (issue #15)', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } = await import('node:fs');
    const { join, dirname } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(join(tmpdir(), 'exhibit-folder-'));
    for (const file of await unzippedBundle()) {
      mkdirSync(dirname(join(folder, file.path)), { recursive: true });
      writeFileSync(join(folder, file.path), new Uint8Array(await file.blob.arrayBuffer()));
    }
    expect((await runVerifyCli(folder)).code).toBe(0);
    symlinkSync('/etc/hostname', join(folder, 'captures', 'extra.png'));
    const linked = await runVerifyCli(folder);
    expect(linked.code).toBe(1);
    expect(linked.stdout).toContain('captures/extra.png is a link or special file, not a file of the bundle');
  }, 30_000);

  it('points to the bundle’s own folder when the folder around it was chosen', async () => {
    const files = (await unzippedBundle()).map((f) => ({ ...f, path: `exhibit-northwick-2026-06-01/${f.path}` }));
    const report = await verifyEntries((await bundleFolderEntries(files)).entries);
    expect(report.failures[0]).toBe(
      'This is not an Exhibit bundle: it has no manifest.json. Its manifest.json is inside exhibit-northwick-2026-06-01/: check that folder instead.',
    );
  });
});
