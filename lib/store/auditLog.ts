import { sealEntry, withhold, type AuditEntry, type AuditEvent, type ExportedAuditLine } from '../audit';
import type { StaffMember } from '../capture/metadata';
import type { ExhibitDb } from './db';

/**
 * Appends one sealed entry. Call inside a read-write transaction that includes `db.audit`:
 * IndexedDB then serialises writers, so two tabs cannot both extend the same last entry.
 */
export async function appendAudit(
  db: ExhibitDb,
  at: Date,
  actor: Pick<StaffMember, 'name' | 'email'>,
  event: AuditEvent,
): Promise<AuditEntry> {
  const previous = await db.audit.orderBy('seq').last();
  const entry = sealEntry({ at: at.toISOString(), actor: { name: actor.name, email: actor.email }, event }, previous);
  await db.audit.add(entry);
  return entry;
}

/** The two logs entries are read from: this installation's chain and the entries it received. */
export type AuditTables = Pick<ExhibitDb, 'audit' | 'receivedAudit'>;

/** The key a capture or case was received from, by this installation's own custody entry; undefined when made here. */
export function receivedFromOf(history: readonly AuditEntry[]): string | undefined {
  const custody = history.find(
    (e) => !('receivedFrom' in e) && (e.event.action === 'capture.received' || e.event.action === 'case.received'),
  );
  return custody && (custody.event.action === 'capture.received' || custody.event.action === 'case.received')
    ? custody.event.fromKeyFingerprint
    : undefined;
}

/**
 * Entries that mention a capture, in order: those received with it from another installation
 * (which all came before it arrived here), then this installation's own.
 */
export function entriesForCapture(db: AuditTables, captureId: string): Promise<AuditEntry[]> {
  return entriesNaming(db, 'event.captureId', captureId);
}

/** As entriesForCapture, for the entries that name a case. */
export function entriesForCase(db: AuditTables, caseId: string): Promise<AuditEntry[]> {
  return entriesNaming(db, 'event.caseId', caseId);
}

async function entriesNaming(
  db: AuditTables,
  index: 'event.captureId' | 'event.caseId',
  id: string,
): Promise<AuditEntry[]> {
  const [received, own] = await Promise.all([
    db.receivedAudit.where(index).equals(id).sortBy('seq'),
    db.audit.where(index).equals(id).sortBy('seq'),
  ]);
  return [...received, ...own];
}

/**
 * The chain from its start to the last entry about the given captures: entries about them in
 * full (only those of `onlyActions`, for a share copy), every other entry withheld to its hashes,
 * so the recipient checks an unbroken chain.
 */
export async function exportableAuditLines(
  db: ExhibitDb,
  captureIds: ReadonlySet<string>,
  caseIds: ReadonlySet<string> = new Set(),
  onlyActions?: ReadonlySet<string>,
): Promise<ExportedAuditLine[]> {
  const all = await db.audit.orderBy('seq').toArray();
  const about = ({ event }: AuditEntry) =>
    ('captureId' in event && captureIds.has(event.captureId)) ||
    ('caseId' in event && event.caseId !== undefined && caseIds.has(event.caseId) && event.action !== 'capture.filed');
  const relevant = (entry: AuditEntry) => about(entry) && (!onlyActions || onlyActions.has(entry.event.action));
  const lastRelevant = all.findLastIndex(relevant);
  return all.slice(0, lastRelevant + 1).map((entry) => (relevant(entry) ? entry : withhold(entry)));
}
