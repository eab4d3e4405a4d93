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
import type { Platform } from '../extract/postDetails';
import type { CategoryId } from '../policy';
import { ExhibitError, parseInput } from '../errors';
import { sha256OfBlob } from '../hash';
import { appendAudit } from './auditLog';
import { foldCase, keepCaseSummary } from './caseFold';
import { caseRowSummary, type CaseSummary } from './caseSummary';
import { holdsEveryWord, wordsOf } from '../searchWords';
import type { AttachmentRow, CaseRow, ExhibitDb } from './db';

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
  /** When it was last closed, while it is closed: its retention runs from then (issue #18). */
  closedAtUtc?: string;
  /** Kept at its retention review until this day (issue #18). */
  keptUntil?: string;
  /** On legal hold since this moment (issue #18). */
  heldSince?: string;
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
  const openedAtUtc = at.toISOString();
  const summary = caseRowSummary({ details, status: 'open', lastActivityUtc: openedAtUtc, actions: [] }, []);
  await db.cases.add({ id, openedAtUtc, details, ...summary });
  await appendAudit(db, at, actor, { action: 'case.opened', caseId: id, details });
}

/** A case as a list shows it: its row's summary, no history. */
export interface CaseListItem {
  id: string;
  summary: CaseSummary;
  lastActivityUtc: string;
}
const listItemOf = ({ id, summary, lastActivityUtc }: CaseRow): CaseListItem => ({ id, summary, lastActivityUtc });

/** The dashboard's case list: every filter is optional; `activeSince` is a UTC day, YYYY-MM-DD. */
export interface CaseListQuery {
  limit: number;
  text?: string;
  status?: CaseStatus;
  category?: CategoryId;
  platform?: Platform;
  activeSince?: string;
}

export function createCaseRepository(db: ExhibitDb, clock: () => Date = () => new Date()) {
  async function recentCases(limit: number): Promise<CaseListItem[]> {
    return (await db.cases.orderBy('lastActivityUtc').reverse().limit(limit).toArray()).map(listItemOf);
  }

  /**
   * The most recently active cases passing the filters, at most `limit`, read through one index
   * (issue #17): with words to find, the words index by the longest word (the fewest rows); without,
   * the last-activity index from the newest down, stopping at the limit. The rest is checked on the rows read.
   */
  async function listCaseRows(query: CaseListQuery): Promise<{ rows: CaseListItem[]; more: boolean }> {
    const { limit, status, category, platform, activeSince = '' } = query;
    const [longest, ...rest] = wordsOf(query.text ?? '').sort((a, b) => b.length - a.length);
    const passes = ({ summary, lastActivityUtc, words }: CaseRow) =>
      (!status || summary.status === status) &&
      (!category || summary.categories.includes(category)) &&
      (!platform || summary.platforms.includes(platform)) &&
      lastActivityUtc >= activeSince &&
      holdsEveryWord(words, rest);
    const rows = longest
      ? (await db.cases.where('words').startsWith(longest).distinct().filter(passes).toArray())
          .sort((a, b) => b.lastActivityUtc.localeCompare(a.lastActivityUtc))
          .slice(0, limit + 1)
      : await db.cases
          .where('lastActivityUtc')
          .aboveOrEqual(activeSince)
          .reverse()
          .filter(passes)
          .limit(limit + 1)
          .toArray();
    return { rows: rows.slice(0, limit).map(listItemOf), more: rows.length > limit };
  }

  const getCase = (caseId: string): Promise<CaseView | undefined> => foldCase(db, caseId);

  async function requireCase(caseId: string): Promise<CaseView> {
    const found = await getCase(caseId);
    if (!found) throw new ExhibitError('invalid-input', 'That case no longer exists.');
    return found;
  }

  /**
   * Each change is one transaction over the tables it touches and the audit log: all or nothing.
   * The summaries of the cases it changed are folded again inside it (issue #17).
   */
  const write = <T>(changed: readonly string[], work: () => Promise<T>) =>
    db.transaction('rw', [db.cases, db.captures, db.audit, db.attachments, db.receivedAudit], async () => {
      const result = await work();
      for (const caseId of new Set(changed)) await keepCaseSummary(db, caseId);
      return result;
    });

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

    /** The most recently active cases, newest first, read through the index (the popup's chooser). */
    recentCases,

    /**
     * Cases whose words (title, people, owner, actions, and their captures' notes, posts and
     * authors) begin with each word searched, most recently active first (issue #17).
     */
    async findCases(text: string, limit: number): Promise<CaseListItem[]> {
      return (await listCaseRows({ text, limit })).rows;
    },

    listCaseRows,

    /** One case as a list shows it (a chooser's current choice, which may not be among the recent). */
    async caseListItem(caseId: string): Promise<CaseListItem | undefined> {
      const row = await db.cases.get(caseId);
      return row && listItemOf(row);
    },

    /** Every case folded in full, recently active first: for tests and small stores only, it reads them all. */
    async listCases(): Promise<CaseView[]> {
      const ids = await db.cases.toCollection().primaryKeys();
      const views = (await Promise.all(ids.map(getCase))).filter((v): v is CaseView => v !== undefined);
      return views.sort((a, b) => b.lastActivityUtc.localeCompare(a.lastActivityUtc));
    },

    async openCase(input: CaseDetails, actor: StaffMember): Promise<CaseView> {
      const details = parseInput(CaseDetailsSchema, input);
      const id = crypto.randomUUID();
      return write([], async () => {
        await insertCase(db, id, details, clock(), actor);
        return requireCase(id);
      });
    },

    async changeDetails(caseId: string, input: CaseDetails, actor: StaffMember): Promise<CaseView> {
      const to = parseInput(CaseDetailsSchema, input);
      return write([caseId], async () => {
        const before = await requireCase(caseId);
        if (JSON.stringify(before.details) === JSON.stringify(to)) return before;
        await appendAudit(db, clock(), actor, { action: 'case.changed', caseId, from: before.details, to });
        return requireCase(caseId);
      });
    },

    /** Closing needs a note saying why (issue #4). */
    async setStatus(caseId: string, to: CaseStatus, note: string, actor: StaffMember): Promise<CaseView> {
      if (to === 'closed' && !note.trim()) throw new ExhibitError('invalid-input', 'Say why the case is being closed.');
      return write([caseId], async () => {
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
      return write([caseId], async () => {
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
        // The case it leaves has one capture fewer, and may have been active last through it.
        await keepCaseSummary(db, capture.caseId);
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
      return write([caseId], async () => {
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
      return write([caseId], async () => {
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
