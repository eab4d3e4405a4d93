import { describe, expect, it } from 'vitest';
import {
  checkManifestDigest,
  createSigner,
  generateSigningKey,
  keyFingerprint,
  signManifest,
} from '@/lib/bundle/signing';
import { verifyBundle } from '@/lib/bundle/verify';
import { findChainBreaks } from '@/lib/audit';
import { ExhibitDb, loadSigningKey } from '@/lib/store';
import { STAFF, form, testWorld } from '../fixtures';
import { fromUtf8, rezip, utf8 } from './zipFixtures';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('manifest signature', () => {
  it('signs the manifest’s bytes and checks them with the public key it carries', async () => {
    const key = await generateSigningKey();
    const signer = createSigner(key.privateKey, key.publicKeyJwk);
    const digest = await signManifest(signer, bytes('{"a":1}'));
    expect(digest.signature.keyFingerprint).toBe(keyFingerprint(key.publicKeyJwk));
    expect(await checkManifestDigest(digest, bytes('{"a":1}'))).toEqual([]);
    expect(await checkManifestDigest(digest, bytes('{"a":2}'))).toEqual([
      'manifest.digest.json: manifest.json is not the manifest whose SHA-256 it records',
      'manifest.digest.json: the signature does not match manifest.json',
    ]);
  });

  it('refuses a signature by another key passed off under this key’s fingerprint', async () => {
    const [ours, theirs] = [await generateSigningKey(), await generateSigningKey()];
    const digest = await signManifest(createSigner(theirs.privateKey, theirs.publicKeyJwk), bytes('m'));
    const forged = { ...digest, signature: { ...digest.signature, keyFingerprint: keyFingerprint(ours.publicKeyJwk) } };
    expect(await checkManifestDigest(forged, bytes('m'))).toContain(
      'manifest.digest.json: the key fingerprint does not belong to the public key given',
    );
  });

  it('keeps one non-extractable key per installation, made once even when asked twice at once', async () => {
    const db = new ExhibitDb(`signing-${crypto.randomUUID()}`);
    const [a, b] = await Promise.all([loadSigningKey(db), loadSigningKey(db)]);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect((await loadSigningKey(db)).fingerprint).toBe(a.fingerprint);
    const stored = (await db.settings.get('signingKey'))!.value as { privateKey: CryptoKey };
    expect(stored.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', stored.privateKey)).rejects.toThrow();
  });

  it('makes no audit entry and reports no replacement for a key that loads', async () => {
    const db = new ExhibitDb(`signing-${crypto.randomUUID()}`);
    await loadSigningKey(db);
    expect((await loadSigningKey(db)).replacements).toEqual([]);
    expect(await db.audit.count()).toBe(0);
  });

  it.each([
    [
      'cannot be read at all',
      () => ({ privateKey: 'lost', publicKeyJwk: null, createdAtUtc: 'x' }),
      null,
      'the stored key could not be read at all',
    ],
    [
      'has lost its private half',
      (old: Awaited<ReturnType<typeof generateSigningKey>>) => ({
        privateKey: {},
        publicKeyJwk: old.publicKeyJwk,
        createdAtUtc: '2026-01-01T00:00:00.000Z',
      }),
      'old',
      'the stored private key could not be read',
    ],
    [
      'no longer signs as its public half says',
      async (old: Awaited<ReturnType<typeof generateSigningKey>>) => ({
        privateKey: (await generateSigningKey()).privateKey,
        publicKeyJwk: old.publicKeyJwk,
        createdAtUtc: '2026-01-01T00:00:00.000Z',
      }),
      'old',
      'the stored private key no longer signs as its public key says (the browser could not use it)',
    ],
  ] as const)(
    'replaces a stored key that %s, and says so: audit entry, old and new fingerprints, once when asked twice at once',
    async (_case, storedValue, oldFingerprint, reason) => {
      const db = new ExhibitDb(`signing-${crypto.randomUUID()}`);
      const old = await generateSigningKey();
      await db.settings.put({ key: 'signingKey', value: await storedValue(old) });
      // Both on the same clock: either may win the race to replace it, and the record must not depend on which.
      const clock = () => new Date('2026-12-06T10:00:00Z');
      const [a, b] = await Promise.all([loadSigningKey(db, clock), loadSigningKey(db, clock)]);
      expect(a.fingerprint).toBe(b.fingerprint);
      const replacement = {
        atUtc: '2026-12-06T10:00:00.000Z',
        oldFingerprint: oldFingerprint && keyFingerprint(old.publicKeyJwk),
        newFingerprint: a.fingerprint,
        reason,
      };
      expect(a.replacements).toEqual([replacement]);
      expect((await loadSigningKey(db)).replacements).toEqual([replacement]);
      const audit = await db.audit.toArray();
      expect(audit.map((e) => e.event)).toEqual([{ action: 'signing-key.replaced', ...replacement }]);
      expect(audit[0]!.actor).toEqual({ name: 'Exhibit (this installation)', email: '' });
      expect(findChainBreaks(audit)).toEqual([]);
      // The new key signs, and a bundle made with it verifies.
      expect(await checkManifestDigest(await signManifest(a, bytes('m')), bytes('m'))).toEqual([]);
    },
  );

  it('every exported bundle is signed; a replaced digest or a missing one fails verification', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const { zip } = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const report = await verifyBundle(zip);
    expect(report).toMatchObject({ ok: true, signedBy: (await loadSigningKey(world.db)).fingerprint });

    const other = await generateSigningKey();
    const resigned = await rezip(zip, (files) => {
      const digest = JSON.parse(fromUtf8(files.get('manifest.digest.json')));
      digest.signature.publicKeyJwk = other.publicKeyJwk;
      digest.signature.keyFingerprint = keyFingerprint(other.publicKeyJwk);
      files.set('manifest.digest.json', utf8(JSON.stringify(digest)));
    });
    expect((await verifyBundle(resigned)).failures).toContain(
      'manifest.digest.json: the signature does not match manifest.json',
    );
    const unsigned = await rezip(zip, (files) => void files.delete('manifest.digest.json'));
    expect((await verifyBundle(unsigned)).failures).toContain(
      'manifest.digest.json is missing: the manifest is not signed',
    );
  });
});
