import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { ExportProgressView } from './ExportProgressView';
import { refreshBadge } from '@/lib/browser/background';
import { pageServices } from '@/lib/browser/pageServices';
import type { ExportProgress } from '@/lib/bundle/exportBundle';
import type { CaptureHit, CaseHit } from '@/lib/store/personSearch';
import { responseDueOn } from '@/lib/subjectAccess/pack';
import { localDate } from '@/lib/time';
import type { SubjectAccessRequestRow } from '@/lib/store/db';
import { showInvisible } from '@/lib/visibleText';
import { useAction } from './useAction';

/**
 * A subject access pack (issue #18) from the captures and cases chosen in a person's search: who
 * asked and when (the reply is due a calendar month on), then a signed share copy with the cover
 * letter and what each says of them, saved and recorded.
 */
export function SubjectAccessPackForm({
  person,
  answering,
  captures,
  cases,
}: {
  person: string;
  /** The logged request this pack answers: its person and day are the pack's. */
  answering?: SubjectAccessRequestRow;
  captures: readonly CaptureHit[];
  cases: readonly CaseHit[];
}) {
  const id = useId();
  const [name, setName] = useState(answering?.person ?? person);
  const [receivedOn, setReceivedOn] = useState(
    () => answering?.receivedOn ?? localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  const [progress, setProgress] = useState<ExportProgress>();
  const [done, setDone] = useState<string>();
  const controller = useRef<AbortController>(undefined);
  const { error, busy, run } = useAction();
  const unredacted = captures.filter((hit) => !hit.redacted).length;
  const dueNote = answering
    ? `The reply is due by ${answering.dueOn}.`
    : /^\d{4}-\d{2}-\d{2}$/.test(receivedOn)
      ? `The reply is due by ${responseDueOn(receivedOn)} (one calendar month).`
      : '';

  async function exportPack(event: SyntheticEvent) {
    event.preventDefault();
    setDone(undefined);
    const signal = (controller.current = new AbortController()).signal;
    await run(async () => {
      const { exportSubjectAccessPack, currentActor } = pageServices();
      const result = await exportSubjectAccessPack({
        request: { person: name, requestReceivedOn: receivedOn },
        ...(answering ? { requestId: answering.requestId } : {}),
        captures,
        cases,
        exportedBy: await currentActor(),
        signal,
        onProgress: setProgress,
      });
      setDone(`Saved ${result.fileName}. ${dueNote}`);
      await refreshBadge();
    });
    setProgress(undefined);
  }

  return (
    <form className="subject-access-pack" aria-label="Subject access pack" onSubmit={(event) => void exportPack(event)}>
      <h2>Subject access pack</h2>
      {answering && (
        <p data-testid="answering">
          Answers the request from {showInvisible(answering.person)} received {answering.receivedOn}, due by{' '}
          {answering.dueOn}.
        </p>
      )}
      <p className="help">
        A signed bundle for the person: the cover letter (its template is in the options), what each chosen capture and
        case says of them, and the captures’ redacted copies — never their originals, page text or notes.
        {unredacted > 0 &&
          ` ${unredacted} chosen capture(s) have no redacted copy, so no image of them goes in the pack: open each to redact other people’s names and faces first.`}
      </p>
      <label htmlFor={`${id}-person`}>Name of the person who asked</label>
      <input
        id={`${id}-person`}
        type="text"
        required
        readOnly={answering !== undefined}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor={`${id}-received`}>Day the request was received</label>
      <input
        id={`${id}-received`}
        type="date"
        required
        aria-describedby={`${id}-due`}
        readOnly={answering !== undefined}
        value={receivedOn}
        onChange={(e) => setReceivedOn(e.target.value)}
      />
      <p className="help" id={`${id}-due`}>
        {dueNote}
      </p>
      <div className="row">
        <button type="submit" disabled={busy || captures.length + cases.length === 0}>
          Export the pack ({captures.length} capture(s), {cases.length} case(s))
        </button>
        {busy && (
          <button type="button" className="secondary" onClick={() => controller.current?.abort()}>
            Cancel
          </button>
        )}
      </div>
      {busy && <ExportProgressView progress={progress} />}
      {done && (
        <p className="success" role="status" data-testid="pack-done">
          {done}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}
