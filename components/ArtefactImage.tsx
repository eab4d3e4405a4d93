import { useEffect, useState } from 'react';
import { pageServices } from '@/lib/browser/pageServices';

/** Shows a stored image (an original artefact, or a redacted copy) straight from IndexedDB. */
export function ArtefactImage({ captureId, fileName, alt, className, redactedCopy = false, onLoad }: { captureId: string; fileName: string; alt: string; className?: string; redactedCopy?: boolean; onLoad?(image: HTMLImageElement): void }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let live = true;
    const services = pageServices();
    void (redactedCopy ? services.redactions.getCopy(captureId, fileName) : services.evidence.getFile(captureId, fileName))
      .then((row) => {
        if (!row || !live) return;
        objectUrl = URL.createObjectURL(row.blob);
        setUrl(objectUrl);
      });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [captureId, fileName, redactedCopy]);
  return url ? <img src={url} alt={alt} className={className} onLoad={(e) => onLoad?.(e.currentTarget)} /> : <span className="help">Loading image…</span>;
}
