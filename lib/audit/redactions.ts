import type { RedactionBox } from '../capture/redaction';
import type { AuditEntry } from './entry';

type RedactedEvent = Extract<AuditEntry['event'], { action: 'capture.redacted' }>;

/** A capture's redacted copy as it stands: the latest for each image, and the entry that made it. */
export interface Redaction {
  image: string;
  boxes: RedactionBox[];
  copy: RedactedEvent['copy'];
  entry: AuditEntry;
}

/** The latest redacted copy of each image, folded from a capture's history. */
export function currentRedactions(history: readonly AuditEntry[]): Redaction[] {
  const byImage = new Map<string, Redaction>();
  for (const entry of history) {
    if (entry.event.action === 'capture.redacted')
      byImage.set(entry.event.image, {
        image: entry.event.image,
        boxes: entry.event.boxes,
        copy: entry.event.copy,
        entry,
      });
  }
  return [...byImage.values()];
}

/**
 * The redacted copies this installation's own log vouches for: what its bundles carry. A copy
 * received from another installation stays in its store, but its entry is in the sender's log.
 */
export function exportableRedactions(history: readonly AuditEntry[]): Redaction[] {
  return currentRedactions(history.filter((entry) => !('receivedFrom' in entry)));
}
