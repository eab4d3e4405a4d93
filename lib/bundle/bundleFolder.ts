import { blobEntry, type ZipFileEntry } from './zipReader';

/**
 * Files an operating system drops into a folder it shows (macOS Finder's .DS_Store and ._ files,
 * Windows Explorer's Thumbs.db and desktop.ini). A recipient who opens the unzipped bundle gets
 * them without touching it; they are set aside and named, never counted as added evidence. Every
 * file the manifest lists is still checked, so setting these aside cannot hide a change.
 *
 * A file is set aside only when it is what its name says (issue #15): a PNG named `._x` or put in
 * `__MACOSX/` is an added file, and fails the check like any other.
 */
const SYSTEM_LITTER: { name: RegExp; is(head: Uint8Array, blob: Blob): boolean }[] = [
  // AppleDouble header (RFC 1740): magic 0x00051607.
  { name: /(^|\/)\._[^/]+$|^__MACOSX\//, is: (head) => startsWith(head, [0x00, 0x05, 0x16, 0x07]) },
  // Finder's .DS_Store: a "Bud1" buddy-allocator file.
  { name: /(^|\/)\.DS_Store$/, is: (head) => startsWith(head, [0x00, 0x00, 0x00, 0x01, 0x42, 0x75, 0x64, 0x31]) },
  // Explorer's Thumbs.db: an OLE compound file.
  { name: /(^|\/)Thumbs\.db$/i, is: (head) => startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  // desktop.ini: a small INI text file (UTF-16 with a byte-order mark, or plain text).
  {
    name: /(^|\/)desktop\.ini$/i,
    is: (head, blob) => blob.size <= 64 * 1024 && (startsWith(head, [0xff, 0xfe]) || looksLikeIni(head)),
  },
];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => head[i] === byte);
}

function looksLikeIni(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  const lines = new TextDecoder()
    .decode(head)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => /^\s*(\[[^\]]+\]|[;#].*|[^=[\]]+=.*)\s*$/.test(line));
}

/** An unzipped bundle's files as entries to verify, named as inside the bundle, and what was set aside. */
export async function bundleFolderEntries(
  files: readonly { path: string; blob: Blob }[],
): Promise<{ entries: ZipFileEntry[]; setAside: string[] }> {
  const setAside: string[] = [];
  const entries: ZipFileEntry[] = [];
  for (const file of files) {
    const kind = SYSTEM_LITTER.find((litter) => litter.name.test(file.path));
    const head = kind ? new Uint8Array(await file.blob.slice(0, 4096).arrayBuffer()) : undefined;
    if (kind && head && kind.is(head, file.blob)) setAside.push(file.path);
    else entries.push(blobEntry(file.path, file.blob));
  }
  return { entries, setAside };
}

export function setAsideNote(setAside: readonly string[]): string | undefined {
  return setAside.length
    ? `Set aside, as made by the operating system and not part of the bundle: ${setAside.join(', ')}.`
    : undefined;
}

/** A folder chosen in a browser (`<input webkitdirectory>`): its name, and its files as above. */
export async function chosenFolder(
  files: ArrayLike<File>,
): Promise<{ name: string; entries: ZipFileEntry[]; setAside: string[] }> {
  const chosen = Array.from(files);
  const name = `${chosen[0]?.webkitRelativePath.split('/')[0] ?? 'folder'}/`;
  return {
    name,
    ...(await bundleFolderEntries(
      chosen.map((file) => ({ path: file.webkitRelativePath.split('/').slice(1).join('/'), blob: file })),
    )),
  };
}
