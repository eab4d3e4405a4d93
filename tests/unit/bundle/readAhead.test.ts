import { describe, expect, it } from 'vitest';
import { createByteBudget, readAhead } from '@/lib/bundle/readAhead';

/** A source that logs when each item is made. */
function counted(count: number, log: string[], failAt?: number) {
  return (async function* () {
    for (let i = 0; i < count; i++) {
      if (i === failAt) throw new Error(`item ${i} failed`);
      log.push(`made ${i}`);
      yield i;
    }
  })();
}

describe('readAhead', () => {
  it('passes every item on in order', async () => {
    const seen: number[] = [];
    for await (const item of readAhead(counted(10, []), 3)) seen.push(item);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('has up to `depth` more items made while the consumer works on one', async () => {
    const log: string[] = [];
    const items = readAhead(counted(10, log), 3);
    await items.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log).toEqual(['made 0', 'made 1', 'made 2', 'made 3', 'made 4']);
    await items.return(undefined);
  });

  it('passes a failure on in its turn, after the items before it', async () => {
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(counted(10, [], 4), 3)) seen.push(item);
      })(),
    ).rejects.toThrow('item 4 failed');
    expect(seen).toEqual([0, 1, 2, 3]);
  });
});

describe('createByteBudget', () => {
  it('starts reads in order while their bytes fit, and a bigger one alone', async () => {
    const within = createByteBudget(10);
    const log: string[] = [];
    const finish = new Map<string, () => void>();
    const read = (name: string, bytes: number) =>
      within(bytes, () => {
        log.push(`start ${name}`);
        return new Promise<void>((resolve) =>
          finish.set(name, () => {
            log.push(`end ${name}`);
            resolve();
          }),
        );
      });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    const all = Promise.all([read('a', 4), read('b', 4), read('c', 4), read('huge', 50), read('d', 1)]);
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    finish.get('a')!();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end a', 'start c']);
    finish.get('b')!();
    finish.get('c')!();
    await tick();
    expect(log.slice(-1)).toEqual(['start huge']);
    finish.get('huge')!();
    await tick();
    finish.get('d')!();
    await all;
    expect(log.slice(-3)).toEqual(['end huge', 'start d', 'end d']);
  });
});
