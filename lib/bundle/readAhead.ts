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
      const result = await pending.shift()!;
      if (result.done) return;
      ask();
      yield result.value;
    }
  } finally {
    // Not awaited: the source may be waiting on files the writer will now never read.
    source.return?.().catch(() => undefined);
  }
}
