import { useEffect, useState } from 'react';
import type { ArtefactKind } from '@/lib/capture/metadata';
import { pageServices } from '@/lib/browser/pageServices';

/** Shows a stored image artefact (thumbnail or screenshot) straight from IndexedDB. */
export function ArtefactImage({ captureId, kind, alt }: { captureId: string; kind: ArtefactKind; alt: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let live = true;
    void pageServices()
      .evidence.getArtefact(captureId, kind)
      .then((row) => {
        if (!row || !live) return;
        objectUrl = URL.createObjectURL(row.blob);
        setUrl(objectUrl);
      });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [captureId, kind]);
  return url ? <img src={url} alt={alt} className={`artefact-${kind}`} /> : <span className="help">Loading image…</span>;
}
