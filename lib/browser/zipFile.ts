import type { ZipSink } from '../bundle/exportBundle';

const PREFIX = 'exhibit-export-';

/**
 * Writes the zip stream straight to a file in the extension's origin-private file system, so a
 * bundle of any size is never held in memory, then hands back that file (a disk-backed Blob) to be
 * saved through the downloads API. A failed or cancelled export removes its file.
 */
export const zipFileSink: ZipSink = async (zip) => {
  const root = await navigator.storage.getDirectory();
  const name = `${PREFIX}${crypto.randomUUID()}.zip`;
  const handle = await root.getFileHandle(name, { create: true });
  const remove = () => root.removeEntry(name).catch(() => undefined);
  try {
    await zip.pipeTo(await handle.createWritable());
  } catch (error) {
    await remove();
    throw error;
  }
  return { blob: await handle.getFile(), release: remove };
};
