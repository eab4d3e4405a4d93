import { useRef, useState } from 'react';
import type { ImportPreview, ImportProgress, PreparedImport } from '@/lib/bundle/importFlow';
import { readableFingerprint } from '@/lib/bundle/signing';
import { pageServices } from '@/lib/browser/pageServices';
import { ExhibitError, errorMessage } from '@/lib/errors';
import type { ReceiveOutcome } from '@/lib/store/bundleReceiver';
// Text from the bundle, with anything that would hide or reorder what is shown made visible.
import { showInvisible as shown } from '@/lib/visibleText';
import { useAction } from './useAction';

const STAGE: Record<ImportProgress['stage'], string> = {
  checking: 'Checking every file, the signature and the audit chain',
  reading: 'Reading the captures to keep, each checked again',
  storing: 'Storing',
};

function progressText({ stage, done, total }: ImportProgress): string {
  return total ? `${STAGE[stage]}: ${done ?? 0} of ${total}…` : `${STAGE[stage]}…`;
}

function outcomeText(outcome: ReceiveOutcome): string {
  if (outcome.status !== 'imported') {
    return outcome.status === 'already-imported'
      ? 'This bundle was imported before; nothing was changed.'
      : 'Everything in this bundle is already here; nothing was changed.';
  }
  return `Imported ${outcome.captureIds.length} capture(s)${outcome.caseId ? ' and their case' : ''}, received from the installation whose key is ${readableFingerprint(outcome.fromKeyFingerprint)}.`;
}

/**
 * Receiving a bundle from another Exhibit installation (issues #5, #15): it is verified first and
 * refused with its problems listed; on success the person sees who signed it (and whether the school
 * trusts that key) and what it would add, and only their confirmation stores it.
 */
export function ImportPanel() {
  const [progress, setProgress] = useState<ImportProgress>();
  const [prepared, setPrepared] = useState<PreparedImport>();
  const [outcome, setOutcome] = useState<ReceiveOutcome>();
  const { error, run } = useAction();
  const controller = useRef<AbortController>(undefined);

  async function step<T>(work: () => Promise<T>): Promise<T | undefined> {
    let result: T | undefined;
    await run(async () => {
      result = await work();
    });
    setProgress(undefined);
    return result;
  }

  async function chooseFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(undefined);
    setPrepared(undefined);
    controller.current = new AbortController();
    const signal = controller.current.signal;
    setPrepared(await step(() => pageServices().prepareImport(file, setProgress, signal)));
    input.value = '';
  }

  async function confirm() {
    if (!prepared) return;
    const chosen = prepared;
    setPrepared(undefined);
    setOutcome(await step(() => chosen.confirm()));
  }

  const problems = error instanceof ExhibitError ? error.problems : [];
  return (
    <section className="import" aria-labelledby="import-heading">
      <h2 id="import-heading">Receive a bundle</h2>
      <p className="help">
        Import a bundle exported by another Exhibit installation. It is checked first; anything that fails is refused
        and nothing is stored. You then see who signed it and what it adds, and decide. A bundle only ever adds its own
        captures and case: it cannot change anything this installation holds.
      </p>
      <label className="file-choice">
        Choose a bundle to import
        <input
          type="file"
          accept=".zip,application/zip"
          disabled={progress !== undefined}
          onChange={(e) => void chooseFile(e.currentTarget)}
        />
      </label>
      {progress && (
        <p role="status">
          {progressText(progress)}{' '}
          {progress.total !== undefined && (
            <progress max={progress.total} value={progress.done ?? 0} aria-label="Import progress" />
          )}{' '}
          {progress.stage !== 'storing' && (
            <button className="secondary" onClick={() => controller.current?.abort()}>
              Cancel import
            </button>
          )}
        </p>
      )}
      {prepared && (
        <ImportConfirmation
          preview={prepared.preview}
          onImport={() => void confirm()}
          onDecline={() => setPrepared(undefined)}
        />
      )}
      {outcome && (
        <p className="success" role="status" data-testid="import-result">
          {outcomeText(outcome)}
        </p>
      )}
      {error !== undefined && (
        <div className="error" role="alert" data-testid="import-result">
          <p>
            {problems.length
              ? 'Not imported: the bundle did not pass its checks. Nothing was changed.'
              : errorMessage(error)}
          </p>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem, i) => (
                <li key={i}>{shown(problem)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

const CASE_WORDS = {
  new: 'and their case, as a case received from the sender',
  sender: 'to the case received from this sender before',
  'not-taken':
    'unfiled: the bundle’s case is already here as this installation’s own (or another sender’s), so it is not changed',
} as const;

function ImportConfirmation({
  preview,
  onImport,
  onDecline,
}: {
  preview: ImportPreview;
  onImport: () => void;
  onDecline: () => void;
}) {
  const { plan, exportedBy } = preview;
  const fresh = new Set(plan.newCaptureIds);
  return (
    <div
      className="import-confirmation"
      role="region"
      aria-labelledby="import-confirm-heading"
      data-testid="import-preview"
    >
      <h3 id="import-confirm-heading">The bundle passed its checks. Import it?</h3>
      <p>
        Signed by the installation whose key has the fingerprint{' '}
        <code data-testid="import-sender-key">{readableFingerprint(plan.fromKeyFingerprint)}</code>
      </p>
      {preview.trustedAs ? (
        <p className="success" data-testid="import-trust">
          This is a trusted sender: {shown(preview.trustedAs)}.
        </p>
      ) : (
        <p className="warning" data-testid="import-trust">
          This key is not on your list of trusted senders (Exhibit’s options). Anyone can make a bundle that passes its
          checks: before importing, check the fingerprint with the sender, by phone or in person.
        </p>
      )}
      <p>
        Exported {preview.exportedAtUtc} by {shown(exportedBy.name)}, {shown(exportedBy.role)} at{' '}
        {shown(exportedBy.school)} ({shown(exportedBy.email)}), as the bundle says.
      </p>
      {plan.alreadyImported && <p>This bundle was imported before; importing it again changes nothing.</p>}
      <ul>
        <li>
          {plan.newCaptureIds.length} new capture(s), marked as received
          {plan.case && plan.newCaptureIds.length ? `, ${CASE_WORDS[plan.case.outcome]}` : ''}
          {plan.case && ` (case “${shown(plan.case.title)}”)`}.
        </li>
        {plan.senderCaptureIds.length > 0 && (
          <li>
            {plan.senderCaptureIds.length} capture(s) received from this sender before: the sender’s later entries about
            them are added.
          </li>
        )}
        <li>{plan.entriesTaken} of the sender’s audit entries about them.</li>
        {(plan.untouchedCaptureIds.length > 0 || plan.entriesLeftOut > 0) && (
          <li data-testid="import-left-out">
            Left out: {plan.entriesLeftOut} entr{plan.entriesLeftOut === 1 ? 'y' : 'ies'} about captures or cases that
            are not the sender’s here
            {plan.untouchedCaptureIds.length > 0 &&
              `, and ${plan.untouchedCaptureIds.length} capture(s) already here, which stay as they are`}
            . A bundle cannot change this installation’s records.
          </li>
        )}
      </ul>
      {preview.captures.some((c) => fresh.has(c.id)) && (
        <table>
          <caption>New captures</caption>
          <thead>
            <tr>
              <th>Sender’s reference</th>
              <th>Page</th>
              <th>Captured by</th>
              <th>Captured (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {preview.captures
              .filter((c) => fresh.has(c.id))
              .map((c) => (
                <tr key={c.id}>
                  <td>{c.reference ? shown(c.reference) : '—'}</td>
                  <td className="hash">{shown(c.url)}</td>
                  <td>{shown(c.capturedBy)}</td>
                  <td>{c.capturedAtUtc}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button onClick={onImport}>Import</button>
        <button className="secondary" onClick={onDecline}>
          Don’t import
        </button>
      </div>
    </div>
  );
}
