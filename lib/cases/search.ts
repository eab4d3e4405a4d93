import type { CaptureView } from '../store/evidenceRepository';
import type { CaseView } from '../store/caseRepository';
import type { CaseStatus } from './case';
import type { CategoryId } from '../policy/categories';
import type { Platform } from '../extract/postDetails';

export interface CaseFilters {
  status?: CaseStatus;
  category?: CategoryId;
  platform?: Platform;
  /** Cases with activity on or after this day (YYYY-MM-DD). */
  activeSince?: string;
  /** Words to find in the case's title, people and notes, and its captures' notes and post text. */
  text?: string;
}

/** Does a case pass the dashboard's filters? `captures` are the case's own. */
export function caseMatches(view: CaseView, captures: readonly CaptureView[], filters: CaseFilters): boolean {
  if (filters.status && view.status !== filters.status) return false;
  if (filters.category && !captures.some((c) => c.current.category.id === filters.category)) return false;
  if (filters.platform && !captures.some((c) => c.metadata.post?.platform === filters.platform)) return false;
  if (filters.activeSince && view.lastActivityUtc.slice(0, 10) < filters.activeSince) return false;
  const words = (filters.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    view.details.title,
    view.details.personPosting.name,
    view.details.personPosting.relationship,
    view.details.affected,
    view.details.owner,
    ...view.actions.map((a) => `${a.current.outcome} ${a.current.who}`),
    ...captures.flatMap((c) => [
      c.current.note,
      c.current.post.text ?? '',
      c.current.post.authorName ?? '',
      c.current.post.authorHandle ?? '',
      c.metadata.author.name ?? '',
      c.metadata.page.title,
    ]),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
