import { useEffect, useState, type SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import { parseFingerprint, readableFingerprint } from '@/lib/bundle/signing';
import type { TrustedSender } from '@/lib/store/settings';
import { useAction } from './useAction';

/**
 * The signing keys whose bundles this school expects (issue #15): the trust's DSL, colleagues at
 * other installations. Receiving a bundle shows whether its key is one of these.
 */
export function TrustedSendersField() {
  const [senders, setSenders] = useState<TrustedSender[]>();
  const [name, setName] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const { error, setError, run } = useAction();
  useEffect(() => void pageServices().settings.getTrustedSenders().then(setSenders), []);
  if (!senders) return null;

  async function save(next: TrustedSender[]) {
    return run(async () => {
      await pageServices().settings.saveTrustedSenders(next);
      setSenders(next);
    });
  }
  async function add(event: SyntheticEvent) {
    event.preventDefault();
    const key = parseFingerprint(fingerprint);
    if (!key) {
      setError(
        new Error(
          'A fingerprint is 64 hexadecimal digits (spaces between groups are fine): copy it from the sender’s Exhibit options.',
        ),
      );
      return;
    }
    if (await save([...(senders ?? []), { name: name.trim(), fingerprint: key }])) {
      setName('');
      setFingerprint('');
    }
  }

  return (
    <section aria-labelledby="trusted-heading">
      <h2 id="trusted-heading">Trusted senders</h2>
      <p className="help">
        The signing keys of the installations whose bundles you receive (the Designated Safeguarding Lead’s,
        colleagues’). Take each fingerprint from the sender in person or by phone, not from the bundle itself. Receiving
        a bundle from a key not on this list says so.
      </p>
      {senders.length > 0 && (
        <ul data-testid="trusted-senders">
          {senders.map((sender) => (
            <li key={sender.fingerprint}>
              {sender.name}: <code>{readableFingerprint(sender.fingerprint)}</code>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => void save(senders.filter((s) => s !== sender))}
                aria-label={`Remove ${sender.name} from the trusted senders`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} noValidate>
        <label htmlFor="trusted-name">Sender’s name</label>
        <input id="trusted-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="trusted-fingerprint">Their signing key fingerprint</label>
        <input
          id="trusted-fingerprint"
          className="fingerprint"
          autoComplete="off"
          spellCheck={false}
          value={fingerprint}
          onChange={(e) => setFingerprint(e.target.value)}
        />
        <ErrorMessage error={error} />
        <div className="row">
          <button type="submit">Add trusted sender</button>
        </div>
      </form>
    </section>
  );
}
