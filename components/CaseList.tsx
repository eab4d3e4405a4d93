import { useState } from 'react';
import { useLiveStore } from './useLiveStore';
import { pageServices } from '@/lib/browser/pageServices';
import { CaseStatusSchema } from '@/lib/cases/case';
import { PLATFORMS } from '@/lib/extract/postDetails';
import { CategoryFilter } from './CategoryFilter';
import type { CaseListQuery } from '@/lib/store/caseRepository';
import { formatUtc } from '@/lib/time';

type CaseFilters = Omit<CaseListQuery, 'limit'>;
const CASES_PER_WINDOW = 50;

/**
 * Cases with filters (status, category, platform, date) and word search (issue #4), the most
 * recently active first; read through the store's indexes, a window of rows at a time (issue #17).
 */
export function CaseList({ onOpen }: { onOpen: (caseId: string) => void }) {
  const [filters, setFilters] = useState<CaseFilters>({});
  const [limit, setLimit] = useState(CASES_PER_WINDOW);
  // A case opened or filed into from the popup shows without a reload.
  const { value: listed, stale } = useLiveStore(
    async () => ({ filters, ...(await pageServices().cases.listCaseRows({ ...filters, limit })) }),
    [filters, limit],
    { keepWhileLoading: true },
  );
  const set = (patch: CaseFilters) => {
    setFilters({ ...filters, ...patch });
    setLimit(CASES_PER_WINDOW);
  };
  const shown = listed?.rows ?? [];
  const filtered = Object.values(filters).some(Boolean);

  return (
    <section aria-label="Cases">
      <div className="filters row">
        <input
          type="search"
          aria-label="Search cases"
          placeholder="Search titles, names, notes and post text"
          value={filters.text ?? ''}
          onChange={(e) => set({ text: e.target.value })}
        />
        <select
          aria-label="Status"
          value={filters.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || undefined) as CaseFilters['status'] })}
        >
          <option value="">Any status</option>
          {CaseStatusSchema.options.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <CategoryFilter value={filters.category} onChange={(category) => set({ category })} />
        <select
          aria-label="Platform"
          value={filters.platform ?? ''}
          onChange={(e) => set({ platform: (e.target.value || undefined) as CaseFilters['platform'] })}
        >
          <option value="">Any platform</option>
          {PLATFORMS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <label className="inline">
          Active since{' '}
          <input
            type="date"
            value={filters.activeSince ?? ''}
            onChange={(e) => set({ activeSince: e.target.value || undefined })}
          />
        </label>
      </div>
      {listed === undefined ? (
        <p>Loading…</p>
      ) : shown.length === 0 ? (
        <p data-results-for={listed.filters.text ?? ''}>
          {filtered
            ? 'No case matches.'
            : 'No cases yet. Choose “New case…” in the popup when you capture, to start one.'}
        </p>
      ) : (
        <>
          <table className="captures" data-results-for={listed.filters.text ?? ''} aria-busy={stale}>
            <thead>
              <tr>
                <th>Case</th>
                <th>Status</th>
                <th>Owner</th>
                <th>Captures</th>
                <th>Last activity (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ id, summary, lastActivityUtc }) => (
                <tr key={id}>
                  <td>
                    <button className="link-text" onClick={() => onOpen(id)}>
                      {summary.title}
                    </button>
                  </td>
                  <td>{summary.status}</td>
                  <td>{summary.owner}</td>
                  <td>{summary.captureCount}</td>
                  <td>{formatUtc(lastActivityUtc)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {listed.more && (
            <button className="secondary" onClick={() => setLimit((n) => n + CASES_PER_WINDOW)}>
              Show {CASES_PER_WINDOW} more
            </button>
          )}
        </>
      )}
    </section>
  );
}
