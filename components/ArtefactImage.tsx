import { useEffect, useState } from 'react';
import { pageServices } from '@/lib/browser/pageServices';

/**
 * Shows a stored image (an original artefact, or a redacted copy) straight from IndexedDB. Given
 * `sha256`, it shows the image only when the stored file is that one, and says so otherwise.
 */
export function ArtefactImage({
  captureId,
  fileName,
  alt,
  className,
  redactedCopy = false,
  sha256,
  onLoad,
}: {
  captureId: string;
  fileName: string;
  alt: string;
  className?: string;
  redactedCopy?: boolean;
  sha256?: string;
  onLoad?: (image: HTMLImageElement) => void;
}) {
  const [shown, setShown] = useState<{ url: string } | { absent: true }>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let live = true;
    const services = pageServices();
    void (
      redactedCopy ? services.redactions.getCopy(captureId, fileName) : services.evidence.getFile(captureId, fileName)
    ).then((row) => {
      if (!live) return;
      if (!row || (sha256 !== undefined && row.sha256 !== sha256)) {
        setShown({ absent: true });
        return;
      }
      objectUrl = URL.createObjectURL(row.blob);
      setShown({ url: objectUrl });
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [captureId, fileName, redactedCopy, sha256]);
  if (!shown) return <span className="help">Loading image…</span>;
  if ('absent' in shown) return <span className="help">{fileName} is not stored in this installation.</span>;
  return <img src={shown.url} alt={alt} className={className} onLoad={(e) => onLoad?.(e.currentTarget)} />;
}
