import { POLICY_CATEGORIES, type CategoryId } from '@/lib/policy';

/** A list's filter by the policy's category: any, or one. */
export function CategoryFilter({
  value,
  onChange,
}: {
  value: CategoryId | undefined;
  onChange: (category: CategoryId | undefined) => void;
}) {
  return (
    <select
      aria-label="Category"
      value={value ?? ''}
      onChange={(e) => onChange(POLICY_CATEGORIES.find((c) => c.id === e.target.value)?.id)}
    >
      <option value="">Any category</option>
      {POLICY_CATEGORIES.map((c) => (
        <option key={c.id} value={c.id}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
