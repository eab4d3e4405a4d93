import { useState } from 'react';
import { useLiveStore } from './useLiveStore';
import { pageServices } from '@/lib/browser/pageServices';
import { CaseStatusSchema } from '@/lib/cases/case';
import { caseMatches, type CaseFilters } from '@/lib/cases/search';
import { PLATFORMS } from '@/lib/extract/postDetails';
import { POLICY_CATEGORIES } from '@/lib/policy';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import { formatUtc } from '@/lib/time';

/** Cases with filters (status, category, platform, date) and full-text search (issue #4). */
export function CaseList({ onOpen }: { onOpen: (caseId: string) => void }) {
  const [filters, setFilters] = useState<CaseFilters>({});
  // A case opened or filed into from the popup shows without a reload.
  const { value: cases } = useLiveStore(async () => {
    const { cases: repo, evidence } = pageServices();
    const views = await repo.listCases();
    return Promise.all(
      views.map(async (view) => ({
        view,
        captures: (await Promise.all(view.captureIds.map((id) => evidence.getCapture(id)))).filter(
          (c): c is CaptureView => !!c,
        ),
      })),
    );
  }, []);
  const set = (patch: CaseFilters) => setFilters({ ...filters, ...patch });
  const shown = cases?.filter((c) => caseMatches(c.view, c.captures, filters)) ?? [];

  return (
    <section aria-label="Cases">
      <div className="filters row">
        <input
          type="search"
          aria-label="Search cases"
          placeholder="Search notes, post text and names"
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
        <select
          aria-label="Category"
          value={filters.category ?? ''}
          onChange={(e) => set({ category: (e.target.value || undefined) as CaseFilters['category'] })}
        >
          <option value="">Any category</option>
          {POLICY_CATEGORIES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
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
      {cases === undefined ? (
        <p>Loading…</p>
      ) : shown.length === 0 ? (
        <p>
          {cases.length === 0
            ? 'No cases yet. Choose “New case…” in the popup when you capture, to start one.'
            : 'No case matches.'}
        </p>
      ) : (
        <table className="captures">
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
            {shown.map(({ view }) => (
              <tr key={view.id}>
                <td>
                  <button className="link-text" onClick={() => onOpen(view.id)}>
                    {view.details.title}
                  </button>
                </td>
                <td>{view.status}</td>
                <td>{view.details.owner}</td>
                <td>{view.captureIds.length}</td>
                <td>{formatUtc(view.lastActivityUtc)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
