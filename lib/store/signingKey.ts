import { z } from 'zod';
import {
  PublicKeyJwkSchema,
  createSigner,
  generateSigningKey,
  keyFingerprint,
  signerWorks,
  type BundleSigner,
} from '../bundle/signing';
import { SHA256_HEX } from '../hash';
import { appendAudit } from './auditLog';
import type { ExhibitDb } from './db';

const KEY = 'signingKey';
const REPLACEMENTS = 'signingKeyReplacements';
const StoredKeySchema = z.object({
  privateKey: z.instanceof(CryptoKey),
  publicKeyJwk: PublicKeyJwkSchema,
  createdAtUtc: z.iso.datetime(),
});
type StoredKey = z.infer<typeof StoredKeySchema>;

/** A key that could not be used and the one made in its place (issue #15); kept so it is said, not only logged. */
export const KeyReplacementSchema = z.object({
  atUtc: z.iso.datetime(),
  /** null when not even the stored public half could be read. */
  oldFingerprint: z.string().regex(SHA256_HEX).nullable(),
  newFingerprint: z.string().regex(SHA256_HEX),
  reason: z.string().max(2000),
});
export type KeyReplacement = z.infer<typeof KeyReplacementSchema>;

/** Who the audit log names for a replacement: no person chose it, the extension did. */
export const INSTALLATION_ACTOR = { name: 'Exhibit (this installation)', email: '' };

export type LoadedSigningKey = BundleSigner & { createdAtUtc: string; replacements: KeyReplacement[] };

/**
 * This installation's signing key (issue #5): made once, on first use, and kept in IndexedDB as a
 * non-extractable CryptoKey. Two pages asking at once get the same key: the first one stored wins.
 * A stored key that cannot be read or no longer signs as its public half says (a damaged profile,
 * a browser that lost the key) is never replaced silently: the replacement is recorded in the audit
 * log and kept with the old and new fingerprints, for the options page to show (issue #15).
 */
export async function loadSigningKey(db: ExhibitDb, clock: () => Date = () => new Date()): Promise<LoadedSigningKey> {
  const row = await db.settings.get(KEY);
  const parsed = StoredKeySchema.safeParse(row?.value);
  if (parsed.success) {
    const signer = createSigner(parsed.data.privateKey, parsed.data.publicKeyJwk);
    if (await signerWorks(signer))
      return { ...signer, createdAtUtc: parsed.data.createdAtUtc, replacements: await keyReplacements(db) };
  }
  const fresh: StoredKey = { ...(await generateSigningKey()), createdAtUtc: clock().toISOString() };
  const unusable = row === undefined ? undefined : describeUnusable(row.value, parsed.success);
  const stored = await db.transaction('rw', db.settings, db.audit, async () => {
    const now = await db.settings.get(KEY);
    // Another page got here first: its key (a first key, or the replacement of this same unusable one) stands.
    const theirs = StoredKeySchema.safeParse(now?.value);
    if (theirs.success && identity(now?.value) !== identity(row?.value)) return theirs.data;
    await db.settings.put({ key: KEY, value: fresh });
    if (unusable) {
      const replacement: KeyReplacement = {
        atUtc: fresh.createdAtUtc,
        oldFingerprint: unusable.oldFingerprint,
        newFingerprint: keyFingerprint(fresh.publicKeyJwk),
        reason: unusable.reason,
      };
      await db.settings.put({ key: REPLACEMENTS, value: [...(await keyReplacements(db)), replacement] });
      await appendAudit(db, clock(), INSTALLATION_ACTOR, { action: 'signing-key.replaced', ...replacement });
    }
    return fresh;
  });
  return {
    ...createSigner(stored.privateKey, stored.publicKeyJwk),
    createdAtUtc: stored.createdAtUtc,
    replacements: await keyReplacements(db),
  };
}

/** Which key a stored value is, as far as it can be read: its public half's fingerprint and when it was made. */
function identity(value: unknown): string {
  const { publicKeyJwk, createdAtUtc } = (value ?? {}) as { publicKeyJwk?: unknown; createdAtUtc?: unknown };
  const publicHalf = PublicKeyJwkSchema.safeParse(publicKeyJwk);
  return `${publicHalf.success ? keyFingerprint(publicHalf.data) : 'unreadable'} ${String(createdAtUtc)}`;
}

function describeUnusable(value: unknown, readable: boolean): { oldFingerprint: string | null; reason: string } {
  const publicHalf = PublicKeyJwkSchema.safeParse((value as { publicKeyJwk?: unknown } | null)?.publicKeyJwk);
  const oldFingerprint = publicHalf.success ? keyFingerprint(publicHalf.data) : null;
  if (readable)
    return {
      oldFingerprint,
      reason: 'the stored private key no longer signs as its public key says (the browser could not use it)',
    };
  return {
    oldFingerprint,
    reason: publicHalf.success ? 'the stored private key could not be read' : 'the stored key could not be read at all',
  };
}

/** The keys replaced so far, oldest first; read without loading (or making) a key. */
export async function keyReplacements(db: ExhibitDb): Promise<KeyReplacement[]> {
  const parsed = z.array(KeyReplacementSchema).safeParse((await db.settings.get(REPLACEMENTS))?.value ?? []);
  return parsed.success ? parsed.data : [];
}
