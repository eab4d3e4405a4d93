import type { StaffMember } from '../capture/metadata';
import { ExhibitError } from '../errors';
import type { BundleReceiver, ReceiptPlan, ReceiveOutcome } from '../store/bundleReceiver';
import type { TrustedSender } from '../store/settings';
import { readReceivedBundle, type ImportProgress } from './readBundle';

export type { ImportProgress } from './readBundle';

const CANCELLED = 'Import cancelled. Nothing was stored.';

/** What the person importing is shown before anything is stored (issue #15). */
export interface ImportPreview {
  plan: ReceiptPlan;
  /** The name the school gave this key in its trusted senders, or undefined when it is not on the list. */
  trustedAs?: string;
  exportedBy: StaffMember;
  exportedAtUtc: string;
  /** The bundle's captures, as the sender recorded them. */
  captures: { id: string; reference?: string; url: string; capturedBy: string; capturedAtUtc: string }[];
}

/** A checked bundle waiting for the person's yes: `confirm` stores it, or nothing happens. */
export interface PreparedImport {
  preview: ImportPreview;
  confirm(): Promise<ReceiveOutcome>;
}

/**
 * Receiving a bundle (issues #5, #15): verified first and refused with every problem listed if any
 * check fails; then read, and what it would add shown with the sender's key and whether the school
 * trusts it; only on the person's confirmation stored, in one transaction, by the staff member who
 * imports it. It can be cancelled until the transaction starts (checking and reading a bundle of
 * gigabytes take most of the time); after that it runs to the end, all or nothing.
 */
export function createImportFlow(deps: {
  receiver: BundleReceiver;
  actor(): Promise<StaffMember>;
  /** The school's trusted senders; without it, no sender is on the list. */ trustedSenders?(): Promise<
    TrustedSender[]
  >;
}) {
  async function prepare(
    bundle: Blob,
    onProgress?: (progress: ImportProgress) => void,
    signal?: AbortSignal,
  ): Promise<PreparedImport> {
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
    const plan = await deps.receiver.plan(received);
    const trusted = ((await deps.trustedSenders?.()) ?? []).find(
      (sender) => sender.fingerprint === received.keyFingerprint,
    );
    const preview: ImportPreview = {
      plan,
      trustedAs: trusted?.name,
      exportedBy: received.manifest.exportedBy,
      exportedAtUtc: received.manifest.exportedAtUtc,
      captures: received.captures.map(({ metadata }) => ({
        id: metadata.id,
        reference: metadata.reference,
        url: metadata.page.url,
        capturedBy: metadata.capturedBy.name,
        capturedAtUtc: metadata.capturedAtUtc,
      })),
    };
    return {
      preview,
      confirm: async () => {
        onProgress?.({ stage: 'storing' });
        return deps.receiver.receive(received, actor);
      },
    };
  }
  return {
    prepare,
    /** Checks and stores in one go, as a person who has confirmed would (tests, and callers with no one to ask). */
    async importBundle(
      bundle: Blob,
      onProgress?: (progress: ImportProgress) => void,
      signal?: AbortSignal,
    ): Promise<ReceiveOutcome> {
      return (await prepare(bundle, onProgress, signal)).confirm();
    },
  };
}
