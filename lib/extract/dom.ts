/**
 * DOM helpers for extractors. They search open shadow roots and same-origin iframes too (issue #3),
 * since platforms render posts inside web components.
 */
export type Scope = Document | Element | ShadowRoot;

export function deepQueryAll(scope: Scope, selector: string): Element[] {
  const found: Element[] = [...scope.querySelectorAll(selector)];
  for (const element of scope.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll(element.shadowRoot, selector));
    if (element.tagName === 'IFRAME') {
      const inner = sameOriginDocument(element as HTMLIFrameElement);
      if (inner) found.push(...deepQueryAll(inner, selector));
    }
  }
  return found;
}

/**
 * A post's own matches: none inside another post nested in it (a comment, a reply, a quoted post),
 * which has its own author, time and text.
 */
export function ownQueryAll(post: Element, selector: string, postSelector: string): Element[] {
  return deepQueryAll(post, selector).filter((element) => element.closest(postSelector) === post);
}

export function deepQuery(scope: Scope, selector: string): Element | null {
  return deepQueryAll(scope, selector)[0] ?? null;
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null; // cross-origin: the browser does not let us in, and we do not try
  }
}

/**
 * Whether any of the element shows in the top page's window: a box is measured in its own frame's
 * viewport, so an element inside a same-origin iframe is also checked against each frame it sits in
 * and moved by that frame's place on the page.
 */
export function isInView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  if (box.height <= 0) return false;
  let top = box.top;
  let bottom = box.bottom;
  for (let view = element.ownerDocument.defaultView; view;) {
    if (bottom <= 0 || top >= view.innerHeight) return false;
    const frame = view.frameElement;
    if (!frame) return true;
    const parent = frame.ownerDocument.defaultView;
    if (!parent) return false;
    // The frame's content starts inside its border and padding.
    const offset =
      frame.getBoundingClientRect().top +
      frame.clientTop +
      (parseFloat(parent.getComputedStyle(frame).paddingTop) || 0);
    top = Math.max(top, 0) + offset;
    bottom = Math.min(bottom, view.innerHeight) + offset;
    view = parent;
  }
  return false;
}

/** Visible text of an element, including its shadow tree, with whitespace folded. */
export function textOf(element: Element | null | undefined): string | null {
  if (!element) return null;
  const shadow = element.shadowRoot ? element.shadowRoot.textContent : '';
  return (renderedText(element) || shadow).trim() || null;
}

/**
 * An element's text as the browser renders it (innerText), or its textContent where there is no
 * innerText: SVG and MathML elements, and DOMs that lay nothing out.
 */
function renderedText(element: Element): string {
  const innerText: string | undefined = 'innerText' in element ? (element as HTMLElement).innerText : undefined;
  return innerText ?? element.textContent;
}

/** A document's body: the DOM gives none for a frameset or an XML document, whatever its type says. */
function bodyOf(doc: Document): HTMLElement | null {
  return doc.body;
}

export function attr(element: Element | null | undefined, name: string): string | null {
  return element?.getAttribute(name)?.trim() || null;
}

/** An href made absolute against the page's URL; null when absent or not http(s). */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The first number-like run in a label such as "1,204 likes" or "12K Likes. Like", as shown. */
export function countIn(label: string | null | undefined): string | null {
  return label?.match(/\d[\d.,]*\s?[KkMm]?/)?.[0].trim() ?? null;
}

/** The first element under `scope` matching `selector` whose own text matches `pattern`. */
export function byText(scope: Scope, selector: string, pattern: RegExp): Element | null {
  return deepQueryAll(scope, selector).find((el) => pattern.test(el.textContent.trim())) ?? null;
}

/**
 * The page's readable text, including open shadow roots and same-origin iframes, which
 * `body.innerText` leaves out (issue #3). Each extra tree's text follows the main text.
 */
export function deepText(doc: Document): string {
  const body = bodyOf(doc);
  const parts = [body ? renderedText(body) : ''];
  const visit = (scope: Document | ShadowRoot) => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) {
        const text = element.shadowRoot.textContent.trim();
        if (text) parts.push(text);
        visit(element.shadowRoot);
      }
      if (element.tagName === 'IFRAME') {
        const inner = sameOriginDocument(element as HTMLIFrameElement);
        const innerBody = inner && bodyOf(inner);
        if (innerBody) parts.push(renderedText(innerBody));
        if (inner) visit(inner);
      }
    }
  };
  if (body) visit(doc);
  return parts.filter(Boolean).join('\n\n');
}
