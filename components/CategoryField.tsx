import { useId } from 'react';
import { POLICY_CATEGORIES, categoryById, type CategoryChoice, type CategoryId } from '@/lib/policy';

/** The policy category, with the policy's own wording beneath as help text. */
export function CategoryField({
  value,
  onChange,
}: {
  value: CategoryChoice | undefined;
  onChange: (choice: CategoryChoice | undefined) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-category`}>Policy category (required)</label>
      <select
        id={`${id}-category`}
        name="category"
        required
        value={value?.id ?? ''}
        aria-describedby={`${id}-wording`}
        onChange={(e) =>
          onChange(
            e.target.value
              ? { id: e.target.value as CategoryId, otherDescription: value?.otherDescription }
              : undefined,
          )
        }
      >
        <option value="">Choose the kind of inappropriate use…</option>
        {POLICY_CATEGORIES.map((c) => (
          <option key={c.id} value={c.id} title={c.policyWording}>
            {c.label}
          </option>
        ))}
      </select>
      <p className="help" id={`${id}-wording`}>
        {value
          ? `Policy: “${categoryById(value.id).policyWording}”`
          : 'The categories are the examples in the Parental Use of Social Media Policy.'}
      </p>
      {value?.id === 'other' && (
        <>
          <label htmlFor={`${id}-other`}>Describe the inappropriate use</label>
          <input
            id={`${id}-other`}
            name="otherDescription"
            type="text"
            required
            value={value.otherDescription ?? ''}
            onChange={(e) => onChange({ id: 'other', otherDescription: e.target.value })}
          />
        </>
      )}
    </>
  );
}
