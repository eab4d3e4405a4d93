import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createTabsAdapter } from '@/lib/browser/tabsAdapter';

const REGION = { x: 10, y: 20, width: 300, height: 200 };
const PNG_DATA_URL = `data:image/png;base64,${Buffer.from('not really a png').toString('base64')}`;

/** scripting.executeScript answering the render script per world as `answers` says. */
function scriptingAnswering(answers: Record<string, unknown>) {
  const worlds: string[] = [];
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: {
    world?: string;
    files?: string[];
  }) => {
    if (!injection.files) return [{ frameId: 0, result: undefined }];
    worlds.push(injection.world ?? 'ISOLATED');
    return [{ frameId: 0, result: answers[injection.world ?? 'ISOLATED'] }];
  }) as never);
  return worlds;
}

afterEach(() => vi.restoreAllMocks());

describe('tabsAdapter.renderElement (the html2canvas fallback)', () => {
  it('renders in the content script’s own world when the browser allows it (Chrome)', async () => {
    const worlds = scriptingAnswering({ ISOLATED: { ok: true, dataUrl: PNG_DATA_URL } });
    const { blob, world } = await createTabsAdapter().renderElement(7, REGION);
    expect(worlds).toEqual(['ISOLATED']);
    expect(world).toBe('ISOLATED');
    expect(blob.type).toBe('image/png');
    expect(await blob.text()).toBe('not really a png');
  });

  it('moves to the page’s world only when html2canvas is refused with a SecurityError (Firefox)', async () => {
    const worlds = scriptingAnswering({
      ISOLATED: { ok: false, message: 'SecurityError: The operation is insecure.' },
      MAIN: { ok: true, dataUrl: PNG_DATA_URL },
    });
    expect((await createTabsAdapter().renderElement(7, REGION)).world).toBe('MAIN');
    expect(worlds).toEqual(['ISOLATED', 'MAIN']);
  });

  it('reads nothing but a PNG or a reason from the page’s world, whose own code can answer instead (issue #15)', async () => {
    for (const answer of [
      { ok: true, dataUrl: 'javascript:alert(1)' },
      { ok: true, dataUrl: PNG_DATA_URL, extra: { toString: 1 } },
      'forged',
      { ok: false, message: 'x'.repeat(5000) },
    ]) {
      scriptingAnswering({
        ISOLATED: { ok: false, message: 'SecurityError: The operation is insecure.' },
        MAIN: answer,
      });
      const outcome = createTabsAdapter().renderElement(7, REGION);
      if (typeof answer === 'object' && 'extra' in answer)
        await expect(outcome).resolves.toMatchObject({ world: 'MAIN' }); // extra keys are dropped, the PNG stands
      else
        await expect(outcome).rejects.toThrow(
          'The page could not be rendered: the render script gave no answer Exhibit could read',
        );
      vi.restoreAllMocks();
    }
  });

  it('says why when there is no rendering, without trying the page’s world for other failures', async () => {
    const worlds = scriptingAnswering({
      ISOLATED: { ok: false, message: 'Error: The chosen element is no longer on the page.' },
    });
    await expect(createTabsAdapter().renderElement(7, REGION)).rejects.toThrow(
      'The page could not be rendered: Error: The chosen element is no longer on the page.',
    );
    expect(worlds).toEqual(['ISOLATED']);
  });
});
