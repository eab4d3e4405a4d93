import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export type Sha256Hex = string;
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * SHA-256 of bytes or text, synchronously. Synchronous on purpose: the audit chain is extended
 * inside an IndexedDB transaction, which commits itself if we await anything but IndexedDB.
 */
export function sha256Hex(data: Uint8Array | string): Sha256Hex {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/** SHA-256 of a Blob with WebCrypto, which is several times faster than JS for large images. */
export async function sha256OfBlob(blob: Blob): Promise<Sha256Hex> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return bytesToHex(new Uint8Array(digest));
}

export function shortHash(hash: Sha256Hex): string {
  return hash.slice(0, 12);
}
