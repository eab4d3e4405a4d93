import type { AuditEntry } from '../audit';
import type { CaptureMetadata } from '../capture/metadata';
import type { CategoryChoice } from '../policy';
import { receivedFromOf } from './auditLog';

/**
 * What a list row shows of a capture beyond what was recorded at capture (issue #17): its current
 * category and, for a received capture, the key it came from. Kept on the capture's row in step
 * with its audit entries, in the same transactions, so a list of thousands needs no fold of each
 * capture's history; the capture's own view (its detail) still folds the history, and they agree.
 */
export interface CaptureSummary {
  category: CategoryChoice;
  receivedFrom?: string;
}

/** The summary a capture's history gives: its entries in order (received ones first, then this installation's). */
export function summaryOf(metadata: CaptureMetadata, history: readonly AuditEntry[]): CaptureSummary {
  let category = metadata.category;
  for (const { event } of history)
    if (event.action === 'capture.edited' && event.change.field === 'category') category = event.change.to;
  const receivedFrom = receivedFromOf(history);
  return receivedFrom ? { category, receivedFrom } : { category };
}
