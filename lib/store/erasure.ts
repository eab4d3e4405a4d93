import { z } from 'zod';
import { withhold, type AuditEntry } from '../audit';
import { UNFILED } from '../cases/case';
import type { StaffMember } from '../capture/metadata';
import { ExhibitError, parseInput } from '../errors';
import { appendAudit } from './auditLog';
import { keepCaseSummary } from './caseFold';
import { required } from '../required';
import type { CaptureRow, ExhibitDb } from './db';
import type { ReviewTarget } from './retentionReview';

/** What a person gives to erase: the reason, and the reference or title typed out as a deliberate yes. */
export const ErasureRequestSchema = z.object({
  reason: z.string().trim().min(1, 'Say why it is erased (its retention review, a request to erase…).').max(2000),
  confirmation: z.string().trim(),
});
export type ErasureRequest = z.input<typeof ErasureRequestSchema>;

/** What an erasure would remove, shown before the person confirms it. */
export interface ErasurePlan {
  target: ReviewTarget;
  /** The capture's exhibit reference (or the start of its id) or the case's title, to be typed out. */
  confirmWith: string;
  title: string;
  captures: { id: string; reference?: string; title: string }[];
  files: { count: number; bytes: number };
  attachments: { count: number; bytes: number };
  /** Entries of this installation's log about it, which keep only their hashes afterwards. */
  entries: number;
  /** Entries received from other installations with it, which go entirely. */
  receivedEntries: number;
  /** Why it cannot be erased (legal hold), or undefined. */
  refusal?: string;
}

const ERASURE_TABLES = (db: ExhibitDb) => [
  db.captures,
  db.cases,
  db.files,
  db.derivedFiles,
  db.attachments,
  db.audit,
  db.erasedAudit,
  db.receivedAudit,
  db.openResponses,
  db.pageWords,
  db.pageWordsPending,
  db.timestamps,
];

/**
 * Erasure (issue #18): a capture, or a case with every capture in it, removed in one transaction —
 * its row, files, derived files (thumbnails are files too), attachments, search words (its page
 * text's too), open response, the entries received with it, and this installation's own entries about it, of which
 * the chain keeps only {seq, contentHash, prevHash, hash} (`erasedAudit`), so it still verifies. What
 * stays is one `capture.erased` / `case.erased` entry: who, when, why, and every erased file's
 * SHA-256. Nothing on legal hold, or in a case on hold, can be erased.
 */
export function createErasure(db: ExhibitDb, clock: () => Date = () => new Date()) {
  async function captureRow(captureId: string): Promise<CaptureRow> {
    const row = await db.captures.get(captureId);
    if (!row) throw new ExhibitError('invalid-input', 'That capture no longer exists.');
    return row;
  }

  async function caseHeld(caseId: string): Promise<boolean> {
    return caseId !== UNFILED && (await db.cases.get(caseId))?.summary.heldSince !== undefined;
  }

  /** Why it cannot be erased: it, its case or one of its captures is on legal hold. */
  async function refusalFor(target: ReviewTarget, rows: readonly CaptureRow[], caseId: string) {
    const until = 'until the hold is released.';
    if (await caseHeld(caseId))
      return 'captureId' in target
        ? `Its case is on legal hold: nothing in it can be erased ${until}`
        : `The case is on legal hold: it cannot be erased ${until}`;
    const held = rows.find((row) => row.summary.heldSince !== undefined);
    if (!held) return undefined;
    if ('captureId' in target) return `This capture is on legal hold: it cannot be erased ${until}`;
    const name = held.metadata.reference ? `Exhibit ${held.metadata.reference}` : 'A capture in it';
    return `${name} is on legal hold: the case cannot be erased ${until}`;
  }

  /**
   * What stands between a request and the erasure, from rows alone: the captures it takes, what must
   * be typed (the exhibit reference, or the case's current title, kept on its row), and why not.
   */
  async function gateFor(target: ReviewTarget) {
    if ('captureId' in target) {
      const row = await captureRow(target.captureId);
      return {
        rows: [row],
        confirmWith: confirmationOf(row),
        title: titleOf(row),
        refusal: await refusalFor(target, [row], row.caseId),
      };
    }
    const caseRow = await db.cases.get(target.caseId);
    if (!caseRow) throw new ExhibitError('invalid-input', 'That case no longer exists.');
    const rows = await db.captures.where('caseId').equals(target.caseId).sortBy('capturedAtUtc');
    const { title } = caseRow.summary;
    return { rows, confirmWith: title, title, refusal: await refusalFor(target, rows, target.caseId) };
  }

  async function plan(target: ReviewTarget): Promise<ErasurePlan> {
    return db.transaction('r', ERASURE_TABLES(db), async () => {
      const { rows, confirmWith, title, refusal } = await gateFor(target);
      const shown = { target, confirmWith, title, captures: rows.map(captureItem), ...(refusal ? { refusal } : {}) };
      if ('captureId' in target) {
        const sizes = await captureSizes(target.captureId);
        return {
          ...shown,
          files: sizes.files,
          attachments: { count: 0, bytes: 0 },
          entries: sizes.entries,
          receivedEntries: sizes.receivedEntries,
        };
      }
      const perCapture = await Promise.all(rows.map((row) => captureSizes(row.id)));
      const caseEntries = await ownCaseEntries(target.caseId);
      const received = await receivedCaseEntries(target.caseId);
      const attachments = await db.attachments
        .where('actionId')
        .anyOf(actionIdsOf([...caseEntries, ...received]))
        .toArray();
      return {
        ...shown,
        files: {
          count: perCapture.reduce((sum, s) => sum + s.files.count, 0),
          bytes: perCapture.reduce((sum, s) => sum + s.files.bytes, 0),
        },
        attachments: { count: attachments.length, bytes: attachments.reduce((sum, a) => sum + a.blob.size, 0) },
        entries: caseEntries.length + perCapture.reduce((sum, s) => sum + s.entries, 0),
        receivedEntries: received.length + perCapture.reduce((sum, s) => sum + s.receivedEntries, 0),
      };
    });
  }

  async function captureSizes(captureId: string) {
    const [files, derived, entries, receivedEntries] = await Promise.all([
      db.files.where('captureId').equals(captureId).toArray(),
      db.derivedFiles.where('captureId').equals(captureId).toArray(),
      db.audit.where('event.captureId').equals(captureId).count(),
      db.receivedAudit.where('event.captureId').equals(captureId).count(),
    ]);
    const all = [...files, ...derived];
    return {
      files: { count: all.length, bytes: all.reduce((sum, f) => sum + f.blob.size, 0) },
      entries,
      receivedEntries,
    };
  }

  /** The case's own entries that go with it: not those about captures still kept elsewhere, nor erasure records. */
  async function ownCaseEntries(caseId: string): Promise<AuditEntry[]> {
    return (await db.audit.where('event.caseId').equals(caseId).toArray()).filter((e) => !('captureId' in e.event));
  }

  async function receivedCaseEntries(caseId: string): Promise<AuditEntry[]> {
    return (await db.receivedAudit.where('event.caseId').equals(caseId).toArray()).filter(
      (e) => !('captureId' in e.event),
    );
  }

  async function eraseCapture(row: CaptureRow, reason: string, actor: StaffMember, at: Date): Promise<AuditEntry> {
    const captureId = row.id;
    const own = await db.audit.where('event.captureId').equals(captureId).toArray();
    const files = [
      ...(await db.files.where('captureId').equals(captureId).toArray()),
      ...(await db.derivedFiles.where('captureId').equals(captureId).toArray()),
    ];
    const recorded = own.find((e) => e.event.action === 'capture.created' || e.event.action === 'capture.received');
    const metadataSha256 =
      recorded && (recorded.event.action === 'capture.created' || recorded.event.action === 'capture.received')
        ? recorded.event.metadataSha256
        : undefined;
    // The record is appended first, onto the chain's head, so the audit table's last entry stays the head.
    const record = await appendAudit(db, at, actor, {
      action: 'capture.erased',
      captureId,
      ...(row.caseId === UNFILED ? {} : { caseId: row.caseId }),
      ...(row.metadata.reference ? { reference: row.metadata.reference } : {}),
      ...(metadataSha256 ? { metadataSha256 } : {}),
      files: files.map((f) => f.sha256).sort(),
      entries: own.map((e) => e.seq),
      reason,
    });
    await moveToErased(own);
    await db.receivedAudit.bulkDelete(await db.receivedAudit.where('event.captureId').equals(captureId).primaryKeys());
    await db.files.where('captureId').equals(captureId).delete();
    await db.derivedFiles.where('captureId').equals(captureId).delete();
    await db.openResponses.delete(captureId);
    await db.pageWords.delete(captureId);
    await db.pageWordsPending.delete(captureId);
    await db.timestamps.delete(captureId);
    await db.captures.delete(captureId);
    return record;
  }

  async function moveToErased(entries: readonly AuditEntry[]): Promise<void> {
    await db.erasedAudit.bulkAdd(entries.map(withhold));
    await db.audit.bulkDelete(entries.map((e) => e.seq));
  }

  async function eraseCase(
    caseId: string,
    rows: readonly CaptureRow[],
    reason: string,
    actor: StaffMember,
    at: Date,
  ): Promise<AuditEntry[]> {
    const records: AuditEntry[] = [];
    for (const row of rows) records.push(await eraseCapture(row, reason, actor, at));
    const own = await ownCaseEntries(caseId);
    const received = await receivedCaseEntries(caseId);
    const attachmentKeys = await db.attachments
      .where('actionId')
      .anyOf(actionIdsOf([...own, ...received]))
      .toArray();
    records.push(
      await appendAudit(db, at, actor, {
        action: 'case.erased',
        caseId,
        captureIds: records.flatMap((r) => (r.event.action === 'capture.erased' ? [r.event.captureId] : [])),
        files: attachmentKeys.map((a) => a.sha256).sort(),
        entries: own.map((e) => e.seq),
        reason,
      }),
    );
    await moveToErased(own);
    await db.receivedAudit.bulkDelete(received.map((e) => e.hash));
    await db.attachments.bulkDelete(attachmentKeys.map((a): [string, string] => [a.actionId, a.fileName]));
    await db.cases.delete(caseId);
    return records;
  }

  /**
   * Erases what the plan showed, in one transaction, once the person has typed its reference or
   * title; refuses, changing nothing, anything on hold.
   */
  async function erase(target: ReviewTarget, request: ErasureRequest, actor: StaffMember): Promise<AuditEntry[]> {
    const { reason, confirmation } = parseInput(ErasureRequestSchema, request);
    return db.transaction('rw', ERASURE_TABLES(db), async () => {
      // The same checks the plan showed, from rows: no file is read nor any history folded for them.
      const { rows, confirmWith, refusal } = await gateFor(target);
      if (refusal) throw new ExhibitError('invalid-input', refusal);
      if (confirmation !== confirmWith)
        throw new ExhibitError('invalid-input', `Type “${confirmWith}” exactly to confirm the erasure.`);
      const at = clock();
      if ('captureId' in target) {
        const row = required(rows[0], 'the capture to erase');
        const record = await eraseCapture(row, reason, actor, at);
        await keepCaseSummary(db, row.caseId);
        return [record];
      }
      return eraseCase(target.caseId, rows, reason, actor, at);
    });
  }

  return { plan, erase };
}
export type Erasure = ReturnType<typeof createErasure>;

/** What a capture's erasure asks to be typed: its exhibit reference, or the first 8 characters of its id. */
function confirmationOf(row: CaptureRow): string {
  return row.metadata.reference ?? row.id.slice(0, 8);
}

function titleOf(row: CaptureRow): string {
  return row.metadata.page.title || row.metadata.page.url;
}

function captureItem(row: CaptureRow): ErasurePlan['captures'][number] {
  return { id: row.id, title: titleOf(row), ...(row.metadata.reference ? { reference: row.metadata.reference } : {}) };
}

function actionIdsOf(entries: readonly AuditEntry[]): string[] {
  return sortedUnique(entries.flatMap((e) => ('actionId' in e.event ? [e.event.actionId] : [])));
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
