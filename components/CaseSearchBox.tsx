/** The search box of a case chooser: finds cases by the beginnings of words in their title and people. */
export function CaseSearchBox({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (search: string) => void;
}) {
  return (
    <input
      type="search"
      aria-label={label}
      placeholder="Find a case by title or person"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
