import { z } from 'zod';
import { canonicalJson } from '../canonicalJson';
import { SHA256_HEX, sha256Hex } from '../hash';
import { MANIFEST_PATH } from './manifest';

export const DIGEST_PATH = 'manifest.digest.json';
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export const PublicKeyJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
});
export type PublicKeyJwk = z.infer<typeof PublicKeyJwkSchema>;

/**
 * `manifest.digest.json` (issue #5): the manifest's SHA-256 and an ECDSA P-256 signature over the
 * manifest file's bytes, with the public key that checks it. Shaped like WACZ's datapackage-digest.
 */
export const ManifestDigestSchema = z.object({
  format: z.literal('exhibit-manifest-digest'),
  formatVersion: z.literal(1),
  manifest: z.object({ path: z.literal(MANIFEST_PATH), sha256: z.string().regex(SHA256_HEX) }),
  signature: z.object({
    algorithm: z.literal('ECDSA-P256-SHA256'),
    keyFingerprint: z.string().regex(SHA256_HEX),
    publicKeyJwk: PublicKeyJwkSchema,
    /** The signature, IEEE P1363 (r ‖ s, 64 bytes), base64. */
    value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  }),
});
export type ManifestDigest = z.infer<typeof ManifestDigestSchema>;

/** Signs bundles with this installation's key: the private half never leaves WebCrypto. */
export interface BundleSigner {
  publicKeyJwk: PublicKeyJwk;
  fingerprint: string;
  sign(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

/** A key's fingerprint: SHA-256 of its public JWK's canonical JSON; what the school records as theirs. */
export function keyFingerprint(jwk: PublicKeyJwk): string {
  return sha256Hex(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));
}

/** A new key pair whose private key cannot be exported, and its public JWK. */
export async function generateSigningKey(): Promise<{ privateKey: CryptoKey; publicKeyJwk: PublicKeyJwk }> {
  const pair = await crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    privateKey: pair.privateKey,
    publicKeyJwk: PublicKeyJwkSchema.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }),
  };
}

export function createSigner(privateKey: CryptoKey, publicKeyJwk: PublicKeyJwk): BundleSigner {
  return {
    publicKeyJwk,
    fingerprint: keyFingerprint(publicKeyJwk),
    sign: async (bytes) => new Uint8Array(await crypto.subtle.sign(SIGN, privateKey, bytes)),
  };
}

export async function signManifest(
  signer: BundleSigner,
  manifestBytes: Uint8Array<ArrayBuffer>,
): Promise<ManifestDigest> {
  const signature = await signer.sign(manifestBytes);
  return {
    format: 'exhibit-manifest-digest',
    formatVersion: 1,
    manifest: { path: MANIFEST_PATH, sha256: sha256Hex(manifestBytes) },
    signature: {
      algorithm: 'ECDSA-P256-SHA256',
      keyFingerprint: signer.fingerprint,
      publicKeyJwk: signer.publicKeyJwk,
      value: btoa(String.fromCharCode(...signature)),
    },
  };
}

/** Every problem with a digest, in plain words; empty when the manifest is the one that was signed. */
export async function checkManifestDigest(
  digest: ManifestDigest,
  manifestBytes: Uint8Array<ArrayBuffer>,
): Promise<string[]> {
  const failures: string[] = [];
  if (digest.manifest.sha256 !== sha256Hex(manifestBytes))
    failures.push(`${DIGEST_PATH}: manifest.json is not the manifest whose SHA-256 it records`);
  if (keyFingerprint(digest.signature.publicKeyJwk) !== digest.signature.keyFingerprint)
    failures.push(`${DIGEST_PATH}: the key fingerprint does not belong to the public key given`);
  try {
    const key = await crypto.subtle.importKey('jwk', { ...digest.signature.publicKeyJwk, ext: true }, ECDSA, false, [
      'verify',
    ]);
    const signature = Uint8Array.from(atob(digest.signature.value), (c) => c.charCodeAt(0));
    if (!(await crypto.subtle.verify(SIGN, key, signature, manifestBytes)))
      failures.push(`${DIGEST_PATH}: the signature does not match manifest.json`);
  } catch {
    failures.push(`${DIGEST_PATH}: the public key or signature cannot be read`);
  }
  return failures;
}

/**
 * Whether a stored key still signs as its public half says: a probe signed with the private key is
 * checked with the public one. Fails (never throws) when the browser cannot use the key at all.
 */
export async function signerWorks(signer: BundleSigner): Promise<boolean> {
  try {
    const probe = new TextEncoder().encode('exhibit signing key check');
    const key = await crypto.subtle.importKey('jwk', { ...signer.publicKeyJwk, ext: true }, ECDSA, false, ['verify']);
    return await crypto.subtle.verify(SIGN, key, (await signer.sign(probe)) as Uint8Array<ArrayBuffer>, probe);
  } catch {
    return false;
  }
}

/** A fingerprint in groups of four hex digits, as a person reads it aloud or compares it on paper. */
export function readableFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A fingerprint as someone types or pastes it (any case, spaces, colons or dashes between groups),
 * or undefined when it is not a whole SHA-256 fingerprint.
 */
export function parseFingerprint(text: string): string | undefined {
  const hex = text
    .trim()
    .toLowerCase()
    .replace(/[\s:-]/g, '');
  return SHA256_HEX.test(hex) ? hex : undefined;
}
