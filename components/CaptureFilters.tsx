import { useLiveStore } from './useLiveStore';
import { pageServices } from '@/lib/browser/pageServices';
import { CategoryFilter } from './CategoryFilter';
import type { CaptureListQuery } from '@/lib/store/evidenceRepository';

export type CaptureListFilters = Omit<CaptureListQuery, 'limit'>;

/** The capture list's filters: each one narrows what the store's indexes read (issue #17). */
export function CaptureFilters({
  filters,
  onChange,
}: {
  filters: CaptureListFilters;
  onChange: (filters: CaptureListFilters) => void;
}) {
  const { value: sites } = useLiveStore(() => pageServices().evidence.capturedSites(), []);
  const set = (patch: CaptureListFilters) => onChange({ ...filters, ...patch });
  return (
    <div className="filters row" role="group" aria-label="Filter captures">
      <input
        type="search"
        aria-label="Search captures"
        placeholder="Search notes, posts, authors and titles"
        value={filters.text ?? ''}
        onChange={(e) => set({ text: e.target.value || undefined })}
      />
      <CategoryFilter value={filters.category} onChange={(category) => set({ category })} />
      <select aria-label="Site" value={filters.site ?? ''} onChange={(e) => set({ site: e.target.value || undefined })}>
        <option value="">Any site</option>
        {sites?.map((site) => (
          <option key={site}>{site}</option>
        ))}
      </select>
      <label className="inline">
        Captured from (UTC){' '}
        <input type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
      </label>
      <label className="inline">
        to <input type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
      </label>
    </div>
  );
}
