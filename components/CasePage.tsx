import { useState } from 'react';
import { ActionForm } from './ActionForm';
import { ErrorMessage } from './ErrorMessage';
import { useLiveStore } from './useLiveStore';
import { useResettableState } from './useResettableState';
import { CaseDetailsForm } from './CaseDetailsForm';
import { LegalHoldField } from './LegalHoldField';
import { ErasureForm } from './ErasureForm';
import { ExportPanel } from './ExportPanel';
import { describeEventNamingCapture, exhibitNames, shownReference } from '@/lib/audit';
import { pageServices } from '@/lib/browser/pageServices';
import { CaseStatusSchema, type CaseStatus } from '@/lib/cases/case';
import { POLICY_STEPS, describeCategory, recommendationsFor, stepById, type PolicyStepId } from '@/lib/policy';
import { PLATFORM_REPORT_PAGES } from '@/lib/policy/platformReporting';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import type { CaseView } from '@/lib/store/caseRepository';
import { formatUtc } from '@/lib/time';
import { useAction } from './useAction';

/** One case: who and what, the policy's advice, the procedure as a checklist, and the chronology. */
export function CasePage({
  caseId,
  onClose,
  onErased = onClose,
}: {
  caseId: string;
  onClose: () => void;
  /** After the case is erased (issue #18). */
  onErased?: () => void;
}) {
  const [recording, setRecording] = useState<PolicyStepId>();
  const [statusNote, setStatusNote] = useState('');
  const { error, run } = useAction();
  const [letter, setLetter] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [correcting, setCorrecting] = useState<string>();

  // A capture filed into the case from the popup, or a step recorded in another tab, shows without a reload.
  const { value: loaded, error: loadError } = useLiveStore(async () => {
    const { cases, evidence } = pageServices();
    const found = await cases.getCase(caseId);
    const captures = (await Promise.all((found?.captureIds ?? []).map((id) => evidence.getCapture(id)))).filter(
      (c): c is CaptureView => !!c,
    );
    return { view: found, captures };
  }, [caseId]);
  const view = loaded?.view;
  const captures = loaded?.captures ?? [];
  // The status chooser starts at the case's status, and follows it only when the status itself changes.
  const [status, setStatus] = useResettableState<CaseStatus>(view?.status ?? 'open', view?.status);

  async function draftLetter() {
    await run(async () => {
      const { fileName } = await pageServices().draftWarningLetter(caseId);
      setLetter(fileName);
    });
  }

  async function changeStatus() {
    await run(async () => {
      const { cases, currentActor } = pageServices();
      const actor = await currentActor();
      await cases.setStatus(caseId, status, statusNote, actor);
      setStatusNote('');
    });
  }

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!loaded) return <p>Loading…</p>;
  if (!view) return <p role="alert">This case is not in this browser’s store.</p>;
  const categories = captures.map((c) => c.current.category.id);
  const exhibitName = exhibitNames(captures);
  // The platforms of this case's captures first, then the others.
  const seen = new Set(captures.map((c) => c.metadata.post?.platform));
  const platforms = (Object.keys(PLATFORM_REPORT_PAGES) as (keyof typeof PLATFORM_REPORT_PAGES)[]).sort(
    (a, b) => Number(seen.has(b)) - Number(seen.has(a)),
  );
  return (
    <section className="case" aria-labelledby="case-heading">
      <div className="row">
        <h2 id="case-heading">{view.details.title}</h2>
        <button className="secondary" onClick={onClose}>
          Back to cases
        </button>
      </div>
      <dl className="metadata">
        <div>
          <dt>Person posting</dt>
          <dd>
            {[view.details.personPosting.name, view.details.personPosting.relationship].filter(Boolean).join(', ') ||
              '—'}
          </dd>
        </div>
        <div>
          <dt>Profiles</dt>
          <dd>{view.details.personPosting.profileUrls.join(' ') || '—'}</dd>
        </div>
        <div>
          <dt>Affected</dt>
          <dd>{view.details.affected || '—'}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{view.details.owner}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="case-status">{view.status}</dd>
        </div>
        <div>
          <dt>Captures</dt>
          <dd>
            {captures.length === 0 ? (
              'none'
            ) : (
              <ul className="case-captures">
                {captures.map(({ metadata, current, receivedFrom }) => (
                  <li key={metadata.id}>
                    <a href={`#capture=${metadata.id}`}>
                      {metadata.reference
                        ? `Exhibit ${shownReference(metadata.reference, receivedFrom)}`
                        : receivedFrom
                          ? 'Received capture'
                          : 'Capture'}
                      : {metadata.page.title || metadata.page.url}
                    </a>{' '}
                    — {describeCategory(current.category)},{' '}
                    <time dateTime={metadata.capturedAtUtc}>{formatUtc(metadata.capturedAtUtc)}</time>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {editing ? (
        <CaseDetailsForm view={view} onSaved={() => setEditing(false)} />
      ) : (
        <button className="secondary" onClick={() => setEditing(true)}>
          Edit case details
        </button>
      )}
      <div className="row">
        <label className="inline">
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
            {CaseStatusSchema.options.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <input
          type="text"
          aria-label="Status note"
          placeholder={status === 'closed' ? 'Why it is closed (required)' : 'Note (optional)'}
          value={statusNote}
          onChange={(e) => setStatusNote(e.target.value)}
        />
        <button onClick={() => void changeStatus()} disabled={status === view.status}>
          Change status
        </button>
      </div>
      <ErrorMessage error={error} />

      <LegalHoldField
        key={view.heldSince ?? 'not held'}
        target={{ caseId: view.id }}
        heldSince={view.heldSince}
        suggestion={holdSuggestion(view)}
      />
      <ErasureForm target={{ caseId: view.id }} what="this case" onErased={onErased} />

      <ExportPanel selectedIds={view.captureIds} caseView={view} />

      <h3>What the policy says next</h3>
      <p className="help">Guidance quoted from the policy; Exhibit takes no action by itself.</p>
      <ul className="recommendations">
        {recommendationsFor(categories, { onSchoolAccount: captures.some((c) => c.metadata.needsResponse) }).map(
          (r) => (
            <li key={r.step}>
              <strong>{stepById(r.step).label}</strong> (
              {r.strength === 'will' ? 'the policy says this will happen' : 'to consider'}): “{r.policyWording}”
            </li>
          ),
        )}
      </ul>

      <h3>Procedure</h3>
      <ol className="checklist">
        {POLICY_STEPS.map((step) => {
          const done = view.actions.filter((a) => a.current.step === step.id);
          return (
            <li key={step.id} data-step={step.id}>
              <span className={done.length ? 'done' : undefined}>
                {done.length ? '✓ ' : ''}
                {step.label}
              </span>
              {done.map((a) => (
                <div key={a.actionId}>
                  <p className="help">
                    {a.current.date}, {a.current.who}
                    {a.current.reference ? `, ref. ${a.current.reference}` : ''}
                    {a.current.police?.crimeReference ? `, crime ref. ${a.current.police.crimeReference}` : ''}
                    {a.current.outcome ? `: ${a.current.outcome}` : ''}
                    {a.current.attachments.length > 0
                      ? ` — attached: ${a.current.attachments.map((f) => f.fileName).join(', ')}`
                      : ''}
                    {a.history.length > 1 ? ' (corrected)' : ''}{' '}
                    <button
                      className="link-text"
                      onClick={() => setCorrecting(correcting === a.actionId ? undefined : a.actionId)}
                    >
                      Correct…
                    </button>
                  </p>
                  {correcting === a.actionId && (
                    <ActionForm
                      caseId={caseId}
                      step={step.id}
                      correcting={a}
                      onRecorded={() => setCorrecting(undefined)}
                    />
                  )}
                </div>
              ))}
              {step.id === 'written-warning' && (
                <p>
                  <button className="secondary" onClick={() => void draftLetter()}>
                    Draft written warning letter
                  </button>{' '}
                  {letter && (
                    <span role="status" data-testid="letter-saved">
                      Saved {letter}. Open it to check and print.
                    </span>
                  )}
                </p>
              )}
              {step.id === 'platform-report' && (
                <p className="help report-links">
                  Report it on the platform (opens the platform’s own page):{' '}
                  {platforms.map((p) => (
                    <a key={p} href={PLATFORM_REPORT_PAGES[p].url} target="_blank" rel="noreferrer noopener">
                      {PLATFORM_REPORT_PAGES[p].name}
                    </a>
                  ))}
                </p>
              )}
              {recording === step.id ? (
                <ActionForm caseId={caseId} step={step.id} onRecorded={() => setRecording(undefined)} />
              ) : (
                <button className="secondary" onClick={() => setRecording(step.id)}>
                  Record…
                </button>
              )}
            </li>
          );
        })}
      </ol>

      <h3>Chronology</h3>
      <ol className="chronology" data-testid="chronology">
        {view.chronology.map((entry) => (
          <li key={entry.hash}>
            <time dateTime={entry.at}>{formatUtc(entry.at, 'second')}</time> — {entry.actor.name}:{' '}
            {describeEventNamingCapture(entry.event, exhibitName)}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A police referral or legal advice recorded in the case, unheld: the hold it usually needs, as a suggested reason. */
function holdSuggestion(view: CaseView): string | undefined {
  if (view.heldSince !== undefined) return undefined;
  const step = view.actions.find((a) => a.current.step === 'police-referral' || a.current.step === 'legal-advice');
  return step && `${stepById(step.current.step).label} recorded for ${step.current.date}`;
}
