import { WHOLE_FILE_HASH_LIMIT, incrementalSha256, sha256OfBytes, type Sha256Hex } from '../hash';

export interface HashedInput {
  /** The file's bytes for the zip writer. */
  input: ReadableStream<Uint8Array>;
  /** Their SHA-256, settled once the writer has read them all. */
  sha256: Promise<Sha256Hex>;
}

export interface HashedInputOptions {
  /** The hash recorded for a stored original; the stream fails with `mismatch()` if the bytes differ. */
  expectedSha256?: Sha256Hex;
  mismatch?: () => Error;
  signal?: AbortSignal;
}

/**
 * A file hashed while the zip writer reads it (issue #5, streaming export): one read of the stored
 * bytes gives both the zip entry and the manifest's hash. Small files are read whole and hashed
 * with WebCrypto; large ones chunk by chunk, so memory stays bounded by the largest small file.
 */
export function hashedInput(blob: Blob, options: HashedInputOptions = {}): HashedInput {
  let settle!: (hash: Sha256Hex) => void;
  let reject!: (error: unknown) => void;
  const sha256 = new Promise<Sha256Hex>((resolve, fail) => ((settle = resolve), (reject = fail)));
  sha256.catch(() => undefined); // the stream carries the failure to the writer
  const finish = (hash: Sha256Hex, controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (options.expectedSha256 && hash !== options.expectedSha256) {
      const error = options.mismatch?.() ?? new Error('The file does not match its recorded hash.');
      reject(error);
      controller.error(error);
      return;
    }
    settle(hash);
    controller.close();
  };

  // A failed read or a cancel fails the hash too, so nothing waits on it for ever.
  const guarded = (pull: (controller: ReadableStreamDefaultController<Uint8Array>) => Promise<void>) => async (controller: ReadableStreamDefaultController<Uint8Array>) => {
    try {
      options.signal?.throwIfAborted();
      await pull(controller);
    } catch (error) {
      reject(error);
      throw error;
    }
  };

  if (blob.size <= WHOLE_FILE_HASH_LIMIT) {
    const input = new ReadableStream<Uint8Array>({
      pull: guarded(async (controller) => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const hash = await sha256OfBytes(bytes);
        if (!options.expectedSha256 || hash === options.expectedSha256) controller.enqueue(bytes);
        finish(hash, controller);
      }),
    });
    return { input, sha256 };
  }
  const hash = incrementalSha256();
  const reader = blob.stream().getReader();
  const input = new ReadableStream<Uint8Array>({
    pull: guarded(async (controller) => {
      const chunk = await reader.read();
      if (chunk.done) return finish(hash.hex(), controller);
      hash.update(chunk.value);
      controller.enqueue(chunk.value);
    }),
    cancel: (reason) => reader.cancel(reason),
  });
  return { input, sha256 };
}
