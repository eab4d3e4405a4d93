import { describe, expect, it } from 'vitest';
import { bundleFolderEntries } from '@/lib/bundle/bundleFolder';
import { verifyBundle, verifyEntries } from '@/lib/bundle/verify';
import { openZip } from '@/lib/bundle/zipReader';
import { STAFF, form, testWorld } from '../fixtures';
import { zipOf } from './zipFixtures';

async function exportedBundle() {
  const world = await testWorld();
  const { metadata } = await world.capture.captureTab(1, 'visible', form());
  return (await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF })).zip;
}

/** Where the first file's local header, the first directory record and the end record lie. */
function headerBytes(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const localEnd = 30 + view.getUint16(26, true) + view.getUint16(28, true);
  const end = zip.length - 22;
  const directory = view.getUint32(end + 16, true);
  const recordEnd = directory + 46 + view.getUint16(directory + 28, true) + view.getUint16(directory + 30, true);
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  return [...range(0, localEnd), ...range(directory, recordEnd), ...range(end, zip.length)];
}

describe('the zip around the files', () => {
  it('fails on a change to any byte of a header, a directory record or the end record, even fields no reader uses', async () => {
    const zip = new Uint8Array(await (await exportedBundle()).arrayBuffer());
    expect((await verifyBundle(new Blob([zip]))).ok).toBe(true);
    const passed: number[] = [];
    for (const at of headerBytes(zip)) {
      const changed = zip.slice();
      changed[at]! ^= 0x01;
      if ((await verifyBundle(new Blob([changed]))).ok) passed.push(at);
    }
    expect(passed).toEqual([]);
  });

  it('names the byte when only the zip around intact files changed, and says how to check them', async () => {
    const zip = new Uint8Array(await (await exportedBundle()).arrayBuffer());
    const end = zip.length - 22;
    const directory = new DataView(zip.buffer).getUint32(end + 16, true);
    zip[directory + 4]! ^= 0x01; // "version made by": no reader looks at it
    const report = await verifyBundle(new Blob([zip]));
    expect(report.failures).toEqual([
      `The zip is not byte for byte as Exhibit wrote it (byte ${directory + 4}, in the zip's directory record of captures/001-JS-1/screenshot.png): it was changed, or re-zipped, after export. Its files can still be checked one by one: unzip it and check the folder.`,
    ]);
    expect(report.signedBy).toBeUndefined();
  });

  it('refuses a bundle re-zipped by another tool, whose files still check out one by one', async () => {
    const { entries, close } = await openZip(await exportedBundle());
    const files = new Map(await Promise.all(entries.map(async (e) => [e.path, await e.read()] as const)));
    await close();
    const rezipped = await zipOf(files);
    const report = await verifyBundle(rezipped);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatch(
      /^The zip is not byte for byte as Exhibit wrote it \(.*\): it was changed, or re-zipped, after export\./,
    );
    const folder = await bundleFolderEntries([...files].map(([path, bytes]) => ({ path, blob: new Blob([bytes]) })));
    expect((await verifyEntries(folder.entries)).ok).toBe(true);
  });
});
