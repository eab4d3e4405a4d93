import { ExhibitError } from '../errors';
import { WHOLE_FILE_HASH_LIMIT } from '../hash';
import { BUNDLE_LIMITS, foldedName } from './limits';
import { createBufferPool, digestFile, type FileDigest } from './fileDigest';
import type { ManifestFile } from './manifest';
import { createByteBudget, readAhead } from './readAhead';
import { storedZip, type StoredZipEntry } from './storedZip';

export interface BundleFile {
  path: string;
  blob: Blob;
}

/** A file on its way into the bundle: its hashes settle once read (and checked, for stored files). */
export interface PendingFile extends BundleFile {
  digest: Promise<FileDigest>;
}

export interface AddOptions {
  /** False for the files that describe the manifest itself (the manifest, its digest, SHA256SUMS). */
  listInManifest?: boolean;
  /** The hash recorded for a stored file; `mismatch()` is thrown if its bytes no longer have it. */
  expectedSha256?: string;
  mismatch?: () => Error;
}

/** Files read ahead of the one being zipped, and the most bytes those reads may hold at once. */
const READ_AHEAD = 3;
const READ_AHEAD_BYTES = WHOLE_FILE_HASH_LIMIT;

/**
 * The bundle's files on their way into the zip (issue #5, export speed): each is read once, from
 * the moment it is added, for its SHA-256 (its manifest line is filled in then) and CRC-32; a stored
 * file is checked against its recorded hash by that same read. The zip links the files' Blobs in
 * (./storedZip.ts), so no byte is copied in the page.
 */
export function createBundleWriter(signal?: AbortSignal) {
  const listed: ManifestFile[] = [];
  /** Every file's line, listed in the manifest or not, in the order added: what SHA256SUMS gives. */
  const all: ManifestFile[] = [];
  const hashing: Promise<unknown>[] = [];
  const reading = createByteBudget(READ_AHEAD_BYTES);
  const buffers = createBufferPool();
  const names = new Set<string>();
  return {
    /** The manifest's lines, in the order the files were added. */
    listed,
    add(file: BundleFile, options: AddOptions = {}): PendingFile {
      signal?.throwIfAborted();
      // What the verifier refuses, the writer never makes (issue #15): two files that unzip to one,
      // or more files than a bundle may hold.
      const folded = foldedName(file.path);
      if (names.has(folded))
        throw new ExhibitError(
          'export-failed',
          `The bundle would hold two files named ${file.path} (or names that differ only in case), so it was not made. Nothing was saved.`,
        );
      names.add(folded);
      if (names.size > BUNDLE_LIMITS.maxFiles)
        throw new ExhibitError(
          'export-failed',
          `The bundle would hold more than ${BUNDLE_LIMITS.maxFiles} files, more than a bundle may; export fewer captures at a time. Nothing was saved.`,
        );
      const line = {
        path: file.path,
        bytes: file.blob.size,
        sha256: '',
        mimeType: file.blob.type || 'application/octet-stream',
      };
      if (options.listInManifest ?? true) listed.push(line);
      all.push(line);
      const digest = reading(Math.min(file.blob.size, WHOLE_FILE_HASH_LIMIT), () =>
        digestFile(file.blob, buffers),
      ).then((d) => {
        if (options.expectedSha256 && d.sha256 !== options.expectedSha256)
          throw options.mismatch?.() ?? new Error(`${file.path} does not match its recorded hash.`);
        line.sha256 = d.sha256;
        return d;
      });
      digest.catch(() => undefined); // reaches the caller when the zip comes to this file
      hashing.push(digest);
      return { ...file, digest };
    },
    /** Every file added so far with its SHA-256, once allRead() has settled. */
    digests(): readonly { path: string; sha256: string }[] {
      return all;
    },
    /** Settles when every file added so far has been read and checked: the manifest can then be written. */
    async allRead(): Promise<void> {
      await Promise.all(hashing);
    },
    /** Zips the files in the order given, reading a few ahead; the first failure stops it. */
    async zip(
      files: AsyncIterator<PendingFile>,
      lastModified: Date,
      onFile?: (done: number, path: string) => void,
    ): Promise<Blob> {
      const entries: StoredZipEntry[] = [];
      for await (const file of readAhead(files, READ_AHEAD)) {
        signal?.throwIfAborted();
        const { crc32 } = await file.digest;
        entries.push({ path: file.path, blob: file.blob, crc32 });
        onFile?.(entries.length, file.path);
      }
      return storedZip(entries, lastModified);
    },
  };
}
