import { useEffect, useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import { PLATFORMS, type Platform } from '@/lib/extract/postDetails';
import { askBackground } from '@/lib/browser/background';
import type { SchoolAccount } from '@/lib/policy';
import { useAction } from './useAction';

/**
 * The school's own social accounts, whose comments must be answered within 24 hours, and the
 * school's changes to the working calendar (bank holidays are built in).
 */
export function SchoolAccountsField() {
  const [accounts, setAccounts] = useState<SchoolAccount[]>();
  const [closures, setClosures] = useState('');
  const [worked, setWorked] = useState('');
  const [saved, setSaved] = useState(false);
  const { error, run } = useAction();
  useEffect(() => {
    const { settings } = pageServices();
    void Promise.all([settings.getSchoolAccounts(), settings.getCalendar()]).then(([a, c]) => {
      setAccounts(a);
      setClosures(c.extraNonWorkingDays.join('\n'));
      setWorked(c.workedBankHolidays.join('\n'));
    });
  }, []);
  if (!accounts) return null;
  const dates = (text: string) => text.split(/[\s,]+/).filter(Boolean);
  const update = (i: number, patch: Partial<SchoolAccount>) =>
    setAccounts(accounts.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  async function save() {
    setSaved(false);
    await run(async () => {
      const { settings } = pageServices();
      await settings.saveSchoolAccounts((accounts ?? []).filter((a) => a.url.trim()));
      await settings.saveCalendar({ extraNonWorkingDays: dates(closures), workedBankHolidays: dates(worked) });
      await askBackground({ type: 'badge.refresh' });
      setSaved(true);
    });
  }

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">The school’s own accounts</h2>
      <p className="help">
        Comments captured on these pages need an answer within 24 hours, or by the end of the next working day when
        received at a weekend or on a day the school does not work.
      </p>
      {accounts.map((account, i) => (
        <div className="row" key={i}>
          <select
            aria-label={`Platform of account ${i + 1}`}
            value={account.platform}
            onChange={(e) => update(i, { platform: e.target.value as Platform })}
          >
            {PLATFORMS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
          <input
            type="url"
            aria-label={`Address of account ${i + 1}`}
            placeholder="https://www.facebook.com/YourSchool"
            value={account.url}
            onChange={(e) => update(i, { url: e.target.value })}
            style={{ flex: 1 }}
          />
          <button type="button" className="secondary" onClick={() => setAccounts(accounts.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => setAccounts([...accounts, { platform: 'facebook', url: '' }])}
        >
          Add an account
        </button>
      </div>
      <label htmlFor="closures">
        Days the school does not work, besides weekends and bank holidays (YYYY-MM-DD, one a line)
      </label>
      <textarea id="closures" value={closures} onChange={(e) => setClosures(e.target.value)} />
      <label htmlFor="worked">Bank holidays the school does work (YYYY-MM-DD, one a line)</label>
      <textarea id="worked" value={worked} onChange={(e) => setWorked(e.target.value)} />
      <ErrorMessage error={error} />
      {saved && (
        <p className="success" role="status">
          Accounts and calendar saved.
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => void save()}>
          Save accounts and calendar
        </button>
      </div>
    </section>
  );
}
