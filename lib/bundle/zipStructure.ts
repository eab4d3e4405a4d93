import { zipLayout } from './storedZip';
import type { DirectoryRecord } from './zipReader';
import { required } from '../required';

/**
 * Where a zip differs from the zip Exhibit's writer makes of the files its directory lists, or
 * undefined when it is that zip, byte for byte. Every file's bytes are checked by their SHA-256;
 * this covers the rest (headers, directory, end records), so a changed byte anywhere in a bundle
 * is found, including in fields no reader looks at (issue #5). A zip re-made by another tool
 * differs too, though its files may be intact: the message says how to check them.
 */
export async function differenceFromExhibitZip(
  zip: Blob,
  directory: readonly DirectoryRecord[],
): Promise<string | undefined> {
  const when = directory[0]?.dosDateTime ?? 0;
  // Header bytes in runs that lie end to end in the file, each read once.
  const runs: { at: number; end: number; pieces: { bytes: Uint8Array; what: string }[] }[] = [];
  let at = 0;
  for (const piece of zipLayout(directory, { time: when & 0xffff, date: when >>> 16 })) {
    if ('file' in piece) {
      at += required(directory[piece.file], `directory record ${piece.file}`).size;
      continue;
    }
    const previous = runs.at(-1);
    const run = previous?.end === at ? previous : { at, end: at, pieces: [] as { bytes: Uint8Array; what: string }[] };
    if (run !== previous) runs.push(run);
    run.pieces.push(piece);
    at += piece.bytes.length;
    run.end = at;
  }
  const tampered = (where: string) =>
    `The zip is not byte for byte as Exhibit wrote it (${where}): it was changed, or re-zipped, after export. Its files can still be checked one by one: unzip it and check the folder.`;
  if (at !== zip.size) return tampered(`it is ${zip.size} bytes long; as written it would be ${at}`);
  for (const run of runs) {
    const found = new Uint8Array(await zip.slice(run.at, run.end).arrayBuffer());
    let offset = 0;
    for (const { bytes, what } of run.pieces) {
      const differs = bytes.findIndex((byte, i) => found[offset + i] !== byte);
      if (differs !== -1) return tampered(`byte ${run.at + offset + differs}, in ${what}`);
      offset += bytes.length;
    }
  }
  return undefined;
}
