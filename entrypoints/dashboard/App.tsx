import { useCallback, useEffect, useState } from 'react';
import { CaptureDetail } from '@/components/CaptureDetail';
import { CaptureList } from '@/components/CaptureList';
import { ExportPanel } from '@/components/ExportPanel';
import { VerifyPanel } from '@/components/VerifyPanel';
import { pageServices } from '@/lib/browser/pageServices';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import './dashboard.css';

const openCaptureId = () => new URLSearchParams(location.hash.slice(1)).get('capture') ?? undefined;

export function App() {
  const [captures, setCaptures] = useState<CaptureView[]>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState(openCaptureId);

  const reload = useCallback(() => pageServices().evidence.listCaptures().then(setCaptures), []);
  useEffect(() => {
    void reload();
    const onHash = () => setOpenId(openCaptureId());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [reload]);

  const open = (id: string | undefined) => {
    location.hash = id ? `capture=${id}` : '';
    setOpenId(id);
  };
  const toggle = (id: string) => setSelected((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  const toggleAll = () => setSelected((s) => (captures && s.size === captures.length ? new Set() : new Set(captures?.map((c) => c.metadata.id))));
  const openView = captures?.find((c) => c.metadata.id === openId);

  return (
    <main className="dashboard">
      <h1>Exhibit — captures</h1>
      {captures === undefined && <p>Loading…</p>}
      {openView ? (
        <CaptureDetail view={openView} onClose={() => open(undefined)} onChanged={() => void reload()} />
      ) : (
        captures && (
          <>
            <ExportPanel selectedIds={[...selected]} />
            <CaptureList captures={captures} selected={selected} onToggle={toggle} onToggleAll={toggleAll} onOpen={open} />
          </>
        )
      )}
      <VerifyPanel />
    </main>
  );
}
