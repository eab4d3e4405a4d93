import type { AuditEntry } from '../audit';
import {
  CaseActionSchema,
  CaseDetailsSchema,
  UNFILED,
  safeFileName,
  type CaseAction,
  type CaseDetails,
  type CaseStatus,
} from '../cases/case';
import type { StaffMember } from '../capture/metadata';
import { ExhibitError, parseInput } from '../errors';
import { sha256OfBlob } from '../hash';
import { appendAudit, entriesForCapture, entriesForCase, receivedFromOf } from './auditLog';
import type { AttachmentRow, ExhibitDb } from './db';

export interface CaseActionView {
  actionId: string;
  /** The action as it now reads, after any corrections. */
  current: CaseAction;
  /** The recording and each correction, in order. */
  history: AuditEntry[];
}

/** A case as the dashboard shows it, folded from its row and the audit log. */
export interface CaseView {
  id: string;
  openedAtUtc: string;
  details: CaseDetails;
  status: CaseStatus;
  captureIds: string[];
  actions: CaseActionView[];
  /** Everything about the case and its captures, in the order it happened. */
  chronology: AuditEntry[];
  lastActivityUtc: string;
  /** For a case received in a bundle: the sending installation's key fingerprint (issue #15). */
  receivedFrom?: string;
}

/** Adds a case and its `case.opened` entry. Call inside a transaction over cases and audit. */
export async function insertCase(
  db: ExhibitDb,
  id: string,
  details: CaseDetails,
  at: Date,
  actor: StaffMember,
): Promise<void> {
  await db.cases.add({ id, openedAtUtc: at.toISOString(), details });
  await appendAudit(db, at, actor, { action: 'case.opened', caseId: id, details });
}

export function createCaseRepository(db: ExhibitDb, clock: () => Date = () => new Date()) {
  async function getCase(caseId: string): Promise<CaseView | undefined> {
    const row = await db.cases.get(caseId);
    if (!row) return undefined;
    // In the order they were taken (the index alone gives them by id): the case page, letter and bundle list them so.
    const captureIds = (await db.captures.where('caseId').equals(caseId).sortBy('capturedAtUtc')).map((row) => row.id);
    const [caseEntries, ...perCapture] = await Promise.all([
      entriesForCase(db, caseId),
      ...captureIds.map((id) => entriesForCapture(db, id)),
    ]);
    // Received entries come first (they were made before the case arrived), then this installation's.
    const received = (e: AuditEntry) => 'receivedFrom' in e;
    const byHash = new Map([...caseEntries, ...perCapture.flat()].map((e) => [e.hash, e]));
    const chronology = [...byHash.values()].sort((a, b) => Number(received(b)) - Number(received(a)) || a.seq - b.seq);
    let details = row.details;
    let status: CaseStatus = 'open';
    const actions = new Map<string, CaseActionView>();
    for (const entry of caseEntries) {
      const event = entry.event;
      if (event.action === 'case.changed') details = event.to;
      else if (event.action === 'case.status') status = event.to;
      else if (event.action === 'action.recorded')
        actions.set(event.actionId, { actionId: event.actionId, current: event.details, history: [entry] });
      else if (event.action === 'action.corrected') {
        const action = actions.get(event.actionId);
        if (action) Object.assign(action, { current: event.details, history: [...action.history, entry] });
      }
    }
    return {
      id: row.id,
      openedAtUtc: row.openedAtUtc,
      details,
      status,
      captureIds,
      actions: [...actions.values()],
      chronology,
      lastActivityUtc: chronology.at(-1)?.at ?? row.openedAtUtc,
      receivedFrom: receivedFromOf(caseEntries),
    };
  }

  async function requireCase(caseId: string): Promise<CaseView> {
    const found = await getCase(caseId);
    if (!found) throw new ExhibitError('invalid-input', 'That case no longer exists.');
    return found;
  }

  /** Each change is one transaction over the tables it touches and the audit log: all or nothing. */
  const write = <T>(work: () => Promise<T>) =>
    db.transaction('rw', [db.cases, db.captures, db.audit, db.attachments, db.receivedAudit], work);

  /** Files for an action, hashed before the transaction; their names and hashes go in the action. */
  async function describeFiles(
    files: readonly File[],
    already: CaseAction['attachments'],
  ): Promise<{ rows: Omit<AttachmentRow, 'actionId'>[]; attachments: CaseAction['attachments'] }> {
    const taken = new Set(already.map((a) => a.fileName));
    const rows: Omit<AttachmentRow, 'actionId'>[] = [];
    for (const file of files) {
      let fileName = safeFileName(file.name);
      for (let n = 2; taken.has(fileName); n++) fileName = `${n}-${safeFileName(file.name)}`;
      taken.add(fileName);
      rows.push({ fileName, blob: file, sha256: await sha256OfBlob(file) });
    }
    return { rows, attachments: [...already, ...rows.map(({ fileName, sha256 }) => ({ fileName, sha256 }))] };
  }

  return {
    getCase,

    getAttachment(actionId: string, fileName: string): Promise<AttachmentRow | undefined> {
      return db.attachments.get([actionId, fileName]);
    },

    /** Recently active first (the popup's case list). */
    async listCases(): Promise<CaseView[]> {
      const ids = await db.cases.toCollection().primaryKeys();
      const views = (await Promise.all(ids.map(getCase))).filter((v): v is CaseView => v !== undefined);
      return views.sort((a, b) => b.lastActivityUtc.localeCompare(a.lastActivityUtc));
    },

    async openCase(input: CaseDetails, actor: StaffMember): Promise<CaseView> {
      const details = parseInput(CaseDetailsSchema, input);
      const id = crypto.randomUUID();
      return write(async () => {
        await insertCase(db, id, details, clock(), actor);
        return requireCase(id);
      });
    },

    async changeDetails(caseId: string, input: CaseDetails, actor: StaffMember): Promise<CaseView> {
      const to = parseInput(CaseDetailsSchema, input);
      return write(async () => {
        const before = await requireCase(caseId);
        if (JSON.stringify(before.details) === JSON.stringify(to)) return before;
        await appendAudit(db, clock(), actor, { action: 'case.changed', caseId, from: before.details, to });
        return requireCase(caseId);
      });
    },

    /** Closing needs a note saying why (issue #4). */
    async setStatus(caseId: string, to: CaseStatus, note: string, actor: StaffMember): Promise<CaseView> {
      if (to === 'closed' && !note.trim()) throw new ExhibitError('invalid-input', 'Say why the case is being closed.');
      return write(async () => {
        const before = await requireCase(caseId);
        if (before.status === to) return before;
        await appendAudit(db, clock(), actor, {
          action: 'case.status',
          caseId,
          from: before.status,
          to,
          note: note.trim(),
        });
        return requireCase(caseId);
      });
    },

    /** Files a capture in a case, or back to UNFILED; the capture's metadata is not touched. */
    fileCapture(captureId: string, caseId: string, actor: StaffMember): Promise<void> {
      return write(async () => {
        const capture = await db.captures.get(captureId);
        if (!capture) throw new ExhibitError('invalid-input', 'That capture no longer exists.');
        if (caseId !== UNFILED) await requireCase(caseId);
        if (capture.caseId === caseId) return;
        await db.captures.update(captureId, { caseId });
        await appendAudit(db, clock(), actor, {
          action: 'capture.filed',
          captureId,
          caseId,
          previousCaseId: capture.caseId,
        });
      });
    },

    async recordAction(
      caseId: string,
      input: CaseAction,
      actor: StaffMember,
      files: readonly File[] = [],
    ): Promise<string> {
      const { rows, attachments } = await describeFiles(files, input.attachments);
      const details = parseInput(CaseActionSchema, { ...input, attachments });
      const actionId = crypto.randomUUID();
      return write(async () => {
        await requireCase(caseId);
        await db.attachments.bulkAdd(rows.map((row) => ({ ...row, actionId })));
        await appendAudit(db, clock(), actor, { action: 'action.recorded', caseId, actionId, details });
        return actionId;
      });
    },

    /** A correction is a new entry; the recorded action and every earlier correction stay. */
    async correctAction(
      caseId: string,
      actionId: string,
      input: CaseAction,
      reason: string,
      actor: StaffMember,
      files: readonly File[] = [],
    ): Promise<CaseView> {
      const stored = await db.attachments.where('actionId').equals(actionId).toArray();
      const { rows, attachments } = await describeFiles(
        files,
        stored.map(({ fileName, sha256 }) => ({ fileName, sha256 })),
      );
      // Attachments are never taken away: the corrected action lists every file stored for it.
      const details = parseInput(CaseActionSchema, { ...input, attachments });
      if (!reason.trim()) throw new ExhibitError('invalid-input', 'Say why the action is being corrected.');
      return write(async () => {
        const found = await requireCase(caseId);
        if (!found.actions.some((a) => a.actionId === actionId))
          throw new ExhibitError('invalid-input', 'That action is not on this case.');
        await db.attachments.bulkAdd(rows.map((row) => ({ ...row, actionId })));
        await appendAudit(db, clock(), actor, {
          action: 'action.corrected',
          caseId,
          actionId,
          details,
          reason: reason.trim(),
        });
        return requireCase(caseId);
      });
    },
  };
}
export type CaseRepository = ReturnType<typeof createCaseRepository>;
