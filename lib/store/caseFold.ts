import type { AuditEntry } from '../audit';
import { UNFILED, type CaseStatus } from '../cases/case';
import { entriesForCapture, entriesForCase, receivedFromOf, type AuditTables } from './auditLog';
import { caseRowSummary, type CaseRowSummary } from './caseSummary';
import { heldSinceOf, summaryOf } from './captureSummary';
import type { CaseView, CaseActionView } from './caseRepository';
import type { CaptureRow, CaseRow, ExhibitDb } from './db';

/** Decisions about the record, not activity in the matter (issue #18). */
const RECORD_DECISIONS: ReadonlySet<string> = new Set(['capture.kept', 'case.kept', 'capture.erased']);

/** The tables a case is folded from: its row, its captures' rows and the entries about them. */
export type CaseTables = Pick<ExhibitDb, 'cases' | 'captures'> & AuditTables;

/** A case as its row and the audit log make it; only its own entries and its captures' are read. */
export async function foldCase(db: CaseTables, caseId: string): Promise<CaseView | undefined> {
  return (await foldCaseWithCaptures(db, caseId))?.view;
}

async function foldCaseWithCaptures(
  db: CaseTables,
  caseId: string,
): Promise<{ view: CaseView; captures: CaptureRow[] } | undefined> {
  const row = await db.cases.get(caseId);
  if (!row) return undefined;
  // In the order they were taken (the index alone gives them by id): the case page, letter and bundle list them so.
  const captures = await db.captures.where('caseId').equals(caseId).sortBy('capturedAtUtc');
  const captureIds = captures.map((row) => row.id);
  const [caseEntries, ...perCapture] = await Promise.all([
    entriesForCase(db, caseId),
    ...captureIds.map((id) => entriesForCapture(db, id)),
  ]);
  // Received entries come first (they were made before the case arrived), then this installation's.
  const received = (e: AuditEntry) => 'receivedFrom' in e;
  const byHash = new Map([...caseEntries, ...perCapture.flat()].map((e) => [e.hash, e]));
  const chronology = [...byHash.values()].sort((a, b) => Number(received(b)) - Number(received(a)) || a.seq - b.seq);
  const { details, status, closedAtUtc, keptUntil, actions } = caseStateOf(row, caseEntries);
  const view: CaseView = {
    id: row.id,
    openedAtUtc: row.openedAtUtc,
    details,
    status,
    captureIds,
    actions,
    chronology,
    lastActivityUtc: chronology.findLast((e) => !RECORD_DECISIONS.has(e.event.action))?.at ?? row.openedAtUtc,
    closedAtUtc,
    keptUntil,
    heldSince: heldSinceOf(caseEntries),
    receivedFrom: receivedFromOf(caseEntries),
  };
  return { view, captures };
}

/**
 * What a case's own entries make of it, over its row: its current details, status, retention
 * decision and actions (each with its history). Its captures' entries play no part.
 */
export function caseStateOf(row: Pick<CaseRow, 'details'>, caseEntries: readonly AuditEntry[]) {
  let details = row.details;
  let status: CaseStatus = 'open';
  let closedAtUtc: string | undefined;
  let keptUntil: string | undefined;
  const actions = new Map<string, CaseActionView>();
  for (const entry of caseEntries) {
    const event = entry.event;
    if (event.action === 'case.changed') details = event.to;
    // Retention is each school's own decision: a sender's, received with the case, does not bind this one.
    else if (event.action === 'case.kept') keptUntil = 'receivedFrom' in entry ? keptUntil : event.until;
    else if (event.action === 'case.status') {
      status = event.to;
      closedAtUtc = event.to === 'closed' ? entry.at : undefined;
    } else if (event.action === 'action.recorded')
      actions.set(event.actionId, { actionId: event.actionId, current: event.details, history: [entry] });
    else if (event.action === 'action.corrected') {
      const action = actions.get(event.actionId);
      if (action) Object.assign(action, { current: event.details, history: [...action.history, entry] });
    }
  }
  return { details, status, closedAtUtc, keptUntil, actions: [...actions.values()] };
}

/** The list summary a case's history and its captures' rows give (what its row must hold). */
export async function caseSummaryFolded(db: CaseTables, caseId: string): Promise<CaseRowSummary | undefined> {
  const folded = await foldCaseWithCaptures(db, caseId);
  return folded && caseRowSummary(folded.view, folded.captures);
}

/**
 * Folds a case again and writes its list summary (issue #17). Call inside the read-write transaction
 * that changed it (over cases, captures and both audit tables), after the change, so the row and the
 * history cannot disagree; the fold reads only this case's entries, never the store.
 */
export async function keepCaseSummary(db: CaseTables, caseId: string): Promise<void> {
  if (caseId === UNFILED) return;
  const summary = await caseSummaryFolded(db, caseId);
  if (summary) await db.cases.update(caseId, { ...summary });
}

/**
 * Folds a capture's list summary again from its entries, then its case's: for a change recorded
 * about the capture alone (a retention decision, a hold). Call inside the read-write transaction
 * that recorded it, over captures, cases and both audit tables.
 */
export async function keepCaptureSummary(db: CaseTables, captureId: string): Promise<void> {
  const row = await db.captures.get(captureId);
  if (!row) return;
  await db.captures.update(captureId, { summary: summaryOf(row.metadata, await entriesForCapture(db, captureId)) });
  await keepCaseSummary(db, row.caseId);
}
