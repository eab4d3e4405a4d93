import { sealEntry, withhold, type AuditEntry, type AuditEvent, type ExportedAuditLine } from '../audit';
import type { StaffMember } from '../capture/metadata';
import type { ExhibitDb } from './db';

/**
 * Appends one sealed entry. Call inside a read-write transaction that includes `db.audit`:
 * IndexedDB then serialises writers, so two tabs cannot both extend the same last entry.
 */
export async function appendAudit(db: ExhibitDb, at: Date, actor: StaffMember, event: AuditEvent): Promise<AuditEntry> {
  const previous = await db.audit.orderBy('seq').last();
  const entry = sealEntry({ at: at.toISOString(), actor: { name: actor.name, email: actor.email }, event }, previous);
  await db.audit.add(entry);
  return entry;
}

/** Entries that mention a capture, in order. */
export function entriesForCapture(db: ExhibitDb, captureId: string): Promise<AuditEntry[]> {
  return db.audit.where('event.captureId').equals(captureId).sortBy('seq');
}

/**
 * The chain from its start to the last entry about the given captures: entries about them in
 * full, every other entry withheld to its hashes, so the recipient checks an unbroken chain.
 */
export async function exportableAuditLines(db: ExhibitDb, captureIds: ReadonlySet<string>, caseIds: ReadonlySet<string> = new Set()): Promise<ExportedAuditLine[]> {
  const all = await db.audit.orderBy('seq').toArray();
  const relevant = ({ event }: AuditEntry) => ('captureId' in event && captureIds.has(event.captureId)) || ('caseId' in event && caseIds.has(event.caseId) && event.action !== 'capture.filed');
  const lastRelevant = all.findLastIndex(relevant);
  return all.slice(0, lastRelevant + 1).map((entry) => (relevant(entry) ? entry : withhold(entry)));
}
