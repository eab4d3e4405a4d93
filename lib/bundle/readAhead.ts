/**
 * Passes on `source`'s items in order while asking it for up to `depth` more, so work each item
 * starts when made (reading and hashing a file) overlaps with the consumer's work on the items
 * before it (the zip writer). Asking an async generator for items it has queued is safe: it makes
 * them one at a time, in order, and a waiting one never holds back those already made.
 */
export async function* readAhead<T>(source: AsyncIterator<T>, depth: number): AsyncGenerator<T> {
  const pending: Promise<IteratorResult<T>>[] = [];
  const ask = () => {
    const next = source.next();
    next.catch(() => undefined); // surfaces when its turn comes
    pending.push(next);
  };
  for (let i = 0; i <= depth; i++) ask();
  try {
    for (;;) {
      const result = await pending.shift();
      if (!result || result.done) return;
      ask();
      yield result.value;
    }
  } finally {
    // Not awaited: the source may be waiting on files the writer will now never read.
    source.return?.().catch(() => undefined);
  }
}

/**
 * Runs reads in the order they are asked for while the bytes they hold stay within `limit`; a
 * read bigger than the limit waits to run alone. Keeps the read-ahead's memory bounded when the
 * files are large (a 4.5 GB bundle of 19 MB images), without slowing it when they are small.
 */
export function createByteBudget(limit: number) {
  let inUse = 0;
  const waiting: { bytes: number; start: () => void }[] = [];
  const startWhatFits = () => {
    for (let next = waiting[0]; next && (inUse === 0 || inUse + next.bytes <= limit); next = waiting[0]) {
      waiting.shift();
      inUse += next.bytes;
      next.start();
    }
  };
  return async function within<T>(bytes: number, read: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      waiting.push({ bytes, start });
      startWhatFits();
    });
    try {
      return await read();
    } finally {
      inUse -= bytes;
      startWhatFits();
    }
  };
}
