import { useId, useState, type SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { useLiveStore } from './useLiveStore';
import { refreshBadge } from '@/lib/browser/background';
import { pageServices } from '@/lib/browser/pageServices';
import type { SubjectAccessRequestRow } from '@/lib/store/db';
import { daysLeft, latestExtendedDueOn } from '@/lib/subjectAccess/pack';
import { localDate } from '@/lib/time';
import { showInvisible } from '@/lib/visibleText';
import { useAction } from './useAction';

const today = () => localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);

/** How a request stands today, in words: overdue, due today, or days left. */
export function dueInWords(row: SubjectAccessRequestRow): string {
  const left = daysLeft(row.dueOn, today());
  return left < 0 ? `Overdue by ${-left} day(s)` : left === 0 ? 'Due today' : `${left} day(s) left`;
}

/**
 * The open subject access requests (issue #18), soonest due first: each answered by a pack (`onAnswer`),
 * put off with a reason, or closed with one; and a form to log a new request with the day it came.
 */
export function SubjectAccessRequests({ onAnswer }: { onAnswer: (row: SubjectAccessRequestRow) => void }) {
  const { value: open, error: loadError } = useLiveStore(() => pageServices().requests.open(), []);
  return (
    <section aria-labelledby="requests-heading" className="subject-access-requests">
      <h2 id="requests-heading">Subject access requests</h2>
      <ErrorMessage error={loadError} />
      {open && open.length === 0 && <p>No request is waiting for a reply.</p>}
      {open && open.length > 0 && (
        <table className="captures">
          <thead>
            <tr>
              <th>From</th>
              <th>Received</th>
              <th>Reply due</th>
              <th>Decision</th>
            </tr>
          </thead>
          <tbody>
            {open.map((row) => (
              <tr key={row.requestId} className={daysLeft(row.dueOn, today()) < 0 ? 'overdue' : undefined}>
                <td>{showInvisible(row.person)}</td>
                <td>{row.receivedOn}</td>
                <td>
                  {row.dueOn} <strong>{dueInWords(row)}</strong>
                  {row.extendedBecause && (
                    <span className="help"> (put off: {showInvisible(row.extendedBecause)})</span>
                  )}
                </td>
                <td>
                  <button type="button" onClick={() => onAnswer(row)}>
                    Find and make the pack
                  </button>
                  <RequestDecision row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LogRequestForm />
    </section>
  );
}

function RequestDecision({ row }: { row: SubjectAccessRequestRow }) {
  const id = useId();
  const [dueOn, setDueOn] = useState('');
  const [reason, setReason] = useState('');
  const [closing, setClosing] = useState('');
  const { error, busy, run } = useAction();
  const actor = () => pageServices().currentActor();
  return (
    <>
      <details>
        <summary>Put off…</summary>
        <form
          className="row"
          aria-label={`Put off the reply to ${row.person}`}
          onSubmit={(event: SyntheticEvent) => {
            event.preventDefault();
            void run(async () => {
              await pageServices().requests.extend(row.requestId, { dueOn, reason }, await actor());
              await refreshBadge();
            });
          }}
        >
          <label htmlFor={`${id}-due`}>New due day (by {latestExtendedDueOn(row.receivedOn)} at the latest)</label>
          <input id={`${id}-due`} type="date" required value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
          <label htmlFor={`${id}-why`}>Why</label>
          <input id={`${id}-why`} type="text" required value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" disabled={busy}>
            Put off
          </button>
        </form>
      </details>
      <details>
        <summary>Close without a pack…</summary>
        <form
          className="row"
          aria-label={`Close the request from ${row.person}`}
          onSubmit={(event: SyntheticEvent) => {
            event.preventDefault();
            void run(async () => {
              await pageServices().requests.close(row.requestId, closing, await actor());
              await refreshBadge();
            });
          }}
        >
          <label htmlFor={`${id}-closing`}>How it was answered, or why it is closed</label>
          <input
            id={`${id}-closing`}
            type="text"
            required
            value={closing}
            onChange={(e) => setClosing(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            Close
          </button>
        </form>
      </details>
      <ErrorMessage error={error} />
    </>
  );
}

function LogRequestForm() {
  const id = useId();
  const [person, setPerson] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const { error, busy, run } = useAction();

  async function log(event: SyntheticEvent) {
    event.preventDefault();
    const done = await run(async () => {
      const { requests, currentActor } = pageServices();
      await requests.log({ person, requestReceivedOn: receivedOn }, await currentActor());
      await refreshBadge();
    });
    if (done) setPerson('');
  }

  return (
    <form className="row" aria-label="Log a subject access request" onSubmit={(event) => void log(event)}>
      <label htmlFor={`${id}-person`}>Who asked</label>
      <input id={`${id}-person`} type="text" required value={person} onChange={(e) => setPerson(e.target.value)} />
      <label htmlFor={`${id}-received`}>Day received</label>
      <input
        id={`${id}-received`}
        type="date"
        required
        value={receivedOn}
        onChange={(e) => setReceivedOn(e.target.value)}
      />
      <button type="submit" disabled={busy}>
        Log the request
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}

/** The open requests in the due list beside the comments to answer (issue #18): who, when due, and where to answer. */
export function SubjectAccessDueList() {
  const { value: open } = useLiveStore(() => pageServices().requests.open(), []);
  if (!open || open.length === 0) return null;
  return (
    <section aria-label="Subject access replies due">
      <h2>Subject access replies due</h2>
      <ul className="due-requests">
        {open.map((row) => (
          <li key={row.requestId} className={daysLeft(row.dueOn, today()) < 0 ? 'overdue' : undefined}>
            {showInvisible(row.person)}, received {row.receivedOn}: reply due by {row.dueOn} —{' '}
            <strong>{dueInWords(row)}</strong>. <a href="#tab=people">Answer it on Find a person</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
