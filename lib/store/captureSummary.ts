import type { AuditEntry } from '../audit';
import type { CaptureMetadata } from '../capture/metadata';
import type { PostField } from '../extract/postDetails';
import type { CategoryChoice } from '../policy';
import { receivedFromOf } from './auditLog';

/** A capture's values after every edit; `post` holds corrections over what the page showed. */
export interface CurrentValues {
  category: CategoryChoice;
  note: string;
  post: Partial<Record<PostField, string | null>>;
}

type Change = Extract<AuditEntry['event'], { action: 'capture.edited' }>['change'];

export function applyChange(current: CurrentValues, change: Change): CurrentValues {
  if (change.field === 'note') return { ...current, note: change.to };
  if (change.field === 'category') return { ...current, category: change.to };
  return { ...current, post: { ...current.post, [change.key]: change.to } };
}

/**
 * The one fold of a capture's edits: its values as recorded, with each `capture.edited` entry of its
 * history applied in order (received entries first, then this installation's). The capture's view
 * and its list summary both come from it, so they cannot disagree.
 */
export function currentValuesOf(metadata: CaptureMetadata, history: readonly AuditEntry[]): CurrentValues {
  let current: CurrentValues = { category: metadata.category, note: metadata.note, post: { ...metadata.post } };
  for (const entry of history)
    if (entry.event.action === 'capture.edited') current = applyChange(current, entry.event.change);
  return current;
}

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

/** The summary a capture's history gives. */
export function summaryOf(metadata: CaptureMetadata, history: readonly AuditEntry[]): CaptureSummary {
  const { category } = currentValuesOf(metadata, history);
  const receivedFrom = receivedFromOf(history);
  return receivedFrom ? { category, receivedFrom } : { category };
}
