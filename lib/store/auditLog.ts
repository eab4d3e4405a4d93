import {
  sealEntry,
  withhold,
  type AuditEntry,
  type AuditEvent,
  type ExportedAuditLine,
  type WithheldAuditEntry,
} from '../audit';
import type { StaffMember } from '../capture/metadata';
import type { ExhibitDb } from './db';

/**
 * Appends one sealed entry. Call inside a read-write transaction that includes `db.audit`:
 * IndexedDB then serialises writers, so two tabs cannot both extend the same last entry. The audit
 * table's last entry is always the chain's head: an erasure moves entries out only after appending
 * its own record, which is never erased (lib/store/erasure.ts).
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
 * As entriesForCapture (or entriesForCase) for many at once, in two index reads instead of two
 * each: by id, the entries received with it, then this installation's, each in order.
 */
export async function entriesNamingEach(
  db: AuditTables,
  index: 'event.captureId' | 'event.caseId',
  ids: readonly string[],
): Promise<Map<string, AuditEntry[]>> {
  const [received, own] = await Promise.all([
    db.receivedAudit.where(index).anyOf(ids).toArray(),
    db.audit.where(index).anyOf(ids).toArray(),
  ]);
  const bySeq = (a: AuditEntry, b: AuditEntry) => a.seq - b.seq;
  const byId = new Map<string, AuditEntry[]>(ids.map((id) => [id, []]));
  for (const entry of [...received.sort(bySeq), ...own.sort(bySeq)]) {
    const id =
      index === 'event.captureId'
        ? 'captureId' in entry.event && entry.event.captureId
        : 'caseId' in entry.event && entry.event.caseId;
    if (id) byId.get(id)?.push(entry);
  }
  return byId;
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
  /** Run to the chain's last entry, not only to the last about them. */
  throughHead = false,
): Promise<ExportedAuditLine[]> {
  const all = await chainLines(db);
  const about = ({ event }: AuditEntry) =>
    ('captureId' in event && captureIds.has(event.captureId)) ||
    ('caseId' in event && event.caseId !== undefined && caseIds.has(event.caseId) && event.action !== 'capture.filed');
  const relevant = (line: AuditEntry | WithheldAuditEntry): line is AuditEntry =>
    !('withheld' in line) && about(line) && (!onlyActions || onlyActions.has(line.event.action));
  const lastRelevant = throughHead ? all.length - 1 : all.findLastIndex(relevant);
  return all
    .slice(0, lastRelevant + 1)
    .map((line) => (relevant(line) ? line : 'withheld' in line ? line : withhold(line)));
}

/**
 * This installation's whole chain in order: its entries, and in the places of erased ones what
 * stays of them (their hashes).
 */
export async function chainLines(
  db: Pick<ExhibitDb, 'audit' | 'erasedAudit'>,
): Promise<(AuditEntry | WithheldAuditEntry)[]> {
  const [entries, erased] = await Promise.all([db.audit.orderBy('seq').toArray(), db.erasedAudit.toArray()]);
  if (erased.length === 0) return entries;
  return [...entries, ...erased].sort((a, b) => a.seq - b.seq);
}
