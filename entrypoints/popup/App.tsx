import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { ArtefactImage } from '@/components/ArtefactImage';
import { CategoryField } from '@/components/CategoryField';
import { ErrorMessage } from '@/components/ErrorMessage';
import { openDashboard, openOptions, pageServices } from '@/lib/browser/pageServices';
import { primaryImage, thumbnailOf } from '@/lib/capture/artefacts';
import type { CaptureMetadata, StaffMember } from '@/lib/capture/metadata';
import { shortHash } from '@/lib/hash';
import type { CaptureMode } from '@/lib/capture/metadata';
import { CaptureProgressSchema, sendRequest } from '@/lib/messages';
import type { CategoryChoice } from '@/lib/policy';
import './popup.css';

const send = (message: unknown) => browser.runtime.sendMessage(message);

const CAPTURE_MODES: { id: CaptureMode; label: string; help: string }[] = [
  { id: 'visible', label: 'Visible area', help: 'what you see now' },
  { id: 'element', label: 'This post', help: 'pick it on the page; the visible area is kept too' },
  { id: 'full-page', label: 'Full page', help: 'scrolls the whole page' },
];

/**
 * Firefox: ask for access to this one site so tabs.captureTab can render the whole page at once.
 * Declining is fine: the capture then scrolls and stitches as in Chrome.
 */
async function requestWholePageAccess(url: string | undefined): Promise<void> {
  if (!import.meta.env.FIREFOX || !url || !/^https?:/.test(url)) return;
  await browser.permissions.request({ origins: [`${new URL(url).origin}/*`] }).catch(() => false);
}

/** A right-click opens the popup with `?mode=` and, in Firefox, `?target=` (the clicked element). */
function modeFromQuery(): CaptureMode {
  const mode = new URLSearchParams(location.search).get('mode');
  return CAPTURE_MODES.find((m) => m.id === mode)?.id ?? 'visible';
}

function targetFromQuery(): number | undefined {
  const target = new URLSearchParams(location.search).get('target');
  return target === null || !/^\d+$/.test(target) ? undefined : Number(target);
}

/** The tab to capture: `?tabId=` when opened as a page (tests), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const [profile, setProfile] = useState<StaffMember | null>();
  const [category, setCategory] = useState<CategoryChoice>();
  const [note, setNote] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [authorUrl, setAuthorUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [captured, setCaptured] = useState<CaptureMetadata>();
  const [mode, setMode] = useState<CaptureMode>(modeFromQuery);
  const [progress, setProgress] = useState<{ slice: number; of: number }>();
  const [tabId, setTabId] = useState<number>();
  const [tabUrl, setTabUrl] = useState<string>();

  useEffect(() => {
    void pageServices().settings.getProfile().then((p) => setProfile(p ?? null));
    void targetTabId().then(async (id) => {
      setTabId(id);
      if (id !== undefined) setTabUrl((await browser.tabs.get(id)).url);
    });
    const onMessage = (message: unknown) => {
      const parsed = CaptureProgressSchema.safeParse(message);
      if (parsed.success) setProgress(parsed.data);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  async function capture(event: FormEvent) {
    event.preventDefault();
    if (!category) return;
    // Must be the first await: Firefox only shows a permission prompt from within the click.
    if (mode === 'full-page') await requestWholePageAccess(tabUrl);
    setBusy(true);
    setError(undefined);
    setProgress(undefined);
    try {
      if (tabId === undefined) throw new Error('There is no tab to capture.');
      const form = { category, note, author: { name: authorName || undefined, profileUrl: authorUrl || undefined } };
      const result = await sendRequest(send, { type: 'capture.tab', tabId, mode, form, targetElementId: mode === 'element' ? targetFromQuery() : undefined });
      setCaptured(result.metadata);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const cancel = () => tabId !== undefined && void sendRequest(send, { type: 'capture.cancel', tabId });

  if (profile === undefined) return <main className="popup">Loading…</main>;
  if (profile === null) {
    return (
      <main className="popup">
        <h1>Exhibit</h1>
        <p>Before your first capture, enter your name, role and email and your school’s name. They go into every capture.</p>
        <button onClick={() => void openOptions()}>Open options</button>
      </main>
    );
  }
  if (captured) {
    const image = primaryImage(captured);
    return (
      <main className="popup">
        <h1>Captured</h1>
        <p className="success" role="status">
          Saved at <time dateTime={captured.capturedAtUtc}>{captured.capturedAtUtc}</time> (UTC)
        </p>
        <ArtefactImage captureId={captured.id} fileName={thumbnailOf(captured)?.fileName ?? ''} alt="Thumbnail of the capture" />
        <p>
          SHA-256 <code data-testid="short-hash">{image && shortHash(image.sha256)}</code>
        </p>
        <div className="row">
          <button onClick={() => void openDashboard(`#capture=${captured.id}`)}>Open dashboard</button>
          <button className="secondary" onClick={() => setCaptured(undefined)}>
            Capture another
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="popup">
      <h1>Capture this page</h1>
      <form onSubmit={capture}>
        <CategoryField value={category} onChange={setCategory} />
        <label htmlFor="note">Note</label>
        <textarea id="note" name="note" value={note} onChange={(e) => setNote(e.target.value)} placeholder="What is this, and how did you come across it?" />
        <label htmlFor="author-name">Post author / profile name (if known)</label>
        <input id="author-name" name="authorName" type="text" value={authorName} onChange={(e) => setAuthorName(e.target.value)} />
        <label htmlFor="author-url">Author’s profile URL (if known)</label>
        <input id="author-url" name="authorUrl" type="url" value={authorUrl} onChange={(e) => setAuthorUrl(e.target.value)} placeholder="https://" />
        <fieldset className="modes">
          <legend>What to capture</legend>
          {CAPTURE_MODES.map((m) => (
            <label key={m.id}>
              <input type="radio" name="mode" value={m.id} checked={mode === m.id} onChange={() => setMode(m.id)} /> {m.label}
              <span className="help"> — {m.help}</span>
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={error} />
        {busy && (
          <div role="status" className="progress">
            {mode === 'element' && !progress ? (
              <p>Click the post on the page (Esc cancels).</p>
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
        )}
        <div className="row">
          <button type="submit" disabled={busy || !category}>
            {busy ? 'Capturing…' : 'Capture'}
          </button>
          {busy && (
            <button type="button" className="secondary" onClick={cancel}>
              Cancel
            </button>
          )}
          <button type="button" className="secondary" onClick={() => void openDashboard()}>
            Dashboard
          </button>
        </div>
        <p className="help">Capturing as {profile.name}, {profile.school}.</p>
      </form>
    </main>
  );
}
