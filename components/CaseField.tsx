import { useId, useState } from 'react';
import type { CaseView } from '@/lib/store/caseRepository';

export type CaseChoice = { kind: 'unfiled' } | { kind: 'existing'; caseId: string } | { kind: 'new'; title: string };

/** Which case a capture goes to: recent cases first, searchable by title or person, or a new one. */
export function CaseField({
  cases,
  value,
  onChange,
}: {
  cases: readonly CaseView[];
  value: CaseChoice;
  onChange: (choice: CaseChoice) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = cases.filter(
    (c) => !needle || `${c.details.title} ${c.details.personPosting.name}`.toLowerCase().includes(needle),
  );
  const selectValue = value.kind === 'existing' ? value.caseId : value.kind;
  return (
    <>
      <label htmlFor={`${id}-case`}>Case</label>
      {cases.length > 5 && (
        <input
          type="search"
          aria-label="Find a case"
          placeholder="Find a case by title or person"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      )}
      <select
        id={`${id}-case`}
        name="case"
        value={selectValue}
        onChange={(e) => {
          const v = e.target.value;
          onChange(
            v === 'unfiled'
              ? { kind: 'unfiled' }
              : v === 'new'
                ? { kind: 'new', title: '' }
                : { kind: 'existing', caseId: v },
          );
        }}
      >
        <option value="unfiled">Not in a case yet</option>
        <option value="new">New case…</option>
        {shown.map((c) => (
          <option key={c.id} value={c.id}>
            {c.details.title} ({c.status})
          </option>
        ))}
      </select>
      {value.kind === 'new' && (
        <>
          <label htmlFor={`${id}-title`}>New case title</label>
          <input
            id={`${id}-title`}
            name="caseTitle"
            type="text"
            required
            value={value.title}
            onChange={(e) => onChange({ kind: 'new', title: e.target.value })}
          />
        </>
      )}
    </>
  );
}
