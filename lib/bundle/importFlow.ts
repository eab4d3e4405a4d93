import type { StaffMember } from '../capture/metadata';
import { ExhibitError } from '../errors';
import type { BundleReceiver, ReceiveOutcome } from '../store/bundleReceiver';
import { readReceivedBundle, type ImportProgress } from './readBundle';

export type { ImportProgress } from './readBundle';

const CANCELLED = 'Import cancelled. Nothing was stored.';

/**
 * Receiving a bundle (issue #5): verified first and refused with every problem listed if any check
 * fails; only then read and stored, in one transaction, by the staff member who imports it. It can
 * be cancelled until the transaction starts (checking and reading a bundle of gigabytes take most
 * of the time); after that it runs to the end, all or nothing.
 */
export function createImportFlow(deps: { receiver: BundleReceiver; actor(): Promise<StaffMember> }) {
  return {
    async importBundle(bundle: Blob, onProgress?: (progress: ImportProgress) => void, signal?: AbortSignal): Promise<ReceiveOutcome> {
      const actor = await deps.actor();
      onProgress?.({ stage: 'checking' });
      let received;
      try {
        received = await readReceivedBundle(bundle, onProgress, signal);
        signal?.throwIfAborted();
      } catch (error) {
        if (signal?.aborted) throw new ExhibitError('import-cancelled', CANCELLED, { cause: error });
        throw error;
      }
      onProgress?.({ stage: 'storing' });
      return deps.receiver.receive(received, actor);
    },
  };
}
