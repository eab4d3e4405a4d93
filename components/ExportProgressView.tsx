import type { ExportProgress } from '@/lib/bundle/exportBundle';

/** How far an export has got, while it runs: the file being added, k of n. */
export function ExportProgressView({ progress }: { progress: ExportProgress | undefined }) {
  return (
    <div role="status">
      <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label="Export progress" />
      <p className="help">
        {progress ? `Adding ${progress.path} (${progress.done} of ${progress.total})` : 'Preparing…'}
      </p>
    </div>
  );
}
