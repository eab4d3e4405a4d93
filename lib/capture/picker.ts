/**
 * The element picker (issue #3, "This post"): hover highlights, click or Enter selects, ↑ widens
 * to the parent, Esc cancels. It starts on the element under the pointer, so after a right-click
 * in Chrome (which does not say which element was clicked) the post is already highlighted. Runs in the page through scripting.executeScript, so it is self-contained.
 * The chosen element is marked `data-exhibit-target` for the page reader, and the highlight is
 * gone (two frames later) before the promise resolves, so it never appears in the screenshot.
 */
export function pickElement(postSelector: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return new Promise((resolve) => {
    const overlay = document.createElement('div');
    overlay.style.cssText = 'position:fixed;pointer-events:none;z-index:2147483647;border:3px solid #f59e0b;background:rgba(245,158,11,.15);box-sizing:border-box;display:none;';
    const hint = document.createElement('div');
    hint.textContent = 'Exhibit: click the post to capture it (Enter takes the highlighted one) · ↑ selects the surrounding box · Esc cancels';
    hint.style.cssText = 'position:fixed;top:8px;left:50%;transform:translateX(-50%);z-index:2147483647;background:#1b1b1b;color:#fff;font:14px system-ui,sans-serif;padding:6px 12px;border-radius:4px;pointer-events:none;';
    document.documentElement.append(overlay, hint);
    let chosen: Element | null = null;

    const deepest = (x: number, y: number): Element | null => {
      let element = document.elementFromPoint(x, y);
      while (element?.shadowRoot) {
        const inner = element.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === element) break;
        element = inner;
      }
      return element;
    };
    const show = (element: Element | null) => {
      chosen = element;
      if (!element) return void (overlay.style.display = 'none');
      const box = element.getBoundingClientRect();
      Object.assign(overlay.style, { display: 'block', left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    };
    const finish = (value: { x: number; y: number; width: number; height: number } | null) => {
      removeEventListener('mousemove', onMove, true);
      removeEventListener('click', onClick, true);
      removeEventListener('keydown', onKey, true);
      overlay.remove();
      hint.remove();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(value)));
    };
    const onMove = (event: MouseEvent) => {
      const under = deepest(event.clientX, event.clientY);
      show(under?.closest(postSelector) ?? under);
    };
    const select = () => {
      if (!chosen) return;
      for (const old of document.querySelectorAll('[data-exhibit-target]')) old.removeAttribute('data-exhibit-target');
      chosen.setAttribute('data-exhibit-target', '');
      const box = chosen.getBoundingClientRect();
      finish({ x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width, height: box.height });
    };
    const onClick = (event: MouseEvent) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!chosen) onMove(event);
      select();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(null);
      } else if (event.key === 'Enter' && chosen) {
        event.preventDefault();
        select();
      } else if (event.key === 'ArrowUp' && chosen?.parentElement && chosen.parentElement !== document.documentElement) {
        event.preventDefault();
        show(chosen.parentElement);
      }
    };
    addEventListener('mousemove', onMove, true);
    addEventListener('click', onClick, true);
    addEventListener('keydown', onKey, true);
    const underPointer = [...document.querySelectorAll(':hover')].at(-1);
    if (underPointer && underPointer !== document.body) show(underPointer.closest(postSelector) ?? underPointer);
  });
}

/**
 * Firefox names the right-clicked element (menus.getTargetElement): mark it, widened to its post,
 * for the page reader, and return its box; null when the page has changed since the click.
 */
export function markRightClicked(targetElementId: number, postSelector: string): { x: number; y: number; width: number; height: number } | null {
  const menus = (globalThis as { browser?: { menus?: { getTargetElement(id: number): Element | null } } }).browser?.menus;
  const clicked = menus?.getTargetElement(targetElementId);
  if (!clicked) return null;
  const element = clicked.closest(postSelector) ?? clicked;
  for (const old of document.querySelectorAll('[data-exhibit-target]')) old.removeAttribute('data-exhibit-target');
  element.setAttribute('data-exhibit-target', '');
  const box = element.getBoundingClientRect();
  return { x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width, height: box.height };
}
