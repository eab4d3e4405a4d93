import { useEffect, useState } from 'react';
import { pageServices } from '@/lib/browser/pageServices';

/** Shows a stored image artefact (thumbnail or screenshot) straight from IndexedDB. */
export function ArtefactImage({ captureId, fileName, alt, className }: { captureId: string; fileName: string; alt: string; className?: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let live = true;
    void pageServices()
      .evidence.getFile(captureId, fileName)
      .then((row) => {
        if (!row || !live) return;
        objectUrl = URL.createObjectURL(row.blob);
        setUrl(objectUrl);
      });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [captureId, fileName]);
  return url ? <img src={url} alt={alt} className={className} /> : <span className="help">Loading image…</span>;
}
