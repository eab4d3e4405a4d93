// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pickElement } from '@/lib/capture/picker';

const settled = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => 'settled'), new Promise((resolve) => setTimeout(() => resolve('pending'), 100))]);

describe('the picker listens only to the person (issue #15)', () => {
  it('ignores a page script’s synthetic clicks and keys (isTrusted false), which could choose the post or cancel', async () => {
    document.body.innerHTML =
      '<article id="a">first post</article><article id="b">the post a script would pick</article>';
    const picking = pickElement('article');
    document.getElementById('b')!.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 5, clientY: 5 }));
    document.getElementById('b')!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(await settled(picking)).toBe('pending');
    expect(document.querySelector('[data-exhibit-target]')).toBeNull();
  });
});
