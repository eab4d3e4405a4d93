import { useEffect, useState } from 'react';
import { CaseList } from '@/components/CaseList';
import { ResponseList } from '@/components/ResponseList';
import { CasePage } from '@/components/CasePage';
import { CaptureDetail } from '@/components/CaptureDetail';
import { CaptureList } from '@/components/CaptureList';
import { ErrorMessage } from '@/components/ErrorMessage';
import { ExportPanel } from '@/components/ExportPanel';
import { ImportPanel } from '@/components/ImportPanel';
import { KeyReplacements } from '@/components/KeyReplacements';
import { VerifyPanel } from '@/components/VerifyPanel';
import { useLiveStore } from '@/components/useLiveStore';
import { pageServices } from '@/lib/browser/pageServices';
import type { KeyReplacement } from '@/lib/store/signingKey';
import './dashboard.css';

const hashParam = (name: string) => new URLSearchParams(location.hash.slice(1)).get(name) ?? undefined;
const openCaptureId = () => hashParam('capture');

export function App() {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState(openCaptureId);
  const [tab, setTab] = useState<'captures' | 'cases' | 'responses'>(
    hashParam('case') || hashParam('tab') === 'cases'
      ? 'cases'
      : hashParam('tab') === 'responses'
        ? 'responses'
        : 'captures',
  );
  const [caseId, setCaseId] = useState(() => hashParam('case'));
  const [replacedKeys, setReplacedKeys] = useState<KeyReplacement[]>([]);
  useEffect(() => void pageServices().keyReplacements().then(setReplacedKeys), []);

  // A capture taken from the popup, an edit or an import shows without a reload.
  const { value: captures, error: loadError } = useLiveStore(() => pageServices().evidence.listCaptures(), []);
  useEffect(() => {
    // Links between sections (a case's captures) and the browser's Back move through the hash.
    const onHash = () => {
      setOpenId(openCaptureId());
      setCaseId(hashParam('case'));
      if (openCaptureId()) setTab('captures');
      else if (hashParam('case')) setTab('cases');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const open = (id: string | undefined) => {
    location.hash = id ? `capture=${id}` : '';
    setOpenId(id);
  };
  const toggle = (id: string) => setSelected((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  const toggleAll = () =>
    setSelected((s) =>
      captures && s.size === captures.length ? new Set() : new Set(captures?.map((c) => c.metadata.id)),
    );
  const openView = captures?.find((c) => c.metadata.id === openId);

  return (
    <main className="dashboard">
      <h1>Exhibit</h1>
      <KeyReplacements replacements={replacedKeys} />
      <nav className="tabs row" aria-label="Sections">
        <button
          className={tab === 'captures' ? undefined : 'secondary'}
          aria-pressed={tab === 'captures'}
          onClick={() => setTab('captures')}
        >
          Captures
        </button>
        <button
          className={tab === 'cases' ? undefined : 'secondary'}
          aria-pressed={tab === 'cases'}
          onClick={() => setTab('cases')}
        >
          Cases
        </button>
        <button
          className={tab === 'responses' ? undefined : 'secondary'}
          aria-pressed={tab === 'responses'}
          onClick={() => setTab('responses')}
        >
          Responses due
        </button>
      </nav>
      {tab === 'responses' ? (
        <ResponseList />
      ) : tab === 'cases' ? (
        caseId ? (
          <CasePage
            caseId={caseId}
            onClose={() => {
              location.hash = 'tab=cases';
              setCaseId(undefined);
            }}
          />
        ) : (
          <CaseList
            onOpen={(id) => {
              location.hash = `case=${id}`;
              setCaseId(id);
            }}
          />
        )
      ) : loadError ? (
        <ErrorMessage error={loadError} />
      ) : captures === undefined ? (
        <p>Loading…</p>
      ) : openView ? (
        <CaptureDetail view={openView} onClose={() => open(undefined)} />
      ) : (
        <>
          <ExportPanel selectedIds={[...selected]} />
          <CaptureList
            captures={captures}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
            onOpen={open}
          />
        </>
      )}
      <VerifyPanel />
      <ImportPanel />
    </main>
  );
}
