import { useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { useLiveStore } from './useLiveStore';
import { pageServices } from '@/lib/browser/pageServices';
import type { PendingResponse } from '@/lib/policy';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import { askBackground } from '@/lib/browser/background';
import { formatInZone, formatUtc } from '@/lib/time';
import { useAction } from './useAction';
import { SubjectAccessDueList } from './SubjectAccessRequests';

type Pending = PendingResponse & { view: CaptureView };

/** Comments on the school's own accounts still to answer, soonest due first, each markable as answered. */
export function ResponseList() {
  const [how, setHow] = useState<Record<string, string>>({});
  const { error, run } = useAction();
  // A comment captured from the popup, or answered in another tab, shows without a reload.
  const { value: loaded } = useLiveStore(async () => {
    const { evidence, settings } = pageServices();
    const calendar = await settings.getCalendar();
    return { timeZone: calendar.timeZone, pending: await evidence.pendingResponses(new Date(), calendar) };
  }, []);
  const { pending, timeZone }: { pending?: Pending[]; timeZone: string } = loaded ?? { timeZone: 'UTC' };

  async function answer(captureId: string) {
    await run(async () => {
      const { evidence, currentActor } = pageServices();
      const actor = await currentActor();
      await evidence.answerResponse(captureId, how[captureId] ?? '', actor);
      await askBackground({ type: 'badge.refresh' });
    });
  }

  if (!pending) return <p>Loading…</p>;
  if (pending.length === 0)
    return (
      <>
        <SubjectAccessDueList />
        <p>No comments waiting for an answer.</p>
      </>
    );
  return (
    <section aria-label="Responses due">
      <SubjectAccessDueList />
      <ErrorMessage error={error} />
      <table className="captures">
        <thead>
          <tr>
            <th>Comment</th>
            <th>Received (UTC)</th>
            <th>Due</th>
            <th>How it was answered</th>
          </tr>
        </thead>
        <tbody>
          {pending.map((p) => (
            <tr key={p.captureId} className={p.overdue ? 'overdue' : p.dueSoon ? 'due-soon' : undefined}>
              <td>
                {p.view.current.post.authorName ?? p.view.metadata.author.name ?? '—'}:{' '}
                {(p.view.current.post.text ?? p.view.metadata.page.title).slice(0, 120)}
                <br />
                <span className="help">{p.view.metadata.page.url}</span>
              </td>
              <td>{formatUtc(p.receivedAt)}</td>
              <td>
                {formatInZone(p.dueAt, timeZone)}
                <br />
                <strong>{p.overdue ? 'Overdue' : p.dueSoon ? 'Due within 2 hours' : ''}</strong>
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`How the comment was answered (${p.captureId.slice(0, 8)})`}
                  placeholder="e.g. replied publicly, acknowledged"
                  value={how[p.captureId] ?? ''}
                  onChange={(e) => setHow({ ...how, [p.captureId]: e.target.value })}
                />
                <button onClick={() => void answer(p.captureId)}>Mark answered</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
