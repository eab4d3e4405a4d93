import { browser } from 'wxt/browser';
import { ExhibitError } from '../errors';

const CANCELLED = 'Export cancelled. No file was saved and your captures are unchanged.';

type DownloadsApi = Pick<typeof browser.downloads, 'download' | 'search' | 'onChanged'>;
type DownloadDelta = { id: number; state?: { current?: string }; error?: { current?: string } };

/**
 * Saves a Blob through the downloads API and resolves when the file is complete. Runs in an
 * extension page: the service worker has no URL.createObjectURL.
 */
export async function saveFile(
  blob: Blob,
  fileName: string,
  askWhereToSave: boolean,
  downloads: DownloadsApi = browser.downloads,
): Promise<void> {
  const url = URL.createObjectURL(blob);
  try {
    const id = await downloads.download({
      url,
      filename: fileName,
      saveAs: askWhereToSave,
      conflictAction: 'uniquify',
    });
    await completion(downloads, id);
  } catch (error) {
    if (error instanceof ExhibitError) throw error;
    // Firefox rejects with "Download canceled by the user" when the Save-As dialog is dismissed.
    if (/cancel/i.test(String(error))) throw new ExhibitError('export-cancelled', CANCELLED, { cause: error });
    throw new ExhibitError(
      'export-failed',
      `The bundle could not be saved (${String(error)}). Your captures are unchanged.`,
      { cause: error },
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Chrome reports a dismissed Save-As dialog as an interrupted download with USER_CANCELED. */
function completion(downloads: DownloadsApi, id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (state: string | undefined, error: string | undefined) => {
      if (state === 'complete') finish(resolve);
      else if (state === 'interrupted') {
        finish(() =>
          reject(
            error === 'USER_CANCELED'
              ? new ExhibitError('export-cancelled', CANCELLED)
              : new ExhibitError('export-failed', `Saving the bundle failed (${error}). Your captures are unchanged.`),
          ),
        );
      }
    };
    const listener = (delta: DownloadDelta) => {
      if (delta.id === id) settle(delta.state?.current, delta.error?.current);
    };
    const finish = (then: () => void) => {
      downloads.onChanged.removeListener(listener);
      then();
    };
    downloads.onChanged.addListener(listener);
    // The download may have ended before the listener was added.
    void downloads.search({ id }).then(([item]) => settle(item?.state, item?.error));
  });
}
