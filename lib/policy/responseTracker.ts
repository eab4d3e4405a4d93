import { z } from 'zod';
import { PlatformSchema } from '../extract/postDetails';
import { responseDueAt } from './responseDeadline';
import type { WorkingCalendar } from './workingDays';

/** One of the school's own social accounts, listed in the options (issue #4). */
export const SchoolAccountSchema = z.object({
  platform: PlatformSchema,
  url: z.url({ protocol: /^https?$/, error: 'The account’s address must start with http:// or https://.' }),
});
export type SchoolAccount = z.infer<typeof SchoolAccountSchema>;

/** Host without www./m./mobile., and path without a trailing slash, lower-cased. */
function normalise(url: string): { host: string; path: string } | undefined {
  try {
    const u = new URL(url);
    return {
      host: u.host.toLowerCase().replace(/^(www|m|mobile)\./, ''),
      path: u.pathname.toLowerCase().replace(/\/+$/, ''),
    };
  } catch {
    return undefined;
  }
}

/** Is this page on (or under) one of the school's own accounts? */
export function schoolAccountFor(pageUrl: string, accounts: readonly SchoolAccount[]): SchoolAccount | undefined {
  const page = normalise(pageUrl);
  if (!page) return undefined;
  return accounts.find((account) => {
    const own = normalise(account.url);
    return (
      own !== undefined && own.host === page.host && (page.path === own.path || page.path.startsWith(`${own.path}/`))
    );
  });
}

export interface PendingResponse {
  captureId: string;
  receivedAt: Date;
  dueAt: Date;
  overdue: boolean;
  /** Due within the next two hours (the toolbar badge counts these and the overdue ones). */
  dueSoon: boolean;
}

const TWO_HOURS = 2 * 60 * 60 * 1000;

/** Unanswered comments on the school's accounts, soonest due first. */
export function responseQueue(
  items: readonly { captureId: string; receivedAt: Date; answered: boolean }[],
  now: Date,
  calendar: WorkingCalendar,
): PendingResponse[] {
  return items
    .filter((item) => !item.answered)
    .map((item) => {
      const dueAt = responseDueAt(item.receivedAt, calendar);
      const left = dueAt.getTime() - now.getTime();
      return {
        captureId: item.captureId,
        receivedAt: item.receivedAt,
        dueAt,
        overdue: left < 0,
        dueSoon: left >= 0 && left <= TWO_HOURS,
      };
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** What the toolbar badge counts of the responses (lib/badge.ts): those overdue or due within two hours. */
export function answerNowCount(queue: readonly PendingResponse[]): number {
  return queue.filter((r) => r.overdue || r.dueSoon).length;
}
