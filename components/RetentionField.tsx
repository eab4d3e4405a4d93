import { useEffect, useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import { DEFAULT_RETENTION, RETENTION_REASONS, type RetentionSettings } from '@/lib/retention/rules';
import { useAction } from './useAction';

const FIELDS: { key: keyof RetentionSettings; label: string; unit: string }[] = [
  { key: 'closedCaseYears', label: 'Review a closed case, with its captures, after', unit: 'years' },
  { key: 'unfiledCaptureMonths', label: 'Review a capture never filed in a case after', unit: 'months' },
  { key: 'inactiveCaseMonths', label: 'Review an open case with no activity after', unit: 'months' },
];

/**
 * How long Exhibit keeps things before someone reviews them (issue #18): each period editable, each
 * default with its reason. Reaching a review date erases nothing; a person decides.
 */
export function RetentionField() {
  const [settings, setSettings] = useState<Record<keyof RetentionSettings, string>>();
  const [saved, setSaved] = useState(false);
  const { error, run } = useAction();
  const shown = (s: RetentionSettings) =>
    Object.fromEntries(FIELDS.map(({ key }) => [key, String(s[key])])) as Record<keyof RetentionSettings, string>;
  useEffect(
    () =>
      void pageServices()
        .settings.getRetention()
        .then((s) => setSettings(shown(s))),
    [],
  );

  async function save(value: Record<keyof RetentionSettings, string>) {
    setSaved(false);
    await run(async () => {
      const numbers = Object.fromEntries(FIELDS.map(({ key }) => [key, Number(value[key])])) as RetentionSettings;
      setSettings(shown(await pageServices().settings.saveRetention(numbers)));
      setSaved(true);
    });
  }

  if (settings === undefined) return null;
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">How long things are kept</h2>
      <p className="help">
        When one of these periods ends, the item appears under “Review due” in the dashboard. Nothing is erased by the
        clock: a person decides to keep it until a new date, with a reason, or to erase it.
      </p>
      {FIELDS.map(({ key, label, unit }) => (
        <div key={key}>
          <label htmlFor={`retention-${key}`}>
            {label} ({unit})
          </label>
          <input
            id={`retention-${key}`}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            aria-describedby={`retention-${key}-why`}
            value={settings[key]}
            onChange={(e) => setSettings({ ...settings, [key]: e.target.value })}
          />
          <p className="help" id={`retention-${key}-why`}>
            Default {DEFAULT_RETENTION[key]} {unit}: {RETENTION_REASONS[key]}
          </p>
        </div>
      ))}
      <ErrorMessage error={error} />
      {saved && (
        <p className="success" role="status">
          Retention saved.
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => void save(settings)}>
          Save retention
        </button>
        <button type="button" className="secondary" onClick={() => void save(shown(DEFAULT_RETENTION))}>
          Restore the defaults
        </button>
      </div>
    </section>
  );
}
