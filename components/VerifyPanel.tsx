import { useRef, useState, type DragEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { parseFingerprint } from '@/lib/bundle/signing';
import { describeCheck, folderCheck, runCheck, zipCheck, type CheckWords, type NamedCheck } from '@/lib/bundle/verdict';

/** Drop or choose a bundle zip, or choose its unzipped folder, to check it with the same verifier as `npm run verify`. */
export function VerifyPanel() {
  const [checked, setChecked] = useState<CheckWords>();
  const [checking, setChecking] = useState<{ checked: number; of: number }>();
  const [expectedKey, setExpectedKey] = useState('');
  const pinned = parseFingerprint(expectedKey);
  const keyProblem = expectedKey.trim() !== '' && !pinned;
  const controller = useRef<AbortController>(undefined);
  const busy = checking !== undefined;

  async function run({ name, check, note }: NamedCheck) {
    if (busy || keyProblem) return;
    controller.current = new AbortController();
    setChecked(undefined);
    setChecking({ checked: 0, of: 0 });
    const outcome = await runCheck(check, (checked, of) => setChecking({ checked, of }), controller.current.signal);
    setChecked(describeCheck(name, outcome, note));
    setChecking(undefined);
  }
  const checkZip = async (file: File | undefined) => {
    if (file) await run(zipCheck(file, pinned));
  };
  const checkFolder = async (files: FileList | null) => {
    if (files?.length) await run(await folderCheck(files, pinned));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void checkZip(event.dataTransfer.files[0]);
  };

  return (
    <section className="verify" aria-labelledby="verify-heading" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h2 id="verify-heading">Check a bundle</h2>
      <p className="help">
        Drop an Exhibit bundle (.zip) here, or choose one or its unzipped folder. Nothing is uploaded: the check runs in
        this browser.
      </p>
      <label htmlFor="expected-key">
        The sender’s signing key fingerprint (optional: with it, a bundle signed by any other key fails)
      </label>
      <input
        id="expected-key"
        className="fingerprint"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={expectedKey}
        aria-invalid={keyProblem || undefined}
        aria-describedby={keyProblem ? 'expected-key-problem' : undefined}
        onChange={(e) => setExpectedKey(e.currentTarget.value)}
      />
      {keyProblem && (
        <p id="expected-key-problem" className="field-problem">
          A fingerprint is 64 hexadecimal digits (spaces between groups are fine). Correct it or leave it empty to
          check.
        </p>
      )}
      <div className="row">
        <label className="file-choice">
          Choose a bundle to check
          <input
            type="file"
            accept=".zip,application/zip"
            disabled={busy || keyProblem}
            onChange={(e) => {
              const input = e.currentTarget;
              void checkZip(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
        <label className="file-choice">
          Choose an unzipped bundle folder to check
          <input
            type="file"
            ref={(input) => input?.setAttribute('webkitdirectory', '')}
            disabled={busy || keyProblem}
            onChange={(e) => {
              const input = e.currentTarget;
              void checkFolder(input.files).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {checking && (
        <p role="status">
          {checking.of ? `Checking file ${checking.checked} of ${checking.of}…` : 'Checking…'}{' '}
          {checking.of > 0 && <progress max={checking.of} value={checking.checked} aria-label="Check progress" />}{' '}
          <button className="secondary" onClick={() => controller.current?.abort()}>
            Cancel check
          </button>
        </p>
      )}
      {checked?.tone === 'stopped' && <p role="status">{checked.heading}</p>}
      {checked &&
        checked.tone !== 'stopped' &&
        (checked.lines.length ? <Verdict words={checked} /> : <ErrorMessage error={new Error(checked.heading)} />)}
    </section>
  );
}

function Verdict({ words }: { words: CheckWords }) {
  return (
    <div className={words.tone === 'pass' ? 'success' : 'error'} role="status" data-testid="verify-result">
      <p>{words.heading}</p>
      <ul>
        {words.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {words.note && <p className="help">{words.note}</p>}
    </div>
  );
}
