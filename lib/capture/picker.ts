/**
 * The element picker (issue #3, "This post"): hover highlights, click or Enter selects, ↑ widens
 * to the parent, Tab and Shift+Tab move between the page's posts (so it works without a mouse),
 * Esc cancels. It starts on the element under the pointer, so after a right-click in Chrome (which
 * does not say which element was clicked) the post is already highlighted; with no pointer over
 * the page, on the post holding the keyboard focus (a context menu opened from the keyboard).
 * Posts inside same-origin iframes can be picked too: each such frame is listened to, and its
 * coordinates are carried up to the top page, whose screenshot the crop is cut from.
 * Runs in the page through scripting.executeScript, so it is self-contained.
 * The chosen element is marked `data-exhibit-target` for the page reader, and the highlight is
 * gone (two frames later) before the promise resolves, so it never appears in the screenshot.
 */
export function pickElement(
  postSelector: string,
): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return new Promise((resolve) => {
    const overlay = document.createElement('div');
    overlay.style.cssText =
      'position:fixed;pointer-events:none;z-index:2147483647;border:3px solid #f59e0b;background:rgba(245,158,11,.15);box-sizing:border-box;display:none;';
    const hint = document.createElement('div');
    hint.textContent =
      'Exhibit: click the post to capture it (Enter takes the highlighted one) · Tab moves to the next post · ↑ selects the surrounding box · Esc cancels';
    hint.style.cssText =
      'position:fixed;top:8px;left:50%;transform:translateX(-50%);z-index:2147483647;background:#1b1b1b;color:#fff;font:14px system-ui,sans-serif;padding:6px 12px;border-radius:4px;pointer-events:none;';
    document.documentElement.append(overlay, hint);
    let chosen: Element | null = null;

    const innerDocument = (element: Element | null | undefined): Document | null => {
      if (element?.tagName !== 'IFRAME') return null;
      try {
        return (element as HTMLIFrameElement).contentDocument;
      } catch {
        return null; // cross-origin: not ours to enter
      }
    };
    // Where a frame's viewport starts, in the top page's viewport (CSS px).
    const frameOffset = (win: Window | null): { x: number; y: number } => {
      const frame = win?.frameElement;
      if (!frame || win === window) return { x: 0, y: 0 };
      const outer = frameOffset(frame.ownerDocument.defaultView);
      const box = frame.getBoundingClientRect();
      const style = getComputedStyle(frame);
      return {
        x: outer.x + box.left + frame.clientLeft + parseFloat(style.paddingLeft),
        y: outer.y + box.top + frame.clientTop + parseFloat(style.paddingTop),
      };
    };
    const sameOriginWindows = (doc: Document): Window[] => [
      ...(doc.defaultView ? [doc.defaultView] : []),
      ...[...doc.querySelectorAll('iframe')].flatMap((frame) => {
        const inner = innerDocument(frame);
        return inner ? sameOriginWindows(inner) : [];
      }),
    ];
    const windows = sameOriginWindows(document);

    const deepest = (x: number, y: number): Element | null => {
      let element = document.elementFromPoint(x, y);
      for (;;) {
        const inner = innerDocument(element);
        if (inner) {
          const offset = frameOffset(inner.defaultView);
          const found = inner.elementFromPoint(x - offset.x, y - offset.y);
          if (!found) break;
          element = found;
        } else if (element?.shadowRoot) {
          const found = element.shadowRoot.elementFromPoint(x, y);
          if (!found || found === element) break;
          element = found;
        } else break;
      }
      return element;
    };
    const topBox = (element: Element) => {
      const box = element.getBoundingClientRect();
      const offset = frameOffset(element.ownerDocument.defaultView);
      return { left: box.left + offset.x, top: box.top + offset.y, width: box.width, height: box.height };
    };
    const show = (element: Element | null) => {
      chosen = element;
      if (!element) return void (overlay.style.display = 'none');
      const box = topBox(element);
      Object.assign(overlay.style, {
        display: 'block',
        left: `${box.left}px`,
        top: `${box.top}px`,
        width: `${box.width}px`,
        height: `${box.height}px`,
      });
    };
    const finish = (value: { x: number; y: number; width: number; height: number } | null) => {
      for (const win of windows) {
        win.removeEventListener('mousemove', onMove, true);
        win.removeEventListener('click', onClick, true);
        win.removeEventListener('keydown', onKey, true);
      }
      overlay.remove();
      hint.remove();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(value)));
    };
    // Only the person's own pointer and keys choose (issue #15): a page's script can dispatch
    // synthetic events (isTrusted false) to steer what "This post" captures, and they are ignored.
    const onMove = (event: MouseEvent) => {
      if (!event.isTrusted) return;
      const offset = frameOffset(event.view ?? window);
      const under = deepest(event.clientX + offset.x, event.clientY + offset.y);
      show(under?.closest(postSelector) ?? under);
    };
    const select = () => {
      if (!chosen) return;
      for (const win of windows)
        for (const old of win.document.querySelectorAll('[data-exhibit-target]'))
          old.removeAttribute('data-exhibit-target');
      chosen.setAttribute('data-exhibit-target', '');
      // Kept in this script's own world (not the page's) for a tall post's scrolling: it is never hidden (pageOps.ts).
      (globalThis as { exhibitChosenElement?: Element }).exhibitChosenElement = chosen;
      const box = topBox(chosen);
      finish({ x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width, height: box.height });
    };
    const onClick = (event: MouseEvent) => {
      if (!event.isTrusted) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!chosen) onMove(event);
      select();
    };
    // The surrounding box; from the top of a frame's page, the frame itself.
    const widened = (element: Element): Element | null => {
      const parent = element.parentElement;
      if (parent && parent !== element.ownerDocument.documentElement) return parent;
      const frame = element.ownerDocument.defaultView?.frameElement;
      const around = frame?.ownerDocument.defaultView;
      return frame && around && windows.includes(around) ? frame : null;
    };
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      const wider = chosen && widened(chosen);
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(null);
      } else if (event.key === 'Enter' && chosen) {
        event.preventDefault();
        select();
      } else if (event.key === 'ArrowUp' && wider) {
        event.preventDefault();
        show(wider);
      } else if (event.key === 'Tab') {
        event.preventDefault();
        step(event.shiftKey ? -1 : 1);
      }
    };
    // The page's posts in document order, frames after the page; from none chosen, the first in view.
    const step = (by: 1 | -1) => {
      const posts = windows
        .flatMap((win) => [...win.document.querySelectorAll(postSelector)])
        .filter((post) => post.getClientRects().length > 0);
      if (posts.length === 0) return;
      const at = chosen ? posts.findIndex((post) => post === chosen || post.contains(chosen)) : -1;
      const inView = posts.findIndex((post) => {
        const box = topBox(post);
        return box.top + box.height > 0;
      });
      const next = at === -1 ? posts[Math.max(0, inView)] : posts[(at + by + posts.length) % posts.length];
      if (!next) return;
      next.scrollIntoView({ block: 'nearest' });
      show(next);
    };
    for (const win of windows) {
      win.addEventListener('mousemove', onMove, true);
      win.addEventListener('click', onClick, true);
      win.addEventListener('keydown', onKey, true);
    }
    let underPointer = [...document.querySelectorAll(':hover')].at(-1);
    for (let inner = innerDocument(underPointer); inner; inner = innerDocument(underPointer)) {
      const deeper = [...inner.querySelectorAll(':hover')].at(-1);
      if (!deeper) break;
      underPointer = deeper;
    }
    let focused = document.activeElement;
    for (let inner = innerDocument(focused); inner?.activeElement; inner = innerDocument(focused))
      focused = inner.activeElement;
    // The pointer over the page's margin (body or root) points at no post: fall back to the focus.
    const onSomething = (element: Element | null | undefined): element is Element =>
      !!element && element !== element.ownerDocument.body && element !== element.ownerDocument.documentElement;
    if (onSomething(underPointer)) show(underPointer.closest(postSelector) ?? underPointer);
    else if (onSomething(focused)) show(focused.closest(postSelector) ?? focused);
  });
}

/**
 * Firefox names the right-clicked element (menus.getTargetElement): mark it, widened to its post,
 * for the page reader, and return its box; null when the page has changed since the click.
 */
export function markRightClicked(
  targetElementId: number,
  postSelector: string,
): { x: number; y: number; width: number; height: number } | null {
  const menus = (globalThis as { browser?: { menus?: { getTargetElement(id: number): Element | null } } }).browser
    ?.menus;
  const clicked = menus?.getTargetElement(targetElementId);
  if (!clicked) return null;
  const element = clicked.closest(postSelector) ?? clicked;
  for (const old of document.querySelectorAll('[data-exhibit-target]')) old.removeAttribute('data-exhibit-target');
  element.setAttribute('data-exhibit-target', '');
  (globalThis as { exhibitChosenElement?: Element }).exhibitChosenElement = element;
  const box = element.getBoundingClientRect();
  return { x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width, height: box.height };
}
