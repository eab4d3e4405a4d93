import { useRef, useState, type DragEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { chosenFolder, setAsideNote } from '@/lib/bundle/bundleFolder';
import { verifyBundle, verifyEntries, type VerifyProgress, type VerifyReport } from '@/lib/bundle/verify';
import { errorMessage } from '@/lib/errors';

type Checked = { name: string } & ({ report: VerifyReport; note?: string } | { cancelled: true } | { error: unknown });
type Check = (onProgress: VerifyProgress, signal: AbortSignal) => Promise<VerifyReport>;

/** Drop or choose a bundle zip, or choose its unzipped folder, to check it with the same verifier as `npm run verify`. */
export function VerifyPanel() {
  const [checked, setChecked] = useState<Checked>();
  const [checking, setChecking] = useState<{ checked: number; of: number }>();
  const controller = useRef<AbortController>(undefined);
  const busy = checking !== undefined;

  async function run(name: string, check: Check, note?: string) {
    if (busy) return;
    controller.current = new AbortController();
    const { signal } = controller.current;
    setChecked(undefined);
    setChecking({ checked: 0, of: 0 });
    try {
      setChecked({ name, report: await check((checked, of) => setChecking({ checked, of }), signal), note });
    } catch (error) {
      // A file deleted or changed on disk while it is read cannot be checked: say so, not hang.
      setChecked(signal.aborted ? { name, cancelled: true } : { name, error });
    } finally {
      setChecking(undefined);
    }
  }
  const checkZip = async (file: File | undefined) => {
    if (file) await run(file.name, (onProgress, signal) => verifyBundle(file, onProgress, signal));
  };
  const checkFolder = async (files: FileList | null) => {
    if (!files?.length) return;
    const { name, entries, setAside } = chosenFolder(files);
    await run(name, (onProgress, signal) => verifyEntries(entries, onProgress, signal), setAsideNote(setAside));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void checkZip(event.dataTransfer.files[0]);
  };

  return (
    <section className="verify" aria-labelledby="verify-heading" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h2 id="verify-heading">Check a bundle</h2>
      <p className="help">Drop an Exhibit bundle (.zip) here, or choose one or its unzipped folder. Nothing is uploaded: the check runs in this browser.</p>
      <div className="row">
        <input
          type="file"
          accept=".zip,application/zip"
          aria-label="Choose a bundle to check"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            void checkZip(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
        <input
          type="file"
          ref={(input) => input?.setAttribute('webkitdirectory', '')}
          aria-label="Choose an unzipped bundle folder to check"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            void checkFolder(input.files).finally(() => (input.value = ''));
          }}
        />
      </div>
      {checking && (
        <p role="status">
          {checking.of ? `Checking file ${checking.checked} of ${checking.of}…` : 'Checking…'} {checking.of > 0 && <progress max={checking.of} value={checking.checked} aria-label="Check progress" />}{' '}
          <button className="secondary" onClick={() => controller.current?.abort()}>
            Cancel check
          </button>
        </p>
      )}
      {checked && 'cancelled' in checked && <p role="status">Check of {checked.name} cancelled: no verdict was reached.</p>}
      {checked && 'error' in checked && <ErrorMessage error={new Error(`${checked.name} could not be checked: ${errorMessage(checked.error)}`)} />}
      {checked && 'report' in checked && <Verdict name={checked.name} report={checked.report} note={checked.note} />}
    </section>
  );
}

function Verdict({ name, report, note }: { name: string; report: VerifyReport; note?: string }) {
  return (
    <div className={report.ok ? 'success' : 'error'} role="status" data-testid="verify-result">
      {report.ok ? (
        <p>
          PASS — {name}: {report.filesChecked} files match their SHA-256; the audit chain is intact.
        </p>
      ) : (
        <>
          <p>
            FAIL — {name}: {report.failures.length} problem(s)
          </p>
          <ul>
            {report.failures.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </>
      )}
      {note && <p className="help">{note}</p>}
    </div>
  );
}
