import { useState, type SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import type { CaseAction } from '@/lib/cases/case';
import { stepById, type PolicyStepId } from '@/lib/policy';
import { localDate } from '@/lib/time';
import { useAction } from './useAction';

/** Records one step of the procedure on a case: date, who, outcome, reference (police: force, crime number, officer). */
export function ActionForm({
  caseId,
  step,
  correcting,
  onRecorded,
}: {
  caseId: string;
  step: PolicyStepId;
  correcting?: { actionId: string; current: CaseAction };
  onRecorded: () => void;
}) {
  const was = correcting?.current;
  const [date, setDate] = useState(was?.date ?? today());
  const [who, setWho] = useState(was?.who ?? '');
  const [outcome, setOutcome] = useState(was?.outcome ?? '');
  const [reference, setReference] = useState(was?.reference ?? '');
  const [police, setPolice] = useState({ force: '', crimeReference: '', officer: '', ...was?.police });
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const { error, run } = useAction();
  const label = stepById(step).label;

  async function record(event: SyntheticEvent) {
    event.preventDefault();
    await run(async () => {
      const { cases, currentActor } = pageServices();
      const actor = await currentActor();
      const action: CaseAction = {
        step,
        date,
        who: who || actor.name,
        outcome,
        reference: reference || undefined,
        police: step === 'police-referral' ? police : undefined,
        attachments: was?.attachments ?? [],
      };
      if (correcting) await cases.correctAction(caseId, correcting.actionId, action, reason, actor, files);
      else await cases.recordAction(caseId, action, actor, files);
      onRecorded();
    });
  }

  return (
    <form
      onSubmit={(event) => void record(event)}
      className="action-form"
      aria-label={`${correcting ? 'Correct' : 'Record'}: ${label}`}
    >
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
            Force{' '}
            <input type="text" value={police.force} onChange={(e) => setPolice({ ...police, force: e.target.value })} />
          </label>
          <label className="inline">
            Crime reference{' '}
            <input
              type="text"
              value={police.crimeReference}
              onChange={(e) => setPolice({ ...police, crimeReference: e.target.value })}
            />
          </label>
          <label className="inline">
            Officer{' '}
            <input
              type="text"
              value={police.officer}
              onChange={(e) => setPolice({ ...police, officer: e.target.value })}
            />
          </label>
        </div>
      )}
      <label>
        Outcome <textarea value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      </label>
      <label>
        Attach files (a scanned letter, the platform’s reply){' '}
        <input type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
      </label>
      {correcting && (
        <label>
          Why it is corrected (the original stays in the record){' '}
          <input type="text" required value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <ErrorMessage error={error} />
      <button type="submit">
        {correcting ? 'Record the correction' : 'Record'} {label.toLowerCase()}
      </button>
    </form>
  );
}

/** Today as the person recording it reads the date (their device's zone), not UTC's, which is yesterday's before 1 a.m. in summer. */
function today(): string {
  return localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
}
