import type { CaptureMode } from '@/lib/capture/metadata';

export const CAPTURE_MODES: { id: CaptureMode; label: string; help: string }[] = [
  { id: 'visible', label: 'Visible area', help: 'what you see now' },
  { id: 'element', label: 'This post', help: 'pick it on the page; the visible area is kept too' },
  { id: 'full-page', label: 'Full page', help: 'scrolls the whole page' },
];

export function CaptureModeField({ value, onChange }: { value: CaptureMode; onChange(mode: CaptureMode): void }) {
  return (
    <fieldset className="modes">
      <legend>What to capture</legend>
      {CAPTURE_MODES.map((m) => (
        <label key={m.id}>
          <input type="radio" name="mode" value={m.id} checked={value === m.id} onChange={() => onChange(m.id)} /> {m.label}
          <span className="help"> — {m.help}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** What a running capture is doing: waiting for a pick, or slice k of n. */
export function CaptureProgress({ mode, progress }: { mode: CaptureMode; progress?: { slice: number; of: number } }) {
  return (
    <div role="status" className="progress">
      {mode === 'element' && !progress ? (
        <p>Click the post on the page, or use Tab to move between posts and Enter to take one (Esc cancels).</p>
      ) : progress ? (
        <>
          <progress max={progress.of} value={progress.slice} aria-label="Capture progress" />
          <p className="help">
            Slice {progress.slice} of {progress.of}
          </p>
        </>
      ) : (
        <p>Capturing…</p>
      )}
    </div>
  );
}
