import type { AuditEntry } from '../audit';
import type { CaptureMetadata } from '../capture/metadata';
import type { PostField } from '../extract/postDetails';
import type { CategoryChoice } from '../policy';
import { receivedFromOf } from './auditLog';
import type { CaptureRow } from './db';
import { wordsOf } from '../searchWords';

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
  /** Lower-case words of its current note and post, its author, its page's title and address: the search index (v11). */
  words: string[];
  /** Words only its earlier note and post details held, before an edit, still in its history (v13, finding a person). */
  pastWords?: string[];
  /** Kept at its retention review until this day (issue #18): the last `capture.kept` entry's. */
  keptUntil?: string;
  /** On legal hold since this moment (issue #18), until a `capture.released` entry. */
  heldSince?: string;
}

/** The host name a list shows and filters by; the address itself when it has none. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/** A new capture row: its summary is the one its entries give (a fresh capture's: as recorded). */
export function captureRowOf(metadata: CaptureMetadata, caseId: string, summary: CaptureSummary): CaptureRow {
  return {
    id: metadata.id,
    capturedAtUtc: metadata.capturedAtUtc,
    caseId,
    metadata,
    summary,
    site: siteOf(metadata.page.url),
  };
}

/**
 * What a capture's note and post details said before each edit, still in its history (each later
 * value is the one before the next edit, or the current one). What the `pastWords` index holds, and
 * what finding a person reports as earlier.
 */
export function earlierValuesOf(history: readonly AuditEntry[]): string[] {
  return history.flatMap(({ event }) =>
    event.action === 'capture.edited' && event.change.field !== 'category' && event.change.from !== null
      ? [event.change.from]
      : [],
  );
}

/** The summary a capture's history gives. */
export function summaryOf(metadata: CaptureMetadata, history: readonly AuditEntry[]): CaptureSummary {
  const current = currentValuesOf(metadata, history);
  const words = wordsOf(
    current.note,
    current.post.text ?? '',
    current.post.authorName ?? '',
    current.post.authorHandle ?? '',
    current.post.authorProfileUrl ?? '',
    metadata.author.name ?? '',
    metadata.author.profileUrl ?? '',
    metadata.page.title,
    metadata.page.url,
  );
  const held = new Set(words);
  const pastWords = wordsOf(...earlierValuesOf(history)).filter((word) => !held.has(word));
  const receivedFrom = receivedFromOf(history);
  // Retention is each school's own decision: a sender's, received with the capture, does not bind this one.
  const kept = history.findLast((entry) => entry.event.action === 'capture.kept' && !('receivedFrom' in entry))?.event;
  const heldSince = heldSinceOf(history);
  return {
    category: current.category,
    ...(receivedFrom ? { receivedFrom } : {}),
    words,
    ...(pastWords.length > 0 ? { pastWords } : {}),
    ...(kept?.action === 'capture.kept' ? { keptUntil: kept.until } : {}),
    ...(heldSince ? { heldSince } : {}),
  };
}

/**
 * Since when a capture or case is on legal hold by this installation's own entries (issue #18),
 * or undefined: the last hold or release decides. A sender's hold is shown in the history received
 * with it, but binds only the sender's store.
 */
export function heldSinceOf(history: readonly AuditEntry[]): string | undefined {
  const last = history.findLast(
    (entry) => !('receivedFrom' in entry) && /^(capture|case)\.(held|released)$/.test(entry.event.action),
  );
  return last?.event.action.endsWith('.held') ? last.at : undefined;
}
