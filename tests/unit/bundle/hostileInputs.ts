import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js/index-native.js';
import { ZIP_LIMITS } from '@/lib/bundle/verify';
import { deflatedZerosZip, emptyEntriesZip, filesOfZip, fromUtf8, rezip, storedZipOf, utf8 } from './zipFixtures';

/**
 * The hostile inputs of issue #15's review, each built from a genuine bundle (or from nothing):
 * the unit tests check each is refused with the right words, and `npm run bench` (BENCH=hostile)
 * times the CLI and reads its memory on each.
 */
export interface HostileInput {
  name: string;
  build(genuine: Blob): Promise<Blob>;
}

/** A genuine bundle whose manifest lists `count` made-up files. */
export function manifestListing(genuine: Blob, count: number): Promise<Blob> {
  return rezip(genuine, (files) => {
    const manifest = JSON.parse(fromUtf8(files.get('manifest.json'))) as { files: unknown[] };
    manifest.files = Array.from({ length: count }, (_, i) => ({
      path: `f${i}`,
      bytes: 0,
      sha256: '0'.repeat(64),
      mimeType: 'x',
    }));
    files.set('manifest.json', utf8(JSON.stringify(manifest)));
  });
}

const metadataPath = (files: Map<string, Uint8Array>) => [...files.keys()].find((p) => p.endsWith('/metadata.json'))!;

export const HOSTILE_INPUTS = {
  emptyEntries: { name: '600,000 empty entries (zip64)', build: async () => emptyEntriesZip(600_000) },
  sumsLines: {
    name: 'SHA256SUMS of 8,000,000 lines',
    build: (genuine) => rezip(genuine, (files) => files.set('SHA256SUMS', utf8('x\n'.repeat(8_000_000)))),
  },
  deepJson: {
    name: 'metadata.json nested 200,000 deep',
    build: (genuine) =>
      rezip(genuine, (files) => files.set(metadataPath(files), utf8('['.repeat(200_000) + ']'.repeat(200_000)))),
  },
  auditLines: {
    name: 'audit.jsonl of 5,600,000 `{}` lines',
    build: (genuine) => rezip(genuine, (files) => files.set('audit.jsonl', utf8('{}\n'.repeat(5_600_000)))),
  },
  manyExtraFiles: {
    name: '5,000 added files (problems listed to 100)',
    build: (genuine) =>
      rezip(genuine, (files) =>
        Array.from({ length: 5_000 }, (_, i) => files.set(`captures/extra-${i}.png`, new Uint8Array([i % 256]))),
      ),
  },
  hugeManifest: {
    name: 'manifest.json listing 1,000,000 files',
    build: (genuine) => manifestListing(genuine, 1_000_000),
  },
  deflatedEntries: {
    name: '600 deflated entries of 16 MiB of zeros, each just under the zip-bomb limit (9.4 GiB unpacked)',
    build: async () => deflatedZerosZip(600, ZIP_LIMITS.ratioAppliesAbove, 'manifest.json'),
  },
  zipBomb: {
    name: 'zip bomb: manifest.json of 64 MiB of zeros',
    build: async () => {
      const writer = new ZipWriter(new BlobWriter('application/zip'));
      await writer.add('manifest.json', new Uint8ArrayReader(new Uint8Array(64 * 2 ** 20)), { level: 9 });
      return writer.close();
    },
  },
  forgedFirst: {
    name: 'a forged screenshot.png before the genuine one',
    build: async (genuine) => {
      const files = await filesOfZip(genuine);
      const screenshot = files.find(([path]) => path.endsWith('/screenshot.png'))![0];
      return storedZipOf([[screenshot, utf8('forged')], ...files]);
    },
  },
} satisfies Record<string, HostileInput>;
