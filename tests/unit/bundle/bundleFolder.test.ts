import { describe, expect, it } from 'vitest';
import { bundleFolderEntries, setAsideNote } from '@/lib/bundle/bundleFolder';
import { verifyEntries } from '@/lib/bundle/verify';
import { openZip } from '@/lib/bundle/zipReader';
import { STAFF, form, testWorld } from '../fixtures';

/** A bundle as a recipient's unzipped folder: its files by path. */
async function unzippedBundle() {
  const world = await testWorld();
  const { metadata } = await world.capture.captureTab(1, 'visible', form());
  const { zip } = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
  const { entries } = await openZip(zip);
  return Promise.all(entries.map(async (e) => ({ path: e.path, blob: new Blob([await e.read()]) })));
}

describe('an unzipped bundle folder', () => {
  it('sets aside what Finder and Explorer leave in a folder, names it, and still passes', async () => {
    const files = await unzippedBundle();
    const screenshot = files.find((f) => f.path.endsWith('/screenshot.png'))!.path;
    const litter = ['.DS_Store', `${screenshot.replace('screenshot.png', '.DS_Store')}`, screenshot.replace('screenshot.png', '._screenshot.png'), 'Thumbs.db', 'desktop.ini', '__MACOSX/report.html'];
    const { entries, setAside } = bundleFolderEntries([...files, ...litter.map((path) => ({ path, blob: new Blob(['os']) }))]);
    expect(setAside).toEqual(litter);
    expect((await verifyEntries(entries)).failures).toEqual([]);
    expect(setAsideNote(setAside)).toBe(`Set aside, as made by the operating system and not part of the bundle: ${litter.join(', ')}.`);
    expect(setAsideNote([])).toBeUndefined();
  });

  it('still fails on any other added file, and on a changed one', async () => {
    const files = await unzippedBundle();
    const added = bundleFolderEntries([...files, { path: 'captures/extra.png', blob: new Blob(['x']) }, { path: 'DS_Store.png', blob: new Blob(['x']) }]);
    expect(added.setAside).toEqual([]);
    expect((await verifyEntries(added.entries)).failures).toEqual(['captures/extra.png is in the bundle but not listed in the manifest', 'DS_Store.png is in the bundle but not listed in the manifest']);
    const changed = files.map((f) => (f.path.endsWith('/screenshot.png') ? { ...f, blob: new Blob(['another picture']) } : f));
    expect((await verifyEntries(bundleFolderEntries(changed).entries)).ok).toBe(false);
  });

  it('points to the bundle’s own folder when the folder around it was chosen', async () => {
    const files = (await unzippedBundle()).map((f) => ({ ...f, path: `exhibit-northwick-2026-06-01/${f.path}` }));
    const report = await verifyEntries(bundleFolderEntries(files).entries);
    expect(report.failures[0]).toBe('This is not an Exhibit bundle: it has no manifest.json. Its manifest.json is inside exhibit-northwick-2026-06-01/: check that folder instead.');
  });
});
