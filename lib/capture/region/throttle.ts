/**
 * Chrome allows two captureVisibleTab calls a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND),
 * and failed calls count too (shared/notes). Calls are spaced `minIntervalMs` apart; a call refused
 * for the rate is retried after a growing wait.
 */
export interface ThrottleOptions {
  minIntervalMs?: number;
  retries?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const RATE_ERROR = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|rate|quota/i;

export function createCaptureThrottle(options: ThrottleOptions = {}) {
  const minInterval = options.minIntervalMs ?? 510;
  const retries = options.retries ?? 5;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let lastCall = -Infinity;

  return async function throttled<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const wait = lastCall + minInterval - now();
      if (wait > 0) await sleep(wait);
      lastCall = now();
      try {
        return await call();
      } catch (error) {
        if (attempt >= retries || !RATE_ERROR.test(String(error))) throw error;
        await sleep(minInterval * 2 ** attempt);
      }
    }
  };
}
export type CaptureThrottle = ReturnType<typeof createCaptureThrottle>;
