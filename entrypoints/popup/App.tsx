import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { ArtefactImage } from '@/components/ArtefactImage';
import { CategoryField } from '@/components/CategoryField';
import { ErrorMessage } from '@/components/ErrorMessage';
import { openDashboard, openOptions, pageServices } from '@/lib/browser/pageServices';
import { primaryImage, thumbnailOf } from '@/lib/capture/artefacts';
import type { CaptureMetadata, StaffMember } from '@/lib/capture/metadata';
import { shortHash } from '@/lib/hash';
import { sendRequest } from '@/lib/messages';
import type { CategoryChoice } from '@/lib/policy';
import './popup.css';

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

  useEffect(() => {
    void pageServices().settings.getProfile().then((p) => setProfile(p ?? null));
  }, []);

  async function capture(event: FormEvent) {
    event.preventDefault();
    if (!category) return;
    setBusy(true);
    setError(undefined);
    try {
      const tabId = await targetTabId();
      if (tabId === undefined) throw new Error('There is no tab to capture.');
      const form = { category, note, author: { name: authorName || undefined, profileUrl: authorUrl || undefined } };
      const result = await sendRequest((m) => browser.runtime.sendMessage(m), { type: 'capture.visibleTab', tabId, form });
      setCaptured(result.metadata);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

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
        <ErrorMessage error={error} />
        <div className="row">
          <button type="submit" disabled={busy || !category}>
            {busy ? 'Capturing…' : 'Capture'}
          </button>
          <button type="button" className="secondary" onClick={() => void openDashboard()}>
            Dashboard
          </button>
        </div>
        <p className="help">Capturing as {profile.name}, {profile.school}.</p>
      </form>
    </main>
  );
}
