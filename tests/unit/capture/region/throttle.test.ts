import { describe, expect, it } from 'vitest';
import { createCaptureThrottle } from '@/lib/capture/region/throttle';

function fakeTime() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)),
    sleeps,
    advance: (ms: number) => (t += ms),
  };
}

describe('capture throttle', () => {
  it('spaces calls at least the minimum interval apart', async () => {
    const time = fakeTime();
    const throttled = createCaptureThrottle({ minIntervalMs: 500, ...time });
    const at: number[] = [];
    for (let i = 0; i < 3; i++) await throttled(async () => at.push(time.now()));
    expect(at).toEqual([0, 500, 1000]);
  });

  it('does not wait when the last call was long enough ago', async () => {
    const time = fakeTime();
    const throttled = createCaptureThrottle({ minIntervalMs: 500, ...time });
    await throttled(async () => 1);
    time.advance(800);
    await throttled(async () => 2);
    expect(time.sleeps).toEqual([]);
  });

  it('retries a call refused for the rate limit with growing waits', async () => {
    const time = fakeTime();
    const throttled = createCaptureThrottle({ minIntervalMs: 500, ...time });
    let calls = 0;
    const result = await throttled(async () => {
      if (++calls < 3) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return 'pixels';
    });
    expect(result).toBe('pixels');
    expect(calls).toBe(3);
    expect(time.sleeps).toEqual([500, 1000]); // the back-off itself spaces the retries
  });

  it('gives up after its retries, and passes other errors straight through', async () => {
    const time = fakeTime();
    const throttled = createCaptureThrottle({ minIntervalMs: 500, retries: 2, ...time });
    await expect(
      throttled(async () => Promise.reject(new Error('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND'))),
    ).rejects.toThrow(/MAX_CAPTURE/);
    let calls = 0;
    await expect(
      throttled(async () => ((calls += 1), Promise.reject(new Error('Cannot access contents of url')))),
    ).rejects.toThrow(/Cannot access/);
    expect(calls).toBe(1);
  });
});
