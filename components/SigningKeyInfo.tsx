import { readableFingerprint } from '@/lib/bundle/signing';
import { useEffect, useState } from 'react';
import { pageServices } from '@/lib/browser/pageServices';
import type { LoadedSigningKey } from '@/lib/store/signingKey';
import { KeyReplacements } from './KeyReplacements';

/** This installation's signing key, so the school can record which fingerprint is theirs (issue #5). */
export function SigningKeyInfo() {
  const [key, setKey] = useState<LoadedSigningKey>();
  useEffect(() => void pageServices().signingKey().then(setKey), []);
  if (!key) return null;
  return (
    <section aria-labelledby="key-heading">
      <h2 id="key-heading">Signing key</h2>
      <KeyReplacements replacements={key.replacements} />
      <p className="help">
        Every bundle exported from this browser is signed with a key made here on {key.createdAtUtc.slice(0, 10)}; its
        private half cannot be copied out. Record this fingerprint, so anyone can check that a bundle came from this
        installation.
      </p>
      <p>
        Fingerprint (SHA-256): <code data-testid="key-fingerprint">{key.fingerprint}</code>
      </p>
      <p>
        In groups of four, to read aloud or write down:{' '}
        <code data-testid="key-fingerprint-groups">{readableFingerprint(key.fingerprint)}</code>
      </p>
    </section>
  );
}
