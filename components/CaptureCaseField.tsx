import { useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import { UNFILED } from '@/lib/cases/case';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import { useAction } from './useAction';
import { useCaseChoices } from './useCaseChoices';
import { CaseSearchBox } from './CaseSearchBox';

/** Files a capture in a case, or takes it out; each move is an audit entry. */
export function CaptureCaseField({ view }: { view: CaptureView }) {
  const [search, setSearch] = useState('');
  const cases = useCaseChoices(search, view.caseId === UNFILED ? undefined : view.caseId) ?? [];
  const { error, run } = useAction();

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
      <CaseSearchBox label="Find a case to file in" value={search} onChange={setSearch} />
      <select id="capture-case" value={view.caseId} onChange={(e) => void move(e.target.value)}>
        <option value={UNFILED}>Not in a case</option>
        {cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.summary.title} ({c.summary.status})
          </option>
        ))}
      </select>
      <ErrorMessage error={error} />
    </div>
  );
}
