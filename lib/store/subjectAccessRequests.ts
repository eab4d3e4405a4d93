import type { StaffMember } from '../capture/metadata';
import { ExhibitError, parseInput } from '../errors';
import {
  ClosingSchema,
  ExtensionSchema,
  SubjectAccessRequestRowSchema,
  SubjectAccessRequestSchema,
  latestExtendedDueOn,
  responseDueOn,
  type Extension,
  type SubjectAccessRequest,
} from '../subjectAccess/pack';
import { appendAudit } from './auditLog';
import type { ExhibitDb, SubjectAccessRequestRow } from './db';

/**
 * Subject access requests (issue #18): logged with the day received, due a calendar month on,
 * extended with a reason, answered by a pack or closed with a reason. Each step is an audit entry,
 * and the open requests' rows (`subjectAccessRequests`, v13) change with it in the same transaction,
 * so the due list reads open requests only, by due day.
 */
export function createSubjectAccessRequests(db: ExhibitDb, clock: () => Date = () => new Date()) {
  async function openRequest(requestId: string): Promise<SubjectAccessRequestRow> {
    const row = await db.subjectAccessRequests.get(requestId);
    if (!row) throw new ExhibitError('invalid-input', 'That request is not open: it was answered or closed.');
    return row;
  }

  return {
    /** Open requests, soonest due first, each checked as it is read back. */
    open: async (limit = 200): Promise<SubjectAccessRequestRow[]> =>
      (await db.subjectAccessRequests.orderBy('dueOn').limit(limit).toArray()).map((row) =>
        SubjectAccessRequestRowSchema.parse(row),
      ),

    async log(input: SubjectAccessRequest, actor: StaffMember): Promise<SubjectAccessRequestRow> {
      const { person, requestReceivedOn: receivedOn } = parseInput(SubjectAccessRequestSchema, input);
      const requestId = crypto.randomUUID();
      const row = SubjectAccessRequestRowSchema.parse({
        requestId,
        person,
        receivedOn,
        dueOn: responseDueOn(receivedOn),
      });
      await db.transaction('rw', [db.audit, db.subjectAccessRequests], async () => {
        await appendAudit(db, clock(), actor, { action: 'subject-access.received', requestId, person, receivedOn });
        await db.subjectAccessRequests.add(row);
      });
      return row;
    },

    async extend(requestId: string, input: Extension, actor: StaffMember): Promise<void> {
      const { dueOn, reason } = parseInput(ExtensionSchema, input);
      await db.transaction('rw', [db.audit, db.subjectAccessRequests], async () => {
        const row = await openRequest(requestId);
        if (dueOn <= row.dueOn)
          throw new ExhibitError('invalid-input', `An extension must be later than the day now due (${row.dueOn}).`);
        if (dueOn > latestExtendedDueOn(row.receivedOn))
          throw new ExhibitError(
            'invalid-input',
            `A reply may be put off by two further months at most: to ${latestExtendedDueOn(row.receivedOn)}.`,
          );
        await appendAudit(db, clock(), actor, { action: 'subject-access.extended', requestId, dueOn, reason });
        await db.subjectAccessRequests.put({ ...row, dueOn, extendedBecause: reason });
      });
    },

    async close(requestId: string, reason: string, actor: StaffMember): Promise<void> {
      const closing = parseInput(ClosingSchema, { reason });
      await db.transaction('rw', [db.audit, db.subjectAccessRequests], async () => {
        await openRequest(requestId);
        await appendAudit(db, clock(), actor, { action: 'subject-access.closed', requestId, reason: closing.reason });
        await db.subjectAccessRequests.delete(requestId);
      });
    },
  };
}
export type SubjectAccessRequests = ReturnType<typeof createSubjectAccessRequests>;
