import { useEffect, useId, useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

/**
 * A letter template the school edits in the options (the written warning, the subject access
 * reply): its placeholders named, saved, or put back to the default.
 */
export function TemplateField({
  heading,
  placeholders,
  fallback,
  load,
  save,
}: {
  heading: string;
  placeholders: readonly string[];
  fallback: string;
  load: () => Promise<string>;
  save: (template: string) => Promise<void>;
}) {
  const id = useId();
  const [template, setTemplate] = useState<string>();
  const [saved, setSaved] = useState(false);
  const { error, run } = useAction();
  useEffect(() => void load().then(setTemplate), [load]);

  async function keep(value: string) {
    setSaved(false);
    await run(async () => {
      await save(value);
      setTemplate(value);
      setSaved(true);
    });
  }

  if (template === undefined) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className="help">
        Placeholders: {placeholders.map((name) => `{{${name}}}`).join(' ')}. Everything is printed as plain text.
      </p>
      <label htmlFor={`${id}-template`}>Template</label>
      <textarea id={`${id}-template`} rows={16} value={template} onChange={(e) => setTemplate(e.target.value)} />
      <ErrorMessage error={error} />
      {saved && (
        <p className="success" role="status">
          Template saved.
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => void keep(template)}>
          Save template
        </button>
        <button type="button" className="secondary" onClick={() => void keep(fallback)}>
          Restore the default
        </button>
      </div>
    </section>
  );
}
