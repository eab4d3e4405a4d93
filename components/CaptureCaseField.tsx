import { useEffect, useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import { UNFILED } from '@/lib/cases/case';
import type { CaseView } from '@/lib/store/caseRepository';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import { useAction } from './useAction';

/** Files a capture in a case, or takes it out; each move is an audit entry. */
export function CaptureCaseField({ view }: { view: CaptureView }) {
  const [cases, setCases] = useState<CaseView[]>([]);
  const { error, run } = useAction();
  useEffect(() => void pageServices().cases.listCases().then(setCases), []);

  async function move(caseId: string) {
    await run(async () => {
      const { cases: repo, currentActor } = pageServices();
      const actor = await currentActor();
      await repo.fileCapture(view.metadata.id, caseId, actor);
    });
  }

  return (
    <div>
      <label htmlFor="capture-case">Case</label>
      <select id="capture-case" value={view.caseId} onChange={(e) => void move(e.target.value)}>
        <option value={UNFILED}>Not in a case</option>
        {cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.details.title} ({c.status})
          </option>
        ))}
      </select>
      <ErrorMessage error={error} />
    </div>
  );
}
