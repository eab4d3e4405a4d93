import { liveQuery } from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';

/**
 * A read of the store, read again whenever a write it depends on commits — in this page, another
 * page or the background (Dexie's liveQuery) — so what a page shows stays current without a reload.
 * The query must read through Dexie only: its reads are what is watched. `deps` are the query's,
 * as with useEffect; the lint checks them where it is called (`additionalHooks` in eslint.config.mjs).
 */
export function useLiveStore<T>(
  query: () => Promise<T>,
  deps: DependencyList,
  /** Show what was read for the previous dependencies until the new read is in (a list being filtered, widened). */
  { keepWhileLoading = false }: { keepWhileLoading?: boolean } = {},
): { value: T | undefined; error: unknown; stale: boolean } {
  const [state, setState] = useState<{ deps?: DependencyList; value?: T; error?: unknown }>({});
  useEffect(
    () => {
      const subscription = liveQuery(query).subscribe({
        next: (value) => setState({ deps, value }),
        error: (error: unknown) => setState({ deps, error }),
      });
      return () => subscription.unsubscribe();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's dependencies, checked where it is called
    deps,
  );
  // What was read for other dependencies (another case opened) is never shown as this read's,
  // unless asked for, and then it says it is stale.
  const current =
    state.deps !== undefined &&
    state.deps.length === deps.length &&
    state.deps.every((dep, i) => Object.is(dep, deps[i]));
  if (current) return { value: state.value, error: state.error, stale: false };
  return keepWhileLoading
    ? { value: state.value, error: undefined, stale: true }
    : { value: undefined, error: undefined, stale: false };
}
