import { useRef, useState } from 'react';
import type { ImportProgress } from '@/lib/bundle/importFlow';
import { pageServices } from '@/lib/browser/pageServices';
import { ExhibitError, errorMessage } from '@/lib/errors';
import type { ReceiveOutcome } from '@/lib/store/bundleReceiver';

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
    return outcome.status === 'already-imported' ? 'This bundle was imported before; nothing was changed.' : 'Everything in this bundle is already here; nothing was changed.';
  }
  return `Imported ${outcome.captureIds.length} capture(s)${outcome.caseId ? ' and their case' : ''}, received from the installation whose key is ${outcome.fromKeyFingerprint}.`;
}

/**
 * Receiving a bundle from another Exhibit installation (issue #5): it is verified first and refused
 * with its problems listed; on success its captures and case join this store with a custody entry.
 */
export function ImportPanel() {
  const [progress, setProgress] = useState<ImportProgress>();
  const [outcome, setOutcome] = useState<ReceiveOutcome>();
  const [error, setError] = useState<unknown>();
  const controller = useRef<AbortController>(undefined);

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(undefined);
    setError(undefined);
    controller.current = new AbortController();
    try {
      const result = await pageServices().importBundle(file, setProgress, controller.current.signal);
      setOutcome(result);
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
      input.value = '';
    }
  }

  const problems = error instanceof ExhibitError ? error.problems : [];
  return (
    <section className="import" aria-labelledby="import-heading">
      <h2 id="import-heading">Receive a bundle</h2>
      <p className="help">Import a bundle exported by another Exhibit installation. It is checked first; anything that fails is refused and nothing is stored.</p>
      <label className="file-choice">
        Choose a bundle to import
        <input type="file" accept=".zip,application/zip" disabled={progress !== undefined} onChange={(e) => void importFile(e.currentTarget)} />
      </label>
      {progress && (
        <p role="status">
          {progressText(progress)} {progress.total !== undefined && <progress max={progress.total} value={progress.done ?? 0} aria-label="Import progress" />}{' '}
          {progress.stage !== 'storing' && (
            <button className="secondary" onClick={() => controller.current?.abort()}>
              Cancel import
            </button>
          )}
        </p>
      )}
      {outcome && (
        <p className="success" role="status" data-testid="import-result">
          {outcomeText(outcome)}
        </p>
      )}
      {error !== undefined && (
        <div className="error" role="alert" data-testid="import-result">
          <p>{problems.length ? 'Not imported: the bundle did not pass its checks. Nothing was changed.' : errorMessage(error)}</p>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
