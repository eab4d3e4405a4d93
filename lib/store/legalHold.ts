import { z } from 'zod';
import type { AuditEntry } from '../audit';
import type { StaffMember } from '../capture/metadata';
import { ExhibitError, parseInput } from '../errors';
import { appendAudit } from './auditLog';
import { foldCase, keepCaptureSummary, keepCaseSummary } from './caseFold';
import type { ExhibitDb } from './db';
import type { ReviewTarget } from './retentionReview';

const ReasonSchema = z.string().trim().min(1, 'Say why (a police referral, legal advice, a complaint…).').max(2000);

/**
 * Legal hold (issue #18): a capture or case kept from review and erasure while the police, a
 * solicitor or a complaint need it. Placing and releasing are audit entries with their reasons, and
 * the item's list summary follows in the same transaction.
 */
export function createLegalHolds(db: ExhibitDb, clock: () => Date = () => new Date()) {
  async function isHeld(target: ReviewTarget): Promise<boolean> {
    if ('captureId' in target) {
      const row = await db.captures.get(target.captureId);
      if (!row) throw new ExhibitError('invalid-input', 'That capture no longer exists.');
      return row.summary.heldSince !== undefined;
    }
    const view = await foldCase(db, target.caseId);
    if (!view) throw new ExhibitError('invalid-input', 'That case no longer exists.');
    return view.heldSince !== undefined;
  }

  async function decide(target: ReviewTarget, hold: boolean, input: string, actor: StaffMember): Promise<AuditEntry> {
    const reason = parseInput(ReasonSchema, input);
    return db.transaction('rw', [db.captures, db.cases, db.audit, db.receivedAudit], async () => {
      if ((await isHeld(target)) === hold)
        throw new ExhibitError('invalid-input', hold ? 'It is on legal hold already.' : 'It is not on legal hold.');
      const at = clock();
      if ('captureId' in target) {
        const action = hold ? 'capture.held' : 'capture.released';
        const entry = await appendAudit(db, at, actor, { action, captureId: target.captureId, reason });
        await keepCaptureSummary(db, target.captureId);
        return entry;
      }
      const action = hold ? 'case.held' : 'case.released';
      const entry = await appendAudit(db, at, actor, { action, caseId: target.caseId, reason });
      await keepCaseSummary(db, target.caseId);
      return entry;
    });
  }

  return {
    isHeld,
    place: (target: ReviewTarget, reason: string, actor: StaffMember) => decide(target, true, reason, actor),
    release: (target: ReviewTarget, reason: string, actor: StaffMember) => decide(target, false, reason, actor),
  };
}
export type LegalHolds = ReturnType<typeof createLegalHolds>;
