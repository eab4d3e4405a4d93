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

// A Blob's bytes cannot change, so its hash is worked out once: a capture's files are hashed for
// the metadata and checked again by the store before writing, on the click → stored path (issue #3).
const blobHashes = new WeakMap<Blob, Promise<Sha256Hex>>();

/** SHA-256 of a Blob: read whole when small, chunk by chunk when large (never all in memory). */
export function sha256OfBlob(blob: Blob): Promise<Sha256Hex> {
  let hash = blobHashes.get(blob);
  if (!hash) {
    hash =
      blob.size <= WHOLE_FILE_HASH_LIMIT
        ? blob.arrayBuffer().then(sha256OfBytes)
        : sha256OfStream(blob.stream()).then((r) => r.sha256);
    blobHashes.set(blob, hash);
    hash.catch(() => blobHashes.delete(blob)); // a failed read is tried afresh next time
  }
  return hash;
}

/**
 * Files at most this big are hashed whole with WebCrypto (4× faster than JS here, see
 * docs/benchmarks.md); bigger ones chunk by chunk, so no file is ever held whole in memory.
 */
export const WHOLE_FILE_HASH_LIMIT = 32 * 2 ** 20;

/** SHA-256 fed chunk by chunk, for files too big to hold in memory at once. */
function incrementalSha256(): { update(chunk: Uint8Array): void; hex(): Sha256Hex } {
  const state = sha256.create();
  return { update: (chunk) => void state.update(chunk), hex: () => bytesToHex(state.digest()) };
}

/** SHA-256 and length of a stream's bytes, read chunk by chunk; `alsoEach` sees each chunk too (another checksum). */
export async function sha256OfStream(
  stream: ReadableStream<Uint8Array>,
  alsoEach?: (chunk: Uint8Array) => void,
): Promise<{ sha256: Sha256Hex; bytes: number }> {
  const hash = incrementalSha256();
  let bytes = 0;
  const reader = stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    hash.update(chunk.value);
    alsoEach?.(chunk.value);
    bytes += chunk.value.byteLength;
  }
  return { sha256: hash.hex(), bytes };
}

export function shortHash(hash: Sha256Hex): string {
  return hash.slice(0, 12);
}
