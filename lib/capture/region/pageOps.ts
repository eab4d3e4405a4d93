/**
 * What a region capture does inside the page. Each function runs through
 * scripting.executeScript, so each is self-contained: no imports, no outer variables.
 */

export interface PageMetrics {
  scrollX: number;
  scrollY: number;
  viewportWidth: number;
  viewportHeight: number;
  scrollHeight: number;
  devicePixelRatio: number;
}

export function measurePage(): PageMetrics {
  const root = document.documentElement;
  return {
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    // A frameset or XML document has no body, whatever its type says.
    scrollHeight: Math.max(root.scrollHeight, (document as { body: HTMLElement | null }).body?.scrollHeight ?? 0),
    devicePixelRatio: window.devicePixelRatio,
  };
}

/** How a slice is taken: from the second slice on, what stays in place is hidden; `keep` never is. */
export interface SliceOptions {
  hideStatic: boolean;
  /** The element being captured, in document CSS pixels: it, what holds it and what it holds are never hidden. */
  keep?: { x: number; y: number; width: number; height: number };
}

/**
 * Scrolls to `y`, then waits for lazy images in view and two frames. From the second slice on
 * (`hideStatic`), a fixed or sticky element that has not moved on the screen while the page
 * scrolled under it is hidden, since it is already in the image where the slice before showed it
 * (a sticky header shows once). One that moved with the page (a sticky box not stuck, further
 * down) is part of what the slice shows and stays (issue #15). Hidden elements are marked so
 * restorePage can put them back.
 */
export async function scrollForSlice(y: number, options: SliceOptions): Promise<{ x: number; y: number }> {
  // The element the picker chose (lib/capture/picker.ts), with every element that holds it up to
  // this document, through shadow roots and frames; a sticky box that holds it moves it too, so
  // holding is told by the tree. Where the picker left no element, by the boxes, as they stand.
  function keptTest(keep: SliceOptions['keep']): (element: Element, box: DOMRect) => boolean {
    if (!keep) return () => false;
    const chosen = (globalThis as { exhibitChosenElement?: Element }).exhibitChosenElement;
    // A shadow root's host; a document (the top of a page or a frame) has none.
    const hostOf = (root: Node): Element | null => ('host' in root ? (root as ShadowRoot).host : null);
    if (chosen?.isConnected) {
      const holders = new Set<Element>();
      for (
        let e: Element | null | undefined = chosen;
        e;
        e = e.parentElement ?? hostOf(e.getRootNode()) ?? e.ownerDocument.defaultView?.frameElement
      )
        holders.add(e);
      return (element) => holders.has(element) || chosen.contains(element);
    }
    return (_element, box) => {
      const [left, top] = [box.left + window.scrollX, box.top + window.scrollY];
      const holds =
        left <= keep.x + 0.5 &&
        top <= keep.y + 0.5 &&
        left + box.width >= keep.x + keep.width - 0.5 &&
        top + box.height >= keep.y + keep.height - 0.5;
      const held =
        left >= keep.x - 0.5 &&
        top >= keep.y - 0.5 &&
        left + box.width <= keep.x + keep.width + 0.5 &&
        top + box.height <= keep.y + keep.height + 0.5;
      return holds || held;
    };
  }
  const root = document.documentElement;
  if (root.dataset.exhibitScrollBehavior === undefined) {
    root.dataset.exhibitScrollBehavior = root.style.scrollBehavior;
    root.style.setProperty('scroll-behavior', 'auto', 'important');
  }
  const isKept = keptTest(options.keep);
  // Where each fixed or sticky element stood on the screen in the slice before.
  const before = new Map<HTMLElement, DOMRect>();
  const scrolledFrom = window.scrollY;
  if (options.hideStatic) {
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (element.dataset.exhibitVisibility !== undefined) continue;
      const position = getComputedStyle(element).position;
      if (position !== 'fixed' && position !== 'sticky') continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && !isKept(element, box)) before.set(element, box);
    }
  }
  window.scrollTo(window.scrollX, y);
  if (window.scrollY !== scrolledFrom) {
    for (const [element, was] of before) {
      const now = element.getBoundingClientRect();
      if (Math.abs(now.top - was.top) > 0.5 || Math.abs(now.left - was.left) > 0.5) continue;
      element.dataset.exhibitVisibility =
        element.style.getPropertyValue('visibility') + '|' + element.style.getPropertyPriority('visibility');
      element.style.setProperty('visibility', 'hidden', 'important');
    }
  }
  const inView = [...document.querySelectorAll('img')].filter((img) => {
    const box = img.getBoundingClientRect();
    return !img.complete && box.bottom > 0 && box.top < window.innerHeight;
  });
  const loaded = Promise.all(
    inView.map(
      (img) =>
        new Promise((done) => {
          img.onload = img.onerror = done;
          if (img.complete) done(null);
        }),
    ),
  );
  await Promise.race([loaded, new Promise((done) => setTimeout(done, 2000))]);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return { x: window.scrollX, y: window.scrollY };
}

/** Puts back what scrollForSlice changed: hidden elements, scroll behaviour, scroll position. */
export function restorePage(scrollX: number, scrollY: number): void {
  const root = document.documentElement;
  delete (globalThis as { exhibitChosenElement?: Element }).exhibitChosenElement;
  for (const element of document.querySelectorAll<HTMLElement>('[data-exhibit-visibility]')) {
    const [value, priority] = (element.dataset.exhibitVisibility ?? '|').split('|');
    if (value) element.style.setProperty('visibility', value, priority);
    else element.style.removeProperty('visibility');
    delete element.dataset.exhibitVisibility;
  }
  if (root.dataset.exhibitScrollBehavior !== undefined) {
    root.style.removeProperty('scroll-behavior');
    if (root.dataset.exhibitScrollBehavior) root.style.scrollBehavior = root.dataset.exhibitScrollBehavior;
    delete root.dataset.exhibitScrollBehavior;
  }
  window.scrollTo(scrollX, scrollY);
}
