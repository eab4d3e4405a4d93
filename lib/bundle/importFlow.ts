import type { StaffMember } from '../capture/metadata';
import type { BundleReceiver, ReceiveOutcome } from '../store/bundleReceiver';
import { readReceivedBundle, type ImportProgress } from './readBundle';

export type { ImportProgress } from './readBundle';

/**
 * Receiving a bundle (issue #5): verified first and refused with every problem listed if any check
 * fails; only then read and stored, in one transaction, by the staff member who imports it.
 */
export function createImportFlow(deps: { receiver: BundleReceiver; actor(): Promise<StaffMember> }) {
  return {
    async importBundle(bundle: Blob, onProgress?: (progress: ImportProgress) => void): Promise<ReceiveOutcome> {
      const actor = await deps.actor();
      onProgress?.({ stage: 'checking' });
      const received = await readReceivedBundle(bundle, onProgress);
      onProgress?.({ stage: 'storing' });
      return deps.receiver.receive(received, actor);
    },
  };
}
