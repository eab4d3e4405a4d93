import { UNFILED } from '../cases/case';
import { dueIfAtOrBefore, periodOf, reviewDate, type RetentionSettings } from '../retention/rules';
import { localDate, type IsoDate } from '../time';
import { z } from 'zod';
import type { AuditEntry } from '../audit';
import type { StaffMember } from '../capture/metadata';
import { ExhibitError, parseInput } from '../errors';
import { appendAudit } from './auditLog';
import { keepCaptureSummary, keepCaseSummary } from './caseFold';
import type { ExhibitDb } from './db';
import type { SettingsRepository } from './settings';

/** Something that has reached its review date (issue #18), and what its period ran from. */
export type ReviewItem = { reviewDate: IsoDate; since: string } & (
  | { kind: 'unfiled-capture'; captureId: string; reference?: string; title: string }
  | { kind: 'closed-case' | 'inactive-case'; caseId: string; title: string }
);

/** What a review decides about: a capture or a case. */
export type ReviewTarget = { captureId: string } | { caseId: string };

/** Keeping something past its review: until which day, and why. */
export const KeepDecisionSchema = z.object({
  until: z.iso.date({ error: 'Give the day to keep it until.' }),
  reason: z.string().trim().min(1, 'Say why it is kept.').max(2000),
});
export type KeepDecision = z.infer<typeof KeepDecisionSchema>;

/**
 * What has reached its review date today in the school's zone, oldest review date first, at most
 * `limit`. Each kind is read through the index of the moment its period runs from, oldest first, up
 * to the last moment that is due (`dueIfAtOrBefore`) and at most `limit` of each, so the list costs
 * what it shows, not what is kept or due.
 */
export async function reviewDue(
  db: ExhibitDb,
  now: Date,
  settings: RetentionSettings,
  timeZone: string,
  limit = Infinity,
): Promise<{ items: ReviewItem[]; more: boolean }> {
  const take = Number.isFinite(limit) ? limit + 1 : Infinity;
  const today = localDate(now, timeZone);
  const upTo = (period: { months: number }) => dueIfAtOrBefore(today, period, timeZone).toISOString();
  const review = (since: string, period: { months: number }) => reviewDate(new Date(since), period, timeZone);
  const unfiled = periodOf.unfiledCapture(settings);
  const closed = periodOf.closedCase(settings);
  const inactive = periodOf.inactiveCase(settings);
  // Kept at an earlier review until a day still to come: not due (its period's moment stays, so it
  // is in the range read, and comes back on that day with that day as its review date).
  const keptOn = (keptUntil: string | undefined) => (keptUntil && keptUntil > today ? undefined : keptUntil);
  // Nothing on legal hold reaches review (issue #18).
  const stillKept = (summary: { keptUntil?: string; heldSince?: string }) =>
    summary.heldSince !== undefined || (summary.keptUntil !== undefined && summary.keptUntil > today);
  const [captures, closedCases, quietCases] = await Promise.all([
    db.captures
      .where('[caseId+capturedAtUtc]')
      .between([UNFILED, ''], [UNFILED, upTo(unfiled)], true, true)
      .filter((row) => !stillKept(row.summary))
      .limit(take)
      .toArray(),
    db.cases
      .where('closedAtUtc')
      .belowOrEqual(upTo(closed))
      .filter((row) => !stillKept(row.summary))
      .limit(take)
      .toArray(),
    db.cases
      .where('lastActivityUtc')
      .belowOrEqual(upTo(inactive))
      .filter((row) => row.summary.status !== 'closed' && !stillKept(row.summary))
      .limit(take)
      .toArray(),
  ]);
  const items: ReviewItem[] = [
    ...captures.map((row): ReviewItem => ({
      kind: 'unfiled-capture',
      captureId: row.id,
      reference: row.metadata.reference,
      title: row.metadata.page.title || row.metadata.page.url,
      since: row.capturedAtUtc,
      reviewDate: keptOn(row.summary.keptUntil) ?? review(row.capturedAtUtc, unfiled),
    })),
    ...closedCases.flatMap((row): ReviewItem[] =>
      row.closedAtUtc
        ? [
            {
              kind: 'closed-case',
              caseId: row.id,
              title: row.summary.title,
              since: row.closedAtUtc,
              reviewDate: keptOn(row.summary.keptUntil) ?? review(row.closedAtUtc, closed),
            },
          ]
        : [],
    ),
    ...quietCases.map((row): ReviewItem => ({
      kind: 'inactive-case',
      caseId: row.id,
      title: row.summary.title,
      since: row.lastActivityUtc,
      reviewDate: keptOn(row.summary.keptUntil) ?? review(row.lastActivityUtc, inactive),
    })),
  ];
  items.sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || a.since.localeCompare(b.since));
  return { items: items.slice(0, limit), more: items.length > limit };
}

/** The review list as pages read it: today's, with the school's retention settings and time zone. */
export function createRetentionReview(db: ExhibitDb, settings: SettingsRepository) {
  return {
    async due(now: Date, limit: number): Promise<{ items: ReviewItem[]; more: boolean }> {
      const [retention, calendar] = await Promise.all([settings.getRetention(), settings.getCalendar()]);
      return reviewDue(db, now, retention, calendar.timeZone, limit);
    },

    /**
     * Keeps a capture or case due for review until a later day, with the reason: one audit entry,
     * and the row's summary in step, in one transaction. It is due again on that day.
     */
    async keep(target: ReviewTarget, input: KeepDecision, actor: StaffMember, now: Date): Promise<AuditEntry> {
      const { until, reason } = parseInput(KeepDecisionSchema, input);
      const { timeZone } = await settings.getCalendar();
      if (until <= localDate(now, timeZone))
        throw new ExhibitError('invalid-input', 'Keep it until a day after today.');
      return db.transaction('rw', [db.captures, db.cases, db.audit, db.receivedAudit], async () => {
        if ('captureId' in target) {
          if (!(await db.captures.get(target.captureId)))
            throw new ExhibitError('invalid-input', 'That capture no longer exists.');
          const entry = await appendAudit(db, now, actor, { action: 'capture.kept', ...target, until, reason });
          await keepCaptureSummary(db, target.captureId);
          return entry;
        }
        if (!(await db.cases.get(target.caseId)))
          throw new ExhibitError('invalid-input', 'That case no longer exists.');
        const entry = await appendAudit(db, now, actor, { action: 'case.kept', ...target, until, reason });
        await keepCaseSummary(db, target.caseId);
        return entry;
      });
    },
  };
}
