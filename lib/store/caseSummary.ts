import type { AuditEntry } from '../audit';
import type { CaseAction, CaseDetails, CaseStatus } from '../cases/case';
import type { Platform } from '../extract/postDetails';
import type { CategoryId } from '../policy';
import type { CaseActionView } from './caseRepository';
import type { CaptureRow } from './db';
import { wordsOf } from '../searchWords';

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
  /** Words only its earlier details and actions held, before a change or correction (v13, finding a person). */
  pastWords: string[];
}

/** A case's details as texts: title, the person posting (with profile links), who is affected, the owner. */
function detailsValues({ title, personPosting, affected, owner }: CaseDetails): string[] {
  return [title, personPosting.name, personPosting.relationship, ...personPosting.profileUrls, affected, owner];
}

/** An action's own texts: outcome, who, references, the police's details (its files are apart). */
export function actionValues(action: CaseAction): string[] {
  return [action.outcome, action.who, action.reference ?? '', ...Object.values(action.police ?? {})];
}

/**
 * What a case said before, still in its history: its details before each change, and each action
 * before its last correction (attachments are never taken away, so their names are all current).
 * What the `pastWords` index holds, and what finding a person reports as earlier.
 */
export function earlierCaseValues(caseEntries: readonly AuditEntry[], actions: readonly CaseActionView[]): string[] {
  return [
    ...caseEntries.flatMap(({ event }) => (event.action === 'case.changed' ? detailsValues(event.from) : [])),
    ...actions.flatMap(({ history }) =>
      history
        .slice(0, -1)
        .flatMap(({ event }) =>
          event.action === 'action.recorded' || event.action === 'action.corrected' ? actionValues(event.details) : [],
        ),
    ),
  ];
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
    /** Its history, for what it said before a change; a case just opened has none to give. */
    chronology?: readonly AuditEntry[];
  },
  captures: readonly Pick<CaptureRow, 'summary' | 'metadata'>[],
): CaseRowSummary {
  const { title, personPosting, owner } = view.details;
  const words = wordsOf(
    ...detailsValues(view.details),
    ...view.actions.flatMap(({ current }) => [
      ...actionValues(current),
      ...current.attachments.map((file) => file.fileName),
    ]),
    ...captures.flatMap((c) => c.summary.words),
  );
  // What its details and actions said before a change or correction, still in its history (issue #18).
  const held = new Set(words);
  const pastWords = wordsOf(...earlierCaseValues(view.chronology ?? [], view.actions)).filter(
    (word) => !held.has(word),
  );
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
    words,
    pastWords,
  };
}
