import { useEffect, useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import { DEFAULT_WARNING_TEMPLATE } from '@/lib/cases/warningLetter';
import { useAction } from './useAction';

/** The school's written-warning template, editable in the options (issue #4). */
export function WarningTemplateField() {
  const [template, setTemplate] = useState<string>();
  const [saved, setSaved] = useState(false);
  const { error, run } = useAction();
  useEffect(() => void pageServices().settings.getWarningTemplate().then(setTemplate), []);

  async function save(value: string) {
    setSaved(false);
    await run(async () => {
      await pageServices().settings.saveWarningTemplate(value);
      setTemplate(value);
      setSaved(true);
    });
  }

  if (template === undefined) return null;
  return (
    <section aria-labelledby="template-heading">
      <h2 id="template-heading">Written warning letter</h2>
      <p className="help">
        Placeholders: {'{{school}} {{date}} {{parentName}} {{posts}} {{categoryWording}} {{staffName}} {{staffRole}}'}.
        Everything is printed as plain text.
      </p>
      <label htmlFor="warning-template">Template</label>
      <textarea id="warning-template" rows={16} value={template} onChange={(e) => setTemplate(e.target.value)} />
      <ErrorMessage error={error} />
      {saved && (
        <p className="success" role="status">
          Template saved.
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => void save(template)}>
          Save template
        </button>
        <button type="button" className="secondary" onClick={() => void save(DEFAULT_WARNING_TEMPLATE)}>
          Restore the default
        </button>
      </div>
    </section>
  );
}
