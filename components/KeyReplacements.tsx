import { readableFingerprint } from '@/lib/bundle/signing';
import type { KeyReplacement } from '@/lib/store/signingKey';

/**
 * Each time the stored signing key could not be used and a new one was made (issue #15): when, why,
 * and the old and new fingerprints, so the school can tell a recipient why its bundles changed key.
 */
export function KeyReplacements({ replacements }: { replacements: readonly KeyReplacement[] }) {
  if (replacements.length === 0) return null;
  return (
    <div className="warning" data-testid="key-replaced">
      {replacements.map((r) => (
        <p key={r.atUtc + r.newFingerprint}>
          On {r.atUtc.slice(0, 10)} ({r.atUtc} UTC) Exhibit made a new signing key, because {r.reason}. Bundles exported
          before then were signed with{' '}
          {r.oldFingerprint ? (
            <code>{readableFingerprint(r.oldFingerprint)}</code>
          ) : (
            'a key whose fingerprint could not be read'
          )}
          ; from then on with <code>{readableFingerprint(r.newFingerprint)}</code>. This is recorded in the audit log.
          Tell anyone who checks your bundles against the old fingerprint.
        </p>
      ))}
    </div>
  );
}
