import type { ExportStamp } from '@/lib/bundle/bundleFiles';
import { formatUtc } from '@/lib/time';
import { useRef, useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { ExportProgressView } from './ExportProgressView';
import { pageServices } from '@/lib/browser/pageServices';
import type { ExportProgress } from '@/lib/bundle/exportBundle';
import type { CaseView } from '@/lib/store/caseRepository';
import { useAction } from './useAction';

/** Exports the selected captures as a bundle, with progress and a cancel button. */
export function ExportPanel({ selectedIds, caseView }: { selectedIds: readonly string[]; caseView?: CaseView }) {
  const [progress, setProgress] = useState<ExportProgress>();
  const { error, busy, run } = useAction();
  const [done, setDone] = useState<string>();
  const [share, setShare] = useState(false);
  const controller = useRef<AbortController>(undefined);

  async function exportSelected() {
    setDone(undefined);
    const signal = (controller.current = new AbortController()).signal;
    await run(async () => {
      const { settings, exportAndSave, currentActor } = pageServices();
      const exportedBy = await currentActor();
      const { askWhereToSave } = await settings.getExportSettings();
      const result = await exportAndSave({
        captureIds: selectedIds,
        caseView,
        exportedBy,
        askWhereToSave,
        share,
        signal,
        onProgress: setProgress,
      });
      setDone(
        `Saved ${result.fileName} (manifest SHA-256 ${result.manifestSha256.slice(0, 12)}).${exportStampWords(result.exportStamp)}`,
      );
    });
    setProgress(undefined);
  }

  return (
    <section className="export" aria-label="Export">
      <div className="row">
        <button onClick={() => void exportSelected()} disabled={busy || selectedIds.length === 0}>
          {caseView
            ? `Export this case (${selectedIds.length} ${selectedIds.length === 1 ? 'capture' : 'captures'}) as bundle`
            : `Export ${selectedIds.length} selected as bundle`}
        </button>
        {!caseView && (
          <label className="inline">
            <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} disabled={busy} /> Share
            copy: redacted copies only, leave the originals out (the cover says so)
          </label>
        )}
        {busy && (
          <button className="secondary" onClick={() => controller.current?.abort()}>
            Cancel export
          </button>
        )}
      </div>
      {busy && <ExportProgressView progress={progress} />}
      {done && (
        <p className="success" role="status" data-testid="export-done">
          {done}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

/** What the export's trusted timestamp came to (issue #20); nothing when timestamps are off. */
function exportStampWords(stamp: ExportStamp | undefined): string {
  if (!stamp) return '';
  if ('failed' in stamp)
    return ` The export could not be time-stamped (${stamp.failed}); the bundle is whole without it, and its captures keep their own timestamps.`;
  return ` ${stamp.tsa} time-stamped it at ${formatUtc(stamp.attestedAtUtc, 'second')}.`;
}
