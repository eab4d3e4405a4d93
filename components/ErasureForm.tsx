import { useId, useState, type SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { refreshBadge } from '@/lib/browser/background';
import { pageServices } from '@/lib/browser/pageServices';
import type { ErasurePlan } from '@/lib/store/erasure';
import type { ReviewTarget } from '@/lib/store/retentionReview';
import { showInvisible } from '@/lib/visibleText';
import { useAction } from './useAction';

/** Said once something is erased, where the person lands. */
export const ERASED_NOTICE =
  'Erased. The audit log keeps a record of the erasure: who, when, why, and the SHA-256 of each erased file.';

/**
 * Erasure (issue #18), deliberate: opening it reads what would go; it says so, and what stays, refuses
 * anything on legal hold, and erases only once the person has given a reason and typed the exhibit
 * reference or the case's title.
 */
export function ErasureForm({
  target,
  what,
  onErased,
}: {
  target: ReviewTarget;
  /** "this capture", "this case", or an item's name in a list. */
  what: string;
  onErased?: () => void;
}) {
  const id = useId();
  const [plan, setPlan] = useState<ErasurePlan>();
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [erased, setErased] = useState(false);
  const { error, busy, run } = useAction();

  // Read afresh each time it is opened: a hold placed or released since changes what it may do.
  async function open(event: SyntheticEvent<HTMLDetailsElement>) {
    if (!event.currentTarget.open) return;
    setPlan(undefined);
    await run(async () => setPlan(await pageServices().erasure.plan(target)));
  }

  async function erase(event: SyntheticEvent) {
    event.preventDefault();
    const done = await run(async () => {
      const { erasure, currentActor } = pageServices();
      await erasure.erase(target, { reason, confirmation: typed }, await currentActor());
      await refreshBadge();
    });
    if (done) {
      setErased(true);
      onErased?.();
    }
  }

  if (erased)
    return (
      <p role="status" className="erased">
        {ERASED_NOTICE}
      </p>
    );
  return (
    <details className="erasure" onToggle={(event) => void open(event)}>
      <summary>Erase {what}…</summary>
      {!plan ? (
        <ErrorMessage error={error} />
      ) : plan.refusal ? (
        <p role="alert">{plan.refusal}</p>
      ) : (
        <form onSubmit={(event) => void erase(event)} aria-label={`Erase ${what}`}>
          <ErasureContents plan={plan} />
          <label htmlFor={`${id}-reason`}>Why it is erased</label>
          <input
            id={`${id}-reason`}
            type="text"
            required
            aria-describedby={`${id}-reason-help`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="help" id={`${id}-reason-help`}>
            The reason stays in the audit log after the erasure: do not name anyone in it.
          </p>
          <label htmlFor={`${id}-confirm`}>
            Type <strong className="confirm-with">{showInvisible(plan.confirmWith)}</strong> to confirm
          </label>
          <input
            id={`${id}-confirm`}
            type="text"
            required
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="danger" disabled={busy}>
            Erase for good
          </button>
          <ErrorMessage error={error} />
        </form>
      )}
    </details>
  );
}

function ErasureContents({ plan }: { plan: ErasurePlan }) {
  const many = plan.captures.length > 1 || 'caseId' in plan.target;
  return (
    <div className="erasure-plan">
      <p>This erases, from this browser, for good:</p>
      <ul>
        {'caseId' in plan.target && <li>the case “{showInvisible(plan.title)}”, its details, actions and notes;</li>}
        {many && (
          <li>
            {plan.captures.length} capture(s)
            {plan.captures.length > 0 && ': '}
            {plan.captures.map((c) => showInvisible(c.reference ?? c.title)).join(', ')};
          </li>
        )}
        <li>
          {plan.files.count} file(s), {sizeInWords(plan.files.bytes)}: screenshots, page text and source, thumbnails,
          redacted and presentation copies;
        </li>
        {'caseId' in plan.target && (
          <li>
            {plan.attachments.count} attachment(s), {sizeInWords(plan.attachments.bytes)};
          </li>
        )}
        <li>
          the content of {plan.entries} audit log entr{plan.entries === 1 ? 'y' : 'ies'} (their hashes stay, so the log
          still verifies)
          {plan.receivedEntries > 0 && `, and ${plan.receivedEntries} entries received from other installations`}.
        </li>
      </ul>
      <p>
        What stays is a record of the erasure: who erased it, when, why, and the SHA-256 of each erased file, so a
        bundle exported earlier can still be matched to it. Bundles already exported and kept elsewhere are not
        affected: ask whoever holds them.
      </p>
    </div>
  );
}

function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
