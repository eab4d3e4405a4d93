import { useEffect, useState } from 'react';
import { pageServices } from '@/lib/browser/pageServices';
import type { CaseListItem } from '@/lib/store/caseRepository';

/** How many cases a chooser offers at once: the most recently active, or the best matches of a search. */
export const CASES_OFFERED = 20;

/**
 * The cases a chooser offers (issue #17): the most recently active when nothing is searched, else
 * those whose title or people match, read through the store's indexes, never every case. The case
 * already chosen is always offered, so a select never loses its value.
 */
export function useCaseChoices(search: string, chosen?: string): CaseListItem[] | undefined {
  const [choices, setChoices] = useState<CaseListItem[]>();
  useEffect(() => {
    const stale = new AbortController();
    const { cases } = pageServices();
    void (async () => {
      const found = await (search.trim() ? cases.findCases(search, CASES_OFFERED) : cases.recentCases(CASES_OFFERED));
      const missing = chosen && !found.some((c) => c.id === chosen) ? await cases.caseListItem(chosen) : undefined;
      if (!stale.signal.aborted) setChoices(missing ? [missing, ...found] : found);
    })();
    return () => stale.abort();
  }, [search, chosen]);
  return choices;
}
