import type { CaptureMode } from '@/lib/capture/metadata';

export const CAPTURE_MODES: { id: CaptureMode; label: string; help: string }[] = [
  { id: 'visible', label: 'Visible area', help: 'what you see now' },
  { id: 'element', label: 'This post', help: 'pick it on the page; the visible area is kept too' },
  { id: 'full-page', label: 'Full page', help: 'scrolls the whole page' },
];

/** `severalPosts`: the page shows several posts and none is chosen, so only This post records one post's details. */
export function CaptureModeField({
  value,
  onChange,
  severalPosts = false,
}: {
  value: CaptureMode;
  onChange: (mode: CaptureMode) => void;
  severalPosts?: boolean;
}) {
  return (
    <fieldset className="modes">
      <legend>What to capture</legend>
      {CAPTURE_MODES.map((m) => (
        <label key={m.id}>
          <input type="radio" name="mode" value={m.id} checked={value === m.id} onChange={() => onChange(m.id)} />{' '}
          {m.label}
          <span className="help"> — {m.help}</span>
        </label>
      ))}
      {severalPosts && value !== 'element' && (
        <p className="notice" data-testid="several-posts">
          Several posts are in view, so this capture would record no one post’s author, link or time. To record them,
          choose “This post” (or select some of the post’s text first).
        </p>
      )}
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
