import { useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { KeepDecisionForm } from './KeepDecisionForm';
import { ErasureForm } from './ErasureForm';
import { useLiveStore } from './useLiveStore';
import { pageServices } from '@/lib/browser/pageServices';
import type { ReviewItem } from '@/lib/store/retentionReview';
import { formatUtc } from '@/lib/time';
import { showInvisible } from '@/lib/visibleText';

const REVIEW_ROWS = 50;

const WHY: Record<ReviewItem['kind'], string> = {
  'unfiled-capture': 'Capture never filed in a case, taken',
  'closed-case': 'Case closed',
  'inactive-case': 'Open case, nothing recorded since',
};

/**
 * What has reached its review date under the school's retention settings (issue #18), oldest first.
 * Nothing here is erased by the clock; each links to the capture or case it names.
 */
export function ReviewList() {
  const [limit, setLimit] = useState(REVIEW_ROWS);
  const { value: listed, error } = useLiveStore(() => pageServices().review.due(new Date(), limit), [limit], {
    keepWhileLoading: true,
  });
  if (error) return <ErrorMessage error={error} />;
  if (!listed) return <p>Loading…</p>;
  const { items, more } = listed;
  return (
    <section aria-label="Review due">
      <p className="help">
        These have reached the end of the period set in the options (“How long things are kept”). Nothing is erased by
        the clock: keep one until a later day, saying why, and it comes back then; or erase it.
      </p>
      {items.length === 0 ? (
        <p>Nothing has reached its review date.</p>
      ) : (
        <table className="captures">
          <thead>
            <tr>
              <th>Review date</th>
              <th>What</th>
              <th>Why</th>
              <th>Decision</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const title = showInvisible(item.title);
              const href = item.kind === 'unfiled-capture' ? `#capture=${item.captureId}` : `#case=${item.caseId}`;
              const target = item.kind === 'unfiled-capture' ? { captureId: item.captureId } : { caseId: item.caseId };
              return (
                <tr key={item.kind === 'unfiled-capture' ? item.captureId : item.caseId}>
                  <td>
                    <time dateTime={item.reviewDate}>{item.reviewDate}</time>
                  </td>
                  <td>
                    <a href={href}>
                      {item.kind === 'unfiled-capture' && item.reference ? `${item.reference}: ` : ''}
                      {title}
                    </a>
                  </td>
                  <td>
                    {WHY[item.kind]} {formatUtc(item.since)}
                  </td>
                  <td>
                    <KeepDecisionForm target={target} label={title} />
                    <ErasureForm target={target} what={title} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {more && (
        <button className="secondary" onClick={() => setLimit((n) => n + REVIEW_ROWS)}>
          Show {REVIEW_ROWS} more
        </button>
      )}
    </section>
  );
}
