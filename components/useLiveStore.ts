import { liveQuery } from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';

/**
 * A read of the store, read again whenever a write it depends on commits — in this page, another
 * page or the background (Dexie's liveQuery) — so what a page shows stays current without a reload.
 * The query must read through Dexie only: its reads are what is watched.
 */
export function useLiveStore<T>(query: () => Promise<T>, deps: DependencyList): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});
  useEffect(() => {
    setState({});
    const subscription = liveQuery(query).subscribe({ next: (value) => setState({ value }), error: (error: unknown) => setState({ error }) });
    return () => subscription.unsubscribe();
  }, deps); // the caller's dependencies, as with useEffect
  return { value: state.value, error: state.error };
}
