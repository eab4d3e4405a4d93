import { blobEntry, type ZipFileEntry } from './zipReader';

/**
 * Files an operating system drops into a folder it shows (macOS Finder's .DS_Store and ._ files,
 * Windows Explorer's Thumbs.db and desktop.ini). A recipient who opens the unzipped bundle gets
 * them without touching it; they are set aside and named, never counted as added evidence. Every
 * file the manifest lists is still checked, so setting these aside cannot hide a change.
 */
const SYSTEM_LITTER = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|\._[^/]+)$|^__MACOSX\//i;

/** An unzipped bundle's files as entries to verify, named as inside the bundle, and what was set aside. */
export function bundleFolderEntries(files: readonly { path: string; blob: Blob }[]): { entries: ZipFileEntry[]; setAside: string[] } {
  const setAside = files.filter((f) => SYSTEM_LITTER.test(f.path)).map((f) => f.path);
  const entries = files.filter((f) => !SYSTEM_LITTER.test(f.path)).map((f) => blobEntry(f.path, f.blob));
  return { entries, setAside };
}

export function setAsideNote(setAside: readonly string[]): string | undefined {
  return setAside.length ? `Set aside, as made by the operating system and not part of the bundle: ${setAside.join(', ')}.` : undefined;
}

/** A folder chosen in a browser (`<input webkitdirectory>`): its name, and its files as above. */
export function chosenFolder(files: ArrayLike<File>): { name: string; entries: ZipFileEntry[]; setAside: string[] } {
  const chosen = Array.from(files);
  const name = `${chosen[0]?.webkitRelativePath.split('/')[0] ?? 'folder'}/`;
  return { name, ...bundleFolderEntries(chosen.map((file) => ({ path: file.webkitRelativePath.split('/').slice(1).join('/'), blob: file }))) };
}
