import { useEffect, useState, type SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { pageServices } from '@/lib/browser/pageServices';
import { requestOrigins } from '@/lib/browser/hostPermission';
import { originPatternOf, type TimestampSettings } from '@/lib/timestamp/settings';
import { useAction } from './useAction';

/**
 * Trusted timestamps (issue #20): off until the school turns them on and names its time-stamp
 * authorities, each with the certificate its tokens must chain to. Turning on asks the browser for
 * access to those addresses only, at that moment. Only SHA-256 digests are ever sent.
 */
export function TimestampingField() {
  const [saved, setSaved] = useState<TimestampSettings>();
  const [url, setUrl] = useState('');
  const [certificatePem, setCertificatePem] = useState('');
  const { error, run } = useAction();
  useEffect(() => void pageServices().settings.getTimestamping().then(setSaved), []);
  if (!saved) return null;

  async function save(next: TimestampSettings) {
    return run(async () => {
      // Asked within the click: a browser grants host access only in answer to a person's gesture.
      if (next.enabled && !(await requestOrigins(next.authorities.map((a) => originPatternOf(a.url)))))
        throw new Error('The browser was not allowed to reach the time-stamp authority, so timestamps stay off.');
      setSaved(await pageServices().settings.saveTimestamping(next));
    });
  }
  async function add(event: SyntheticEvent) {
    event.preventDefault();
    if (!saved) return;
    if (await save({ ...saved, authorities: [...saved.authorities, { url: url.trim(), certificatePem }] })) {
      setUrl('');
      setCertificatePem('');
    }
  }

  return (
    <section aria-labelledby="timestamps-heading">
      <h2 id="timestamps-heading">Trusted timestamps</h2>
      <p className="help">
        Off unless you turn it on. When on, right after each capture Exhibit sends a time-stamp authority (RFC 3161) the
        SHA-256 digest of the capture’s record — never the screenshot, the page or any text — and keeps the signed token
        it returns, which proves the record existed at that time whatever this computer’s clock says. Bundles carry the
        tokens; anyone can check them offline. Schools use a free authority such as FreeTSA or one from a certificate
        company (DigiCert, Sectigo, GlobalSign). For each, give its address and its root certificate (PEM) as the
        authority publishes it.
      </p>
      {saved.authorities.length > 0 && (
        <ul data-testid="timestamp-authorities">
          {saved.authorities.map((authority) => (
            <li key={authority.url}>
              <code>{authority.url}</code>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void save({
                    enabled: saved.enabled && saved.authorities.length > 1,
                    authorities: saved.authorities.filter((a) => a !== authority),
                  })
                }
                aria-label={`Remove the time-stamp authority ${authority.url}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)}>
        <label htmlFor="tsa-url">Time-stamp authority’s address</label>
        <input
          id="tsa-url"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://freetsa.org/tsr"
        />
        <label htmlFor="tsa-certificate">Its root certificate (PEM)</label>
        <textarea
          id="tsa-certificate"
          value={certificatePem}
          onChange={(e) => setCertificatePem(e.target.value)}
          placeholder="-----BEGIN CERTIFICATE-----"
        />
        <div className="row">
          <button type="submit" className="secondary">
            Add authority
          </button>
        </div>
      </form>
      <div className="row">
        <label>
          <input
            id="timestamps-enabled"
            type="checkbox"
            checked={saved.enabled}
            onChange={(e) => void save({ ...saved, enabled: e.target.checked })}
          />{' '}
          Time-stamp each capture (only its digest leaves this computer)
        </label>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
