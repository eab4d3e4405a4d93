import type { SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import {
  POST_FIELDS,
  POST_FIELD_LABELS,
  UNCLEAR_POST_WORDS,
  postSourceWords,
  type PostField,
} from '@/lib/extract/postDetails';
import { isDerived, valueSourceWords } from '@/lib/extract/valueSource';
import { revisionOf, type CaptureView } from '@/lib/store/evidenceRepository';
import { showInvisible } from '@/lib/visibleText';
import { InvisibleCharacters } from './InvisibleCharacters';
import { useResettableState } from './useResettableState';
import { useAction } from './useAction';

/**
 * The post's details as read from the page, each correctable. A correction is an audit entry; the
 * value the page showed stays in the capture's metadata. Fields the page did not show are flagged.
 */
export function PostDetailsPanel({ view }: { view: CaptureView }) {
  const extracted = view.metadata.post;
  const { error, run } = useAction();
  // Follows the view's content, not its identity.
  const [values, setValues] = useResettableState<Partial<Record<PostField, string>>>(
    Object.fromEntries(POST_FIELDS.map((f) => [f, view.current.post[f] ?? ''])),
    revisionOf(view),
  );
  if (!extracted) return <p className="help">This capture was made before Exhibit read post details from pages.</p>;

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    await run(async () => {
      const changed = POST_FIELDS.filter((key) => (values[key] ?? '') !== (view.current.post[key] ?? ''));
      await pageServices().editAsCurrentUser(
        view.metadata.id,
        changed.map((key) => ({ field: 'post', key, to: values[key] || null })),
      );
    });
  }

  return (
    <form onSubmit={(event) => void save(event)} className="post-details">
      <h2>Post details</h2>
      {extracted.foundBy === 'unclear' ? (
        <p className="notice">{UNCLEAR_POST_WORDS}</p>
      ) : (
        <p className="help">
          Read from {postSourceWords(extracted)} at capture. Correct anything wrong; the value the page showed is kept.
        </p>
      )}
      {POST_FIELDS.map((key) => {
        const notFound = extracted.missing.includes(key) && !view.current.post[key];
        const corrected = (view.current.post[key] ?? null) !== (extracted[key] ?? null);
        const source = extracted.sources?.[key];
        const sourceId = source ? `post-${key}-source` : undefined;
        return (
          <div key={key} className={notFound ? 'flagged' : undefined}>
            <label htmlFor={`post-${key}`}>
              {POST_FIELD_LABELS[key]}
              {notFound && (
                <span className="flag">
                  {' '}
                  — {extracted.foundBy === 'unclear' ? 'to fill in' : 'not found on the page'}
                </span>
              )}
              {corrected && (
                <span className="flag">
                  {' '}
                  — corrected (page showed “{showInvisible(extracted[key] ?? 'nothing', { keepLineBreaks: true })}”)
                </span>
              )}
            </label>
            {key === 'text' ? (
              <textarea
                id={`post-${key}`}
                aria-describedby={sourceId}
                value={values[key] ?? ''}
                onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              />
            ) : (
              <input
                id={`post-${key}`}
                aria-describedby={sourceId}
                type="text"
                value={values[key] ?? ''}
                onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              />
            )}
            {source && (
              <p id={sourceId} className={isDerived(source) ? 'help derived' : 'help'}>
                {isDerived(source) ? 'Derived' : 'From'}: {valueSourceWords(source).replace(/^derived, /, '')}
              </p>
            )}
            <InvisibleCharacters value={values[key] ?? ''} prose={key === 'text'} testId={`post-${key}-invisible`} />
          </div>
        );
      })}
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit">Save corrections</button>
      </div>
    </form>
  );
}
