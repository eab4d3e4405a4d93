import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '@/lib/bundle/verify';
import { fileBlob } from '../../../scripts/fileBlob';
import { STAFF, form, testWorld } from '../fixtures';

const dir = mkdtempSync(join(tmpdir(), 'exhibit-fileblob-'));

describe('fileBlob: a bundle on disk for the CLI verifier', () => {
  it('gives the true size of a file over 4 GiB and reads at offsets past it (sparse file, no disk used)', async () => {
    const path = join(dir, 'big.bin');
    writeFileSync(path, '');
    truncateSync(path, 4_600_000_123);
    const blob = await fileBlob(path);
    expect(blob.size).toBe(4_600_000_123);
    const tail = blob.slice(blob.size - 10);
    expect(tail.size).toBe(10);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(new Uint8Array(10));
    expect(blob.slice(4_294_967_296, 4_294_967_300).size).toBe(4);
  });

  it('lets the verifier check an exported bundle read from disk, by slices and streams', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const { zip } = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const path = join(dir, 'bundle.zip');
    writeFileSync(path, new Uint8Array(await zip.arrayBuffer()));
    const report = await verifyBundle(await fileBlob(path));
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
