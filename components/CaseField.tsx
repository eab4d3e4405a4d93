import { useId, useState } from 'react';
import { CASES_OFFERED, useCaseChoices } from './useCaseChoices';
import { CaseSearchBox } from './CaseSearchBox';

export type CaseChoice = { kind: 'unfiled' } | { kind: 'existing'; caseId: string } | { kind: 'new'; title: string };

/**
 * Which case a capture goes to: the most recently active cases, the rest found by searching their
 * title or people (issue #17: never every case, however many there are), or a new one.
 */
export function CaseField({ value, onChange }: { value: CaseChoice; onChange: (choice: CaseChoice) => void }) {
  const id = useId();
  const [search, setSearch] = useState('');
  const shown = useCaseChoices(search, value.kind === 'existing' ? value.caseId : undefined) ?? [];
  const selectValue = value.kind === 'existing' ? value.caseId : value.kind;
  return (
    <>
      <label htmlFor={`${id}-case`}>Case</label>
      {(search !== '' || shown.length > 5) && <CaseSearchBox label="Find a case" value={search} onChange={setSearch} />}
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
            {c.summary.title} ({c.summary.status})
          </option>
        ))}
      </select>
      {search === '' && shown.length >= CASES_OFFERED && (
        <p className="help">The {CASES_OFFERED} most recently active cases; find others by title or person.</p>
      )}
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
