import { useEffect, useState, type SyntheticEvent } from 'react';
import { ErrorMessage } from '@/components/ErrorMessage';
import { SchoolAccountsField } from '@/components/SchoolAccountsField';
import { SigningKeyInfo } from '@/components/SigningKeyInfo';
import { TrustedSendersField } from '@/components/TrustedSendersField';
import { TimestampingField } from '@/components/TimestampingField';
import { LetterTemplates } from '@/components/LetterTemplates';
import { RetentionField } from '@/components/RetentionField';
import { pageServices } from '@/lib/browser/pageServices';
import { StaffMemberSchema, type StaffMember } from '@/lib/capture/metadata';
import { useAction } from '@/components/useAction';

const FIELDS: { key: keyof StaffMember; label: string; type: string }[] = [
  { key: 'name', label: 'Your name', type: 'text' },
  { key: 'role', label: 'Your role', type: 'text' },
  { key: 'email', label: 'Your work email', type: 'email' },
  { key: 'school', label: 'School name', type: 'text' },
];

export function App() {
  const [profile, setProfile] = useState<StaffMember>({ name: '', role: '', email: '', school: '' });
  const [askWhereToSave, setAskWhereToSave] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<keyof StaffMember, string>>>({});
  const [saved, setSaved] = useState(false);
  const { error, setError, run } = useAction();

  useEffect(() => {
    const { settings } = pageServices();
    void Promise.all([settings.getProfile(), settings.getExportSettings()]).then(([p, e]) => {
      if (p) setProfile(p);
      setAskWhereToSave(e.askWhereToSave);
      setLoaded(true);
    });
  }, []);

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const parsed = StaffMemberSchema.safeParse(profile);
    if (!parsed.success) {
      const byField = Object.fromEntries(
        parsed.error.issues.map((i): [string, string] => [String(i.path[0]), i.message]).reverse(),
      );
      setProblems(byField);
      // Straight to the first field to put right, so a keyboard or screen-reader user lands on it.
      const first = FIELDS.find((f) => f.key in byField);
      if (first) document.getElementById(first.key)?.focus();
      return;
    }
    setProblems({});
    await run(async () => {
      const { settings } = pageServices();
      await settings.saveProfile(parsed.data);
      await settings.saveExportSettings({ askWhereToSave });
      setSaved(true);
    });
  }

  if (!loaded) return <main className="page">Loading…</main>;
  return (
    <main className="page" style={{ maxWidth: '36rem', margin: '2rem auto', padding: '0 1rem' }}>
      <h1>Exhibit options</h1>
      <form onSubmit={(event) => void save(event)} noValidate>
        <h2>Who is capturing</h2>
        <p className="help">These details go into every capture you make and every bundle you export.</p>
        {FIELDS.map((field) => (
          <div key={field.key}>
            <label htmlFor={field.key}>{field.label}</label>
            <input
              id={field.key}
              name={field.key}
              type={field.type}
              value={profile[field.key]}
              required
              aria-invalid={problems[field.key] ? true : undefined}
              aria-describedby={problems[field.key] ? `${field.key}-problem` : undefined}
              onChange={(e) => setProfile({ ...profile, [field.key]: e.target.value })}
            />
            {problems[field.key] && (
              <p id={`${field.key}-problem`} className="field-problem">
                {problems[field.key]}
              </p>
            )}
          </div>
        ))}
        <h2>Export</h2>
        <label style={{ fontWeight: 'normal' }}>
          <input
            type="checkbox"
            name="askWhereToSave"
            checked={askWhereToSave}
            onChange={(e) => setAskWhereToSave(e.target.checked)}
          />{' '}
          Ask where to save each bundle
        </label>
        {Object.keys(problems).length > 0 && (
          <div className="error" role="alert">
            <p>Put these right before saving:</p>
            <ul>
              {FIELDS.filter((f) => problems[f.key]).map((f) => (
                <li key={f.key}>{problems[f.key]}</li>
              ))}
            </ul>
          </div>
        )}
        <ErrorMessage error={error} />
        {saved && (
          <p className="success" role="status">
            Saved.
          </p>
        )}
        <div className="row">
          <button type="submit">Save</button>
        </div>
      </form>
      <SigningKeyInfo />
      <TrustedSendersField />
      <TimestampingField />
      <SchoolAccountsField />
      <LetterTemplates />
      <RetentionField />
    </main>
  );
}
