import { useState, type Dispatch, type SetStateAction } from 'react';

/**
 * Form state that starts at `initial` and starts again from it whenever `key` changes — a form
 * showing a stored value, which follows the store when that value itself changes but keeps what is
 * being typed when the same value is read again. React's "adjusting state when a prop changes",
 * done while rendering rather than in an effect (which would render twice).
 */
export function useResettableState<T>(initial: T, key: unknown): [T, Dispatch<SetStateAction<T>>] {
  const [state, setState] = useState(initial);
  const [seenKey, setSeenKey] = useState(key);
  if (!Object.is(key, seenKey)) {
    setSeenKey(key);
    setState(initial);
  }
  return [state, setState];
}
