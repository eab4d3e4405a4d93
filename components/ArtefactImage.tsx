import { useEffect, useRef, useState } from 'react';
import { pageServices } from '@/lib/browser/pageServices';

/**
 * Shows a stored image (an original artefact, or a redacted copy) straight from IndexedDB. Given
 * `sha256`, it shows the image only when the stored file is that one, and says so otherwise. With
 * `whenVisible`, nothing is read until it comes into view (issue #17: a list of thousands reads the
 * thumbnails on screen, not all of them).
 */
export function ArtefactImage({
  captureId,
  fileName,
  alt,
  className,
  redactedCopy = false,
  sha256,
  onLoad,
  whenVisible = false,
}: {
  captureId: string;
  fileName: string;
  alt: string;
  className?: string;
  redactedCopy?: boolean;
  sha256?: string;
  onLoad?: (image: HTMLImageElement) => void;
  whenVisible?: boolean;
}) {
  const [shown, setShown] = useState<{ url: string } | { absent: true }>();
  const placeholder = useRef<HTMLSpanElement>(null);
  // Where a page has no IntersectionObserver (a test's DOM), the image is read at once.
  const [inView, setInView] = useState(!whenVisible || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = placeholder.current;
    if (inView || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setInView(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [inView]);
  useEffect(() => {
    if (!inView) return;
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
  }, [captureId, fileName, redactedCopy, sha256, inView]);
  if (!shown)
    return (
      <span className="help" ref={placeholder}>
        Loading image…
      </span>
    );
  if ('absent' in shown) return <span className="help">{fileName} is not stored in this installation.</span>;
  return <img src={shown.url} alt={alt} className={className} onLoad={(e) => onLoad?.(e.currentTarget)} />;
}
