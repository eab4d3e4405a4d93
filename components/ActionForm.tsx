import { useState, type FormEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import type { CaseAction } from '@/lib/cases/case';
import { ExhibitError } from '@/lib/errors';
import { stepById, type PolicyStepId } from '@/lib/policy';

/** Records one step of the procedure on a case: date, who, outcome, reference (police: force, crime number, officer). */
export function ActionForm({ caseId, step, onRecorded }: { caseId: string; step: PolicyStepId; onRecorded(): void }) {
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [who, setWho] = useState('');
  const [outcome, setOutcome] = useState('');
  const [reference, setReference] = useState('');
  const [police, setPolice] = useState({ force: '', crimeReference: '', officer: '' });
  const [error, setError] = useState<unknown>();
  const label = stepById(step).label;

  async function record(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const { cases, settings } = pageServices();
      const actor = await settings.getProfile();
      if (!actor) throw new ExhibitError('profile-missing', 'Fill in your details in Exhibit’s options first.');
      const action: CaseAction = { step, date, who: who || actor.name, outcome, reference: reference || undefined, police: step === 'police-referral' ? police : undefined, attachments: [] };
      await cases.recordAction(caseId, action, actor);
      onRecorded();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form onSubmit={record} className="action-form" aria-label={`Record: ${label}`}>
      <div className="row">
        <label className="inline">
          Date <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="inline">
          Who <input type="text" placeholder="you" value={who} onChange={(e) => setWho(e.target.value)} />
        </label>
        <label className="inline">
          Reference <input type="text" value={reference} onChange={(e) => setReference(e.target.value)} />
        </label>
      </div>
      {step === 'police-referral' && (
        <div className="row">
          <label className="inline">
            Force <input type="text" value={police.force} onChange={(e) => setPolice({ ...police, force: e.target.value })} />
          </label>
          <label className="inline">
            Crime reference <input type="text" value={police.crimeReference} onChange={(e) => setPolice({ ...police, crimeReference: e.target.value })} />
          </label>
          <label className="inline">
            Officer <input type="text" value={police.officer} onChange={(e) => setPolice({ ...police, officer: e.target.value })} />
          </label>
        </div>
      )}
      <label>
        Outcome <textarea value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <button type="submit">Record {label.toLowerCase()}</button>
    </form>
  );
}
