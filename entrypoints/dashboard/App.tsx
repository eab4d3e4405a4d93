import { Suspense, lazy, useEffect, useState } from 'react';
import { CaseList } from '@/components/CaseList';
import { ResponseList } from '@/components/ResponseList';
import { ReviewList } from '@/components/ReviewList';
import { PersonSearch } from '@/components/PersonSearch';
import { CasePage } from '@/components/CasePage';
import { CaptureDetail } from '@/components/CaptureDetail';
import { CAPTURES_PER_WINDOW, CaptureList } from '@/components/CaptureList';
import { CaptureFilters, type CaptureListFilters } from '@/components/CaptureFilters';
import { ErrorMessage } from '@/components/ErrorMessage';
import { ERASED_NOTICE } from '@/components/ErasureForm';
import { ExportPanel } from '@/components/ExportPanel';
import { ImportPanel } from '@/components/ImportPanel';
import { KeyReplacements } from '@/components/KeyReplacements';
import { useLiveStore } from '@/components/useLiveStore';
import { pageServices } from '@/lib/browser/pageServices';
import type { KeyReplacement } from '@/lib/store/signingKey';
import './dashboard.css';

// The bundle checker carries the zip reader and verifier: its own chunk, so the first screen does not wait for it (issue #17).
const VerifyPanel = lazy(async () => ({ default: (await import('@/components/VerifyPanel')).VerifyPanel }));

const SECTIONS = [
  ['captures', 'Captures'],
  ['cases', 'Cases'],
  ['responses', 'Responses due'],
  ['review', 'Review due'],
  ['people', 'Find a person'],
] as const;
type Section = (typeof SECTIONS)[number][0];

const hashParam = (name: string) => new URLSearchParams(location.hash.slice(1)).get(name) ?? undefined;
const openCaptureId = () => hashParam('capture');
/** The section the address names (`#tab=…`), if it names one. */
const sectionInHash = (): Section | undefined => SECTIONS.find(([section]) => section === hashParam('tab'))?.[0];

export function App() {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState(openCaptureId);
  const [tab, setTab] = useState<Section>(() => (hashParam('case') ? 'cases' : (sectionInHash() ?? 'captures')));
  const [caseId, setCaseId] = useState(() => hashParam('case'));
  const [replacedKeys, setReplacedKeys] = useState<KeyReplacement[]>([]);
  /** What the last erasure left to say, on the list it returned to. */
  const [notice, setNotice] = useState<string>();
  useEffect(() => void pageServices().keyReplacements().then(setReplacedKeys), []);

  const [filters, setFilters] = useState<CaptureListFilters>({});
  const [limit, setLimit] = useState(CAPTURES_PER_WINDOW);
  // A capture taken from the popup, an edit or an import shows without a reload. Only the rows
  // shown are read, through an index (issue #17), and only a write among them reads them again.
  const {
    value: listed,
    error: loadError,
    stale,
  } = useLiveStore(
    async () => ({
      text: filters.text ?? '',
      ...(await pageServices().evidence.listCaptureRows({ ...filters, limit })),
    }),
    [filters, limit],
    { keepWhileLoading: true },
  );
  const captures = listed?.rows;
  // The bundle checker's code is read once the first screen is in and the page is idle (issue #17).
  const [panelsBelow, setPanelsBelow] = useState(false);
  const firstScreenIn = captures !== undefined || tab !== 'captures';
  useEffect(() => {
    if (!firstScreenIn) return;
    const idle = requestIdleCallback(() => setPanelsBelow(true), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [firstScreenIn]);
  // The open capture alone is folded with its history.
  const { value: openView, error: openError } = useLiveStore(
    async () => (openId ? ((await pageServices().evidence.getCapture(openId)) ?? null) : null),
    [openId],
  );
  useEffect(() => {
    // Links between sections (a case's captures) and the browser's Back move through the hash.
    const onHash = () => {
      setOpenId(openCaptureId());
      setCaseId(hashParam('case'));
      const named = sectionInHash();
      if (openCaptureId()) setTab('captures');
      else if (hashParam('case')) setTab('cases');
      else if (named) setTab(named);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const open = (id: string | undefined) => {
    location.hash = id ? `capture=${id}` : '';
    setOpenId(id);
  };
  const toggle = (id: string) => setSelected((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  // Selects or clears the rows shown; a selection made under other filters stays.
  const toggleAll = () =>
    setSelected((s) => {
      const shown = captures?.map((c) => c.metadata.id) ?? [];
      return shown.every((id) => s.has(id))
        ? new Set([...s].filter((id) => !shown.includes(id)))
        : new Set([...s, ...shown]);
    });

  return (
    <main className="dashboard">
      <h1>Exhibit</h1>
      <KeyReplacements replacements={replacedKeys} />
      <nav className="tabs row" aria-label="Sections">
        {SECTIONS.map(([section, label]) => (
          <button
            key={section}
            className={tab === section ? undefined : 'secondary'}
            aria-pressed={tab === section}
            onClick={() => {
              setNotice(undefined);
              setTab(section);
              // The address names the section, so a link to another (#tab=people) and a reload find it.
              if (!openId && !caseId) location.hash = section === 'captures' ? '' : `tab=${section}`;
            }}
          >
            {label}
          </button>
        ))}
      </nav>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {tab === 'responses' ? (
        <ResponseList />
      ) : tab === 'review' ? (
        <ReviewList />
      ) : tab === 'people' ? (
        <PersonSearch />
      ) : tab === 'cases' ? (
        caseId ? (
          <CasePage
            caseId={caseId}
            onClose={() => {
              location.hash = 'tab=cases';
              setCaseId(undefined);
            }}
            onErased={() => {
              setNotice(ERASED_NOTICE);
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
      ) : loadError || openError ? (
        <ErrorMessage error={loadError ?? openError} />
      ) : openId && openView === undefined ? (
        <p>Loading…</p>
      ) : openView ? (
        <CaptureDetail
          view={openView}
          onClose={() => open(undefined)}
          onErased={() => {
            const erased = openView.metadata.id;
            setSelected((s) => new Set([...s].filter((id) => id !== erased)));
            setNotice(ERASED_NOTICE);
            open(undefined);
          }}
        />
      ) : (
        <>
          {openId && <p role="alert">That capture is not in this installation.</p>}
          <ExportPanel selectedIds={[...selected]} />
          <CaptureFilters
            filters={filters}
            onChange={(next) => {
              setFilters(next);
              setLimit(CAPTURES_PER_WINDOW);
            }}
          />
          {captures === undefined ? (
            <p>Loading…</p>
          ) : (
            <CaptureList
              captures={captures}
              more={listed?.more ?? false}
              busy={stale}
              resultsFor={listed?.text ?? ''}
              filtered={Object.values(filters).some(Boolean)}
              onShowMore={() => setLimit((shown) => shown + CAPTURES_PER_WINDOW)}
              selected={selected}
              onToggle={toggle}
              onToggleAll={toggleAll}
              onOpen={open}
            />
          )}
        </>
      )}
      {panelsBelow ? (
        <Suspense fallback={<p>Loading the bundle checker…</p>}>
          <VerifyPanel />
        </Suspense>
      ) : (
        <p>Loading the bundle checker…</p>
      )}
      <ImportPanel />
    </main>
  );
}
