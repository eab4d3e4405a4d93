import { useState, type DragEvent } from 'react';
import { verifyBundle, type VerifyReport } from '@/lib/bundle/verify';

/** Drop or choose a bundle zip to check it, with the same verifier as `npm run verify`. */
export function VerifyPanel() {
  const [report, setReport] = useState<VerifyReport & { name: string }>();
  const [checking, setChecking] = useState<{ checked: number; of: number }>();
  const busy = checking !== undefined;

  async function check(file: File | undefined) {
    if (!file) return;
    setChecking({ checked: 0, of: 0 });
    setReport({ ...(await verifyBundle(file, (checked, of) => setChecking({ checked, of }))), name: file.name });
    setChecking(undefined);
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void check(event.dataTransfer.files[0]);
  };

  return (
    <section className="verify" aria-labelledby="verify-heading" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h2 id="verify-heading">Check a bundle</h2>
      <p className="help">Drop an Exhibit bundle (.zip) here, or choose one. Nothing is uploaded: the check runs in this browser.</p>
      <input type="file" accept=".zip,application/zip" aria-label="Choose a bundle to check" onChange={(e) => void check(e.target.files?.[0])} />
      {checking && (
        <p role="status">
          {checking.of ? `Checking file ${checking.checked} of ${checking.of}…` : 'Checking…'} {checking.of > 0 && <progress max={checking.of} value={checking.checked} aria-label="Check progress" />}
        </p>
      )}
      {report && !busy && (
        <div className={report.ok ? 'success' : 'error'} role="status" data-testid="verify-result">
          {report.ok ? (
            <p>
              PASS — {report.name}: {report.filesChecked} files match their SHA-256; the audit chain is intact.
            </p>
          ) : (
            <>
              <p>FAIL — {report.name}: {report.failures.length} problem(s)</p>
              <ul>
                {report.failures.map((f, i) => (
                  <li key={i}>{f}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
