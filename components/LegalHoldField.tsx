import { useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import type { ReviewTarget } from '@/lib/store/retentionReview';
import { formatUtc } from '@/lib/time';
import { useAction } from './useAction';

/**
 * A capture's or case's legal hold (issue #18): placed or released with a reason, each an audit
 * entry. `suggestion` offers the hold when the case records a police referral or legal advice.
 */
export function LegalHoldField({
  target,
  heldSince,
  suggestion,
}: {
  target: ReviewTarget;
  heldSince: string | undefined;
  suggestion?: string;
}) {
  const [reason, setReason] = useState(suggestion ?? '');
  const { error, busy, run } = useAction();
  const held = heldSince !== undefined;

  async function decide() {
    await run(async () => {
      const { holds, currentActor } = pageServices();
      const actor = await currentActor();
      await (held ? holds.release(target, reason, actor) : holds.place(target, reason, actor));
      setReason('');
    });
  }

  return (
    <section aria-labelledby="hold-heading" className="legal-hold">
      <h3 id="hold-heading">Legal hold</h3>
      <p data-testid="hold-status">
        {held
          ? `On legal hold since ${formatUtc(heldSince)}: it will not come up for review or be erased until released.`
          : suggestion
            ? 'Not on legal hold. The case records a step that usually needs one: place it on hold so it cannot be erased.'
            : 'Not on legal hold.'}
      </p>
      <div className="row">
        <input
          type="text"
          aria-label={held ? 'Why the hold is released' : 'Why it is placed on hold'}
          placeholder={held ? 'Why release it' : 'e.g. police referral, crime reference…'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="button" onClick={() => void decide()} disabled={busy}>
          {held ? 'Release the hold' : 'Place on legal hold'}
        </button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
