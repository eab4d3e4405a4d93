import { required } from '../required';

/**
 * A zip of stored (uncompressed) files, assembled as one Blob from the files' own Blobs plus small
 * header records (issue #5, export speed). A streaming zip writer must copy every byte into the
 * output Blob; here the browser only links the stored Blobs in, so a bundle costs one read of each
 * file (for its hashes) and the final save. Measured with 300 captures, 0.94 GB (docs/benchmarks.md):
 * read + hash + link 2.5 s and save 2.0 s, against 4.7–5.2 s and 2.9–3.1 s when the same bytes are
 * streamed into a Blob as client-zip does. Format: PKWARE APPNOTE 6.3.10, sections 4.3 and 4.5.3;
 * zip64 records only where a size, an offset or the entry count needs them.
 */

export interface StoredZipEntry {
  /** The path inside the zip, `/`-separated. */
  path: string;
  blob: Blob;
  /** CRC-32 of the blob's bytes, worked out by the caller as it read them. */
  crc32: number;
}

/** Where the 32- and 16-bit fields run out; lowered only by tests, to exercise the zip64 records. */
export interface ZipLimits {
  max32: number;
  max16: number;
}
const LIMITS: ZipLimits = { max32: 0xffffffff, max16: 0xffff };

const VERSION_ZIP64 = 45;
const VERSION_STORE = 20;
/** Made by: Unix (3), spec 4.5, so readers take the file mode from the external attributes. */
const MADE_BY = (3 << 8) | VERSION_ZIP64;
/** A regular file, rw-r--r--. */
const FILE_MODE = 0o100644;
/** General purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;

export function storedZip(entries: readonly StoredZipEntry[], lastModified: Date, limits: ZipLimits = LIMITS): Blob {
  const pieces = zipLayout(
    entries.map((entry) => ({ path: entry.path, size: entry.blob.size, crc32: entry.crc32 })),
    dosDateTime(lastModified),
    limits,
  );
  return new Blob(
    pieces.map((piece) =>
      'file' in piece ? required(entries[piece.file], `zip entry ${piece.file}`).blob : piece.bytes,
    ),
    { type: 'application/zip' },
  );
}

/** A file as the zip's headers describe it. */
export interface ZipLayoutEntry {
  path: string;
  size: number;
  crc32: number;
}

/** MS-DOS time and date fields, as in every header. */
export interface DosDateTime {
  time: number;
  date: number;
}

/** A run of header bytes (what it is, for messages), or where the bytes of file number `file` go. */
export type ZipPiece = { bytes: Uint8Array<ArrayBuffer>; what: string } | { file: number };

/**
 * Every byte of the zip but the files' own, in order: the writer assembles the zip from it, and the
 * verifier compares a bundle with it, so a changed byte anywhere in a bundle is found.
 */
export function zipLayout(
  entries: readonly ZipLayoutEntry[],
  { time, date }: DosDateTime,
  limits: ZipLimits = LIMITS,
): ZipPiece[] {
  const pieces: ZipPiece[] = [];
  const central: ZipPiece[] = [];
  let offset = 0;
  for (const [index, entry] of entries.entries()) {
    const name = new TextEncoder().encode(entry.path);
    const { size } = entry;
    const bigSize = size >= limits.max32;
    const local = record(30, (v) => {
      v.u32(0x04034b50)
        .u16(bigSize ? VERSION_ZIP64 : VERSION_STORE)
        .u16(UTF8_NAMES)
        .u16(0)
        .u16(time)
        .u16(date)
        .u32(entry.crc32);
      v.u32(bigSize ? 0xffffffff : size)
        .u32(bigSize ? 0xffffffff : size)
        .u16(name.length)
        .u16(bigSize ? 20 : 0);
    });
    const localExtra = bigSize ? zip64Extra([size, size]) : new Uint8Array();
    const what = `the header of ${entry.path}`;
    pieces.push({ bytes: local, what }, { bytes: name, what }, { bytes: localExtra, what }, { file: index });

    const bigOffset = offset >= limits.max32;
    const centralExtra = zip64Extra([...(bigSize ? [size, size] : []), ...(bigOffset ? [offset] : [])]);
    const listed = `the zip's directory record of ${entry.path}`;
    central.push(
      {
        bytes: record(46, (v) => {
          v.u32(0x02014b50)
            .u16(MADE_BY)
            .u16(bigSize || bigOffset ? VERSION_ZIP64 : VERSION_STORE)
            .u16(UTF8_NAMES)
            .u16(0)
            .u16(time)
            .u16(date)
            .u32(entry.crc32);
          v.u32(bigSize ? 0xffffffff : size)
            .u32(bigSize ? 0xffffffff : size)
            .u16(name.length)
            .u16(centralExtra.length)
            .u16(0)
            .u16(0)
            .u16(0);
          v.u32((FILE_MODE << 16) >>> 0).u32(bigOffset ? 0xffffffff : offset);
        }),
        what: listed,
      },
      { bytes: name, what: listed },
      { bytes: centralExtra, what: listed },
    );
    offset += local.length + name.length + localExtra.length + size;
  }

  const directoryOffset = offset;
  const directorySize = central.reduce((n, piece) => n + ('bytes' in piece ? piece.bytes.length : 0), 0);
  const needsZip64 = entries.length >= limits.max16 || directorySize >= limits.max32 || directoryOffset >= limits.max32;
  const end = "the zip's end records";
  const tail: ZipPiece[] = [];
  if (needsZip64) {
    const zip64EndOffset = directoryOffset + directorySize;
    tail.push(
      {
        bytes: record(56, (v) => {
          v.u32(0x06064b50).u64(44).u16(MADE_BY).u16(VERSION_ZIP64).u32(0).u32(0);
          v.u64(entries.length).u64(entries.length).u64(directorySize).u64(directoryOffset);
        }),
        what: end,
      },
      { bytes: record(20, (v) => v.u32(0x07064b50).u32(0).u64(zip64EndOffset).u32(1)), what: end },
    );
  }
  // A field too small for its value is set to all ones; readers then take it from the zip64 record.
  const count = entries.length >= limits.max16 ? 0xffff : entries.length;
  tail.push({
    bytes: record(22, (v) => {
      v.u32(0x06054b50).u16(0).u16(0).u16(count).u16(count);
      v.u32(directorySize >= limits.max32 ? 0xffffffff : directorySize)
        .u32(directoryOffset >= limits.max32 ? 0xffffffff : directoryOffset)
        .u16(0);
    }),
    what: end,
  });
  return [...pieces, ...central, ...tail];
}

/** The zip64 extended information field (header 0x0001) holding the given 64-bit values, or nothing. */
function zip64Extra(values: readonly number[]): Uint8Array<ArrayBuffer> {
  if (values.length === 0) return new Uint8Array();
  return record(4 + 8 * values.length, (v) => {
    v.u16(0x0001).u16(8 * values.length);
    for (const value of values) v.u64(value);
  });
}

interface LittleEndianWriter {
  u16(value: number): LittleEndianWriter;
  u32(value: number): LittleEndianWriter;
  u64(value: number): LittleEndianWriter;
}

/** A fixed-size little-endian record; throws if `fill` does not write exactly `length` bytes. */
function record(length: number, fill: (writer: LittleEndianWriter) => void): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const writer: LittleEndianWriter = {
    u16: (value) => (view.setUint16(at, value, true), (at += 2), writer),
    u32: (value) => (view.setUint32(at, value >>> 0, true), (at += 4), writer),
    u64: (value) => (view.setBigUint64(at, BigInt(value), true), (at += 8), writer),
  };
  fill(writer);
  if (at !== length) throw new Error(`zip record of ${length} bytes was given ${at}`);
  return bytes;
}

/** MS-DOS date and time, in local time as zip tools read them (2-second precision, from 1980). */
function dosDateTime(when: Date): DosDateTime {
  const year = Math.max(1980, when.getFullYear());
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}
