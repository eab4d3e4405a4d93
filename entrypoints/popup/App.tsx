import { useEffect, useState, type SyntheticEvent } from 'react';
import { browser } from 'wxt/browser';
import { CaseField, type CaseChoice } from '@/components/CaseField';
import { CaptureModeField, CaptureProgress } from '@/components/CaptureModeField';
import { CapturedSummary } from '@/components/CapturedSummary';
import { CategoryField } from '@/components/CategoryField';
import { ErrorMessage } from '@/components/ErrorMessage';
import { openDashboard, openOptions, pageServices } from '@/lib/browser/pageServices';
import {
  modeFromQuery,
  postChoiceIn,
  requestWholePageAccess,
  targetFromQuery,
  targetTabId,
} from '@/lib/browser/popupTarget';
import type { CaptureMetadata, CaptureMode, StaffMember } from '@/lib/capture/metadata';
import type { PostFoundBy } from '@/lib/extract/postDetails';
import { CaptureProgressSchema } from '@/lib/messages';
import { askBackground } from '@/lib/browser/background';
import { schoolAccountFor, type CategoryChoice } from '@/lib/policy';
import './popup.css';
import { useAction } from '@/components/useAction';

export function App() {
  const [profile, setProfile] = useState<StaffMember | null>();
  const [category, setCategory] = useState<CategoryChoice>();
  const [note, setNote] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [authorUrl, setAuthorUrl] = useState('');
  const { error, busy, run } = useAction();
  const [captured, setCaptured] = useState<CaptureMetadata>();
  const [mode, setMode] = useState<CaptureMode>(modeFromQuery);
  const [progress, setProgress] = useState<{ slice: number; of: number }>();
  const [tabId, setTabId] = useState<number>();
  const [tabUrl, setTabUrl] = useState<string>();
  const [caseChoice, setCaseChoice] = useState<CaseChoice>({ kind: 'unfiled' });
  const [needsResponse, setNeedsResponse] = useState(false);
  const [postChoice, setPostChoice] = useState<PostFoundBy>();

  useEffect(() => {
    void pageServices()
      .settings.getProfile()
      .then((p) => setProfile(p ?? null));
    void targetTabId().then(async (id) => {
      setTabId(id);
      if (id === undefined) return;
      const url = (await browser.tabs.get(id)).url;
      setTabUrl(url);
      void postChoiceIn(id).then(setPostChoice);
      // A page on one of the school's own accounts: a comment there needs an answer in time.
      const accounts = await pageServices().settings.getSchoolAccounts();
      setNeedsResponse(Boolean(url && schoolAccountFor(url, accounts)));
    });
    const onMessage = (message: unknown) => {
      const parsed = CaptureProgressSchema.safeParse(message);
      if (parsed.success) setProgress(parsed.data);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  async function capture(event: SyntheticEvent) {
    event.preventDefault();
    if (!category) return;
    // Must be the first await: Firefox only shows a permission prompt from within the click.
    if (mode === 'full-page') await requestWholePageAccess(tabUrl);
    setProgress(undefined);
    await run(async () => {
      if (tabId === undefined) throw new Error('There is no tab to capture.');
      const form = {
        category,
        note,
        needsResponse: needsResponse || undefined,
        author: { name: authorName || undefined, profileUrl: authorUrl || undefined },
      };
      const filing =
        caseChoice.kind === 'existing'
          ? { caseId: caseChoice.caseId }
          : caseChoice.kind === 'new'
            ? {
                newCase: {
                  title: caseChoice.title,
                  personPosting: { name: authorName, profileUrls: authorUrl ? [authorUrl] : [], relationship: '' },
                  affected: '',
                  owner: profile?.name ?? '',
                },
              }
            : undefined;
      const result = await askBackground({
        type: 'capture.tab',
        tabId,
        mode,
        form,
        filing,
        targetElementId: mode === 'element' ? targetFromQuery() : undefined,
      });
      setCaptured(result.metadata);
    });
  }

  const cancel = () => tabId !== undefined && void askBackground({ type: 'capture.cancel', tabId });

  if (profile === undefined) return <main className="popup">Loading…</main>;
  if (profile === null) {
    return (
      <main className="popup">
        <h1 className="with-icon">
          <img src="/icon/32.png" alt="" width={24} height={24} />
          Exhibit
        </h1>
        <p>
          Before your first capture, enter your name, role and email and your school’s name. They go into every capture.
        </p>
        <button onClick={() => void openOptions()}>Open options</button>
      </main>
    );
  }
  if (captured) return <CapturedSummary captured={captured} onAnother={() => setCaptured(undefined)} />;
  return (
    <main className="popup">
      <h1 className="with-icon">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        Capture this page
      </h1>
      <form onSubmit={(event) => void capture(event)}>
        <CategoryField value={category} onChange={setCategory} />
        <label htmlFor="note">Note</label>
        <textarea
          id="note"
          name="note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="What is this, and how did you come across it?"
        />
        <label htmlFor="author-name">Post author / profile name (if known)</label>
        <input
          id="author-name"
          name="authorName"
          type="text"
          value={authorName}
          onChange={(e) => setAuthorName(e.target.value)}
        />
        <label htmlFor="author-url">Author’s profile URL (if known)</label>
        <input
          id="author-url"
          name="authorUrl"
          type="url"
          value={authorUrl}
          onChange={(e) => setAuthorUrl(e.target.value)}
          placeholder="https://"
        />
        <CaseField value={caseChoice} onChange={setCaseChoice} />
        <label className="checkbox">
          <input
            type="checkbox"
            name="needsResponse"
            checked={needsResponse}
            onChange={(e) => setNeedsResponse(e.target.checked)}
          />{' '}
          A comment on one of the school’s own accounts: it needs an answer within 24 hours (next working day at
          weekends)
        </label>
        <CaptureModeField value={mode} onChange={setMode} severalPosts={postChoice === 'unclear'} />
        <ErrorMessage error={error} />
        {busy && <CaptureProgress mode={mode} progress={progress} />}
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
        <p className="help">
          Capturing as {profile.name}, {profile.school}.
        </p>
      </form>
    </main>
  );
}
