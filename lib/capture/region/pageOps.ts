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
    scrollHeight: Math.max(root.scrollHeight, document.body?.scrollHeight ?? 0),
    devicePixelRatio: window.devicePixelRatio,
  };
}

/**
 * Scrolls to `y`, hiding fixed and sticky elements first when asked (every slice after the first,
 * so a sticky header shows once), then waits for lazy images in view and two frames.
 * Hidden elements are marked so restorePage can put them back.
 */
export async function scrollForSlice(y: number, hideFixed: boolean): Promise<{ x: number; y: number }> {
  const root = document.documentElement;
  if (root.dataset.exhibitScrollBehavior === undefined) {
    root.dataset.exhibitScrollBehavior = root.style.scrollBehavior;
    root.style.setProperty('scroll-behavior', 'auto', 'important');
  }
  if (hideFixed && root.dataset.exhibitHidFixed !== 'yes') {
    root.dataset.exhibitHidFixed = 'yes';
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const position = getComputedStyle(element).position;
      if (position !== 'fixed' && position !== 'sticky') continue;
      element.dataset.exhibitVisibility = element.style.getPropertyValue('visibility') + '|' + element.style.getPropertyPriority('visibility');
      element.style.setProperty('visibility', 'hidden', 'important');
    }
  }
  window.scrollTo(window.scrollX, y);
  const inView = [...document.images].filter((img) => {
    const box = img.getBoundingClientRect();
    return !img.complete && box.bottom > 0 && box.top < window.innerHeight;
  });
  const loaded = Promise.all(inView.map((img) => new Promise((done) => ((img.onload = img.onerror = done), img.complete && done(null)))));
  await Promise.race([loaded, new Promise((done) => setTimeout(done, 2000))]);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return { x: window.scrollX, y: window.scrollY };
}

/** Puts back what scrollForSlice changed: hidden elements, scroll behaviour, scroll position. */
export function restorePage(scrollX: number, scrollY: number): void {
  const root = document.documentElement;
  for (const element of document.querySelectorAll<HTMLElement>('[data-exhibit-visibility]')) {
    const [value, priority] = (element.dataset.exhibitVisibility ?? '|').split('|');
    if (value) element.style.setProperty('visibility', value, priority);
    else element.style.removeProperty('visibility');
    delete element.dataset.exhibitVisibility;
  }
  delete root.dataset.exhibitHidFixed;
  if (root.dataset.exhibitScrollBehavior !== undefined) {
    root.style.removeProperty('scroll-behavior');
    if (root.dataset.exhibitScrollBehavior) root.style.scrollBehavior = root.dataset.exhibitScrollBehavior;
    delete root.dataset.exhibitScrollBehavior;
  }
  window.scrollTo(scrollX, scrollY);
}
