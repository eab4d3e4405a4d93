import { z } from 'zod';
import { PublicKeyJwkSchema, createSigner, generateSigningKey, type BundleSigner } from '../bundle/signing';
import type { ExhibitDb } from './db';

const KEY = 'signingKey';
const StoredKeySchema = z.object({ privateKey: z.instanceof(CryptoKey), publicKeyJwk: PublicKeyJwkSchema, createdAtUtc: z.iso.datetime() });

/**
 * This installation's signing key (issue #5): made once, on first use, and kept in IndexedDB as a
 * non-extractable CryptoKey. Two pages asking at once get the same key: the first one stored wins.
 */
export async function loadSigningKey(db: ExhibitDb, clock: () => Date = () => new Date()): Promise<BundleSigner & { createdAtUtc: string }> {
  const read = async () => {
    const parsed = StoredKeySchema.safeParse((await db.settings.get(KEY))?.value);
    return parsed.success ? parsed.data : undefined;
  };
  let stored = await read();
  if (!stored) {
    const fresh = { ...(await generateSigningKey()), createdAtUtc: clock().toISOString() };
    stored = await db.transaction('rw', db.settings, async () => {
      const existing = await read();
      if (existing) return existing;
      await db.settings.put({ key: KEY, value: fresh });
      return fresh;
    });
  }
  return { ...createSigner(stored.privateKey, stored.publicKeyJwk), createdAtUtc: stored.createdAtUtc };
}
