import { browser } from 'wxt/browser';
import { ExhibitError } from '../errors';

const CANCELLED = 'Export cancelled. No file was saved and your captures are unchanged.';

/**
 * Saves a Blob through the downloads API and resolves when the file is complete. Runs in an
 * extension page: the service worker has no URL.createObjectURL.
 */
export async function saveFile(blob: Blob, fileName: string, askWhereToSave: boolean): Promise<void> {
  const url = URL.createObjectURL(blob);
  try {
    const id = await browser.downloads.download({ url, filename: fileName, saveAs: askWhereToSave, conflictAction: 'uniquify' });
    await completion(id);
  } catch (error) {
    if (error instanceof ExhibitError) throw error;
    if (/cancel/i.test(String(error))) throw new ExhibitError('export-cancelled', CANCELLED, { cause: error });
    throw new ExhibitError('export-failed', `The bundle could not be saved (${String(error)}). Your captures are unchanged.`, { cause: error });
  } finally {
    URL.revokeObjectURL(url);
  }
}

function completion(id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (state: string | undefined, error: string | undefined) => {
      if (state === 'complete') done(resolve);
      else if (state === 'interrupted') {
        done(() =>
          reject(error === 'USER_CANCELED' ? new ExhibitError('export-cancelled', CANCELLED) : new ExhibitError('export-failed', `Saving the bundle failed (${error}). Your captures are unchanged.`)),
        );
      }
    };
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id === id) settle(delta.state?.current, delta.error?.current);
    };
    const done = (finish: () => void) => {
      browser.downloads.onChanged.removeListener(listener);
      finish();
    };
    browser.downloads.onChanged.addListener(listener);
    // The download may have finished before the listener was added.
    void browser.downloads.search({ id }).then(([item]) => settle(item?.state, item?.error));
  });
}
