import { UNFILED } from '../cases/case';
import { dueIfAtOrBefore, periodOf, reviewDate, type RetentionSettings } from '../retention/rules';
import { localDate, type IsoDate } from '../time';
import type { ExhibitDb } from './db';
import type { SettingsRepository } from './settings';

/** Something that has reached its review date (issue #18), and what its period ran from. */
export type ReviewItem = { reviewDate: IsoDate; since: string } & (
  | { kind: 'unfiled-capture'; captureId: string; reference?: string; title: string }
  | { kind: 'closed-case' | 'inactive-case'; caseId: string; title: string }
);

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
  const [captures, closedCases, quietCases] = await Promise.all([
    db.captures
      .where('[caseId+capturedAtUtc]')
      .between([UNFILED, ''], [UNFILED, upTo(unfiled)], true, true)
      .limit(take)
      .toArray(),
    db.cases.where('closedAtUtc').belowOrEqual(upTo(closed)).limit(take).toArray(),
    db.cases
      .where('lastActivityUtc')
      .belowOrEqual(upTo(inactive))
      .filter((row) => row.summary.status !== 'closed')
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
      reviewDate: review(row.capturedAtUtc, unfiled),
    })),
    ...closedCases.flatMap((row): ReviewItem[] =>
      row.closedAtUtc
        ? [
            {
              kind: 'closed-case',
              caseId: row.id,
              title: row.summary.title,
              since: row.closedAtUtc,
              reviewDate: review(row.closedAtUtc, closed),
            },
          ]
        : [],
    ),
    ...quietCases.map((row): ReviewItem => ({
      kind: 'inactive-case',
      caseId: row.id,
      title: row.summary.title,
      since: row.lastActivityUtc,
      reviewDate: review(row.lastActivityUtc, inactive),
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
  };
}
