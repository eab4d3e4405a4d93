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

/** SHA-256 of bytes with WebCrypto, which is several times faster than JS for large images. */
export async function sha256OfBytes(bytes: Uint8Array | ArrayBuffer): Promise<Sha256Hex> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

export async function sha256OfBlob(blob: Blob): Promise<Sha256Hex> {
  return sha256OfBytes(await blob.arrayBuffer());
}

export function shortHash(hash: Sha256Hex): string {
  return hash.slice(0, 12);
}
