import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { storedZip, type StoredZipEntry } from '@/lib/bundle/storedZip';
import { openZip } from '@/lib/bundle/zipReader';
import { fromUtf8, utf8 } from './zipFixtures';

const FILES: [string, string][] = [
  ['captures/001-JS-1/screenshot.png', 'not really a png'],
  ['captures/001-JS-1/empty.txt', ''],
  ['statements/Zoë Ångström — draft.txt', 'names in UTF-8'],
  ['manifest.json', '{"files":[]}\n'],
];
const entriesOf = (files: [string, string][]): StoredZipEntry[] =>
  files.map(([path, text]) => ({ path, blob: new Blob([utf8(text)]), crc32: crc32(utf8(text)) }));
const WHEN = new Date(2026, 10, 25, 14, 30, 12);

async function readBack(zip: Blob): Promise<[string, string][]> {
  const { entries, close } = await openZip(zip);
  const files: [string, string][] = [];
  for (const entry of entries) files.push([entry.path, fromUtf8(await entry.read())]);
  await close();
  return files;
}

/** Offsets of a 4-byte little-endian signature in the zip's bytes. */
async function signatureOffsets(zip: Blob, signature: number): Promise<number[]> {
  const view = new DataView(await zip.arrayBuffer());
  const found: number[] = [];
  for (let at = 0; at + 4 <= view.byteLength; at++) if (view.getUint32(at, true) === signature) found.push(at);
  return found;
}

describe('storedZip: a zip that links the files’ Blobs in', () => {
  it('is read back by zip.js (which checks every CRC) with every path and byte as given, in order', async () => {
    const zip = storedZip(entriesOf(FILES), WHEN);
    expect(zip.type).toBe('application/zip');
    expect(await readBack(zip)).toEqual(FILES);
  });

  it('records the modification time, to the two seconds zip times allow', async () => {
    const { ZipReader, BlobReader } = await import('@zip.js/zip.js/index-native.js');
    const reader = new ZipReader(new BlobReader(storedZip(entriesOf(FILES), WHEN)));
    const [first] = await reader.getEntries();
    expect(first!.lastModDate.getTime()).toBe(WHEN.getTime());
    await reader.close();
  });

  it('writes no zip64 records when nothing needs them', async () => {
    const zip = storedZip(entriesOf(FILES), WHEN);
    expect(await signatureOffsets(zip, 0x06064b50)).toEqual([]);
  });

  it('writes zip64 sizes, offsets and end records where the 32- and 16-bit fields run out, and readers take them', async () => {
    // Limits lowered so every size, offset and the count "overflow": the records a 4.5 GB bundle needs.
    const zip = storedZip(entriesOf(FILES), WHEN, { max32: 1, max16: 2 });
    expect(await readBack(zip)).toEqual(FILES);
    const [zip64End] = await signatureOffsets(zip, 0x06064b50);
    const [locator] = await signatureOffsets(zip, 0x07064b50);
    expect(locator).toBe(zip64End! + 56);
    const view = new DataView(await zip.arrayBuffer());
    expect(Number(view.getBigUint64(locator! + 8, true))).toBe(zip64End);
    expect(Number(view.getBigUint64(zip64End! + 32, true))).toBe(FILES.length);
  });

  it('carries the CRC the caller gives, so a wrong one is caught by readers', async () => {
    const entries = entriesOf(FILES).map((e, i) => (i === 0 ? { ...e, crc32: (e.crc32 + 1) >>> 0 } : e));
    const { entries: read, close } = await openZip(storedZip(entries, WHEN));
    await expect(read[0]!.read()).rejects.toThrow();
    expect(fromUtf8(await read[1]!.read())).toBe('');
    await close();
  });

  it('lays a zip out byte for byte as it has since 2026-11-25: the verifier requires that layout of every bundle already handed over', async () => {
    // Change the writer and this fails: bundles in recipients' hands would then fail their check
    // unless the verifier learns the old layout too (a format version in the manifest would tell it).
    const zip = storedZip(
      entriesOf([
        ['manifest.json', '{}'],
        ['captures/001-JS-1/screenshot.png', 'png'],
      ]),
      new Date(2026, 5, 1, 9, 0, 0),
    );
    expect(Buffer.from(await zip.arrayBuffer()).toString('hex')).toBe(
      '504b03041400000800000048c15c43bfa6a302000000020000000d0000006d616e69666573742e6a736f6e7b7d' +
        '504b03041400000800000048c15c9003188303000000030000002000000063617074757265732f3030312d4a532d312f73637265656e73686f742e706e67706e67' +
        '504b01022d031400000800000048c15c43bfa6a302000000020000000d0000000000000000000000a481000000006d616e69666573742e6a736f6e' +
        '504b01022d031400000800000048c15c900318830300000003000000200000000000000000000000a4812d00000063617074757265732f3030312d4a532d312f73637265656e73686f742e706e67' +
        '504b05060000000002000200890000006e0000000000',
    );
  });
});
