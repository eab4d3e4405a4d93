import { useCallback, useState } from 'react';

/**
 * A form's async action and what went wrong with it: the error is cleared when the action starts
 * and shown when it fails (ErrorMessage), and `busy` says it is running. `run` answers whether it
 * succeeded, for what follows only a success (clearing the form, closing it).
 */
export function useAction() {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setError(undefined);
    setBusy(true);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, setError, busy, run };
}
