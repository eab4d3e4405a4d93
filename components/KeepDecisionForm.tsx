import { useId, useState, type SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { refreshBadge } from '@/lib/browser/background';
import { pageServices } from '@/lib/browser/pageServices';
import type { ReviewTarget } from '@/lib/store/retentionReview';
import { useAction } from './useAction';

/**
 * A review decision (issue #18): keep the item until a later day, saying why. The other is erasure
 * (ErasureForm).
 */
export function KeepDecisionForm({ target, label }: { target: ReviewTarget; label: string }) {
  const id = useId();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const { error, busy, run } = useAction();

  async function keep(event: SyntheticEvent) {
    event.preventDefault();
    await run(async () => {
      const { review, currentActor } = pageServices();
      await review.keep(target, { until, reason }, await currentActor(), new Date());
      await refreshBadge();
    });
  }

  return (
    <form className="row" onSubmit={(event) => void keep(event)} aria-label={`Keep ${label}`}>
      <label htmlFor={`${id}-until`}>Keep until</label>
      <input id={`${id}-until`} type="date" required value={until} onChange={(e) => setUntil(e.target.value)} />
      <label htmlFor={`${id}-reason`}>Why</label>
      <input id={`${id}-reason`} type="text" required value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={busy}>
        Keep
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
