import type { CaseDetails, CaseStatus } from '../cases/case';
import type { Platform } from '../extract/postDetails';
import type { CategoryId } from '../policy';
import type { CaseActionView } from './caseRepository';
import type { CaptureRow } from './db';
import { wordsOf } from './searchWords';

/**
 * What a list of cases shows of one, and filters it by (issue #17): its current title, person
 * posting and status, its captures' count, current categories and platforms. Kept on the case's row
 * in step with the audit log, in the same transactions, so the popup's chooser and the dashboard's
 * list read rows through indexes and never fold a case's history; the case page still folds it,
 * and they agree.
 */
export interface CaseSummary {
  title: string;
  personPosting: string;
  owner: string;
  status: CaseStatus;
  captureCount: number;
  categories: CategoryId[];
  platforms: Platform[];
  /** Kept at its retention review until this day (issue #18). */
  keptUntil?: string;
  /** On legal hold since this moment (issue #18). */
  heldSince?: string;
}

/** The fields of a case's row that its summary sets (the last two are indexed). */
export interface CaseRowSummary {
  summary: CaseSummary;
  lastActivityUtc: string;
  /** While it is closed, when it was closed (indexed: the retention review reads closed cases by it, issue #18). */
  closedAtUtc?: string;
  /** Its own words (title, people, owner, actions) and its captures': what the case search finds it by. */
  words: string[];
}

/** The summary of a case as folded, with its captures' rows (each with its own kept summary). */
export function caseRowSummary(
  view: {
    details: CaseDetails;
    status: CaseStatus;
    lastActivityUtc: string;
    closedAtUtc?: string;
    keptUntil?: string;
    heldSince?: string;
    actions: readonly CaseActionView[];
  },
  captures: readonly Pick<CaptureRow, 'summary' | 'metadata'>[],
): CaseRowSummary {
  const { title, personPosting, affected, owner } = view.details;
  const unique = <T>(values: T[]) => [...new Set(values)].sort();
  return {
    summary: {
      title,
      personPosting: personPosting.name,
      owner,
      status: view.status,
      captureCount: captures.length,
      categories: unique(captures.map((c) => c.summary.category.id)),
      platforms: unique(captures.flatMap((c) => (c.metadata.post ? [c.metadata.post.platform] : []))),
      ...(view.keptUntil ? { keptUntil: view.keptUntil } : {}),
      ...(view.heldSince ? { heldSince: view.heldSince } : {}),
    },
    lastActivityUtc: view.lastActivityUtc,
    closedAtUtc: view.closedAtUtc,
    words: wordsOf(
      title,
      personPosting.name,
      personPosting.relationship,
      affected,
      owner,
      ...view.actions.map((a) => `${a.current.outcome} ${a.current.who}`),
      ...captures.flatMap((c) => c.summary.words),
    ),
  };
}
