import { absoluteUrl, attr, countIn, textOf } from './dom';
import type { Sourced, ValueSource } from './valueSource';

/**
 * Readers that give a value with where it came from (issue #19). Extractors read through these, so a
 * value cannot reach a capture without its source.
 */

/** Attributes that say what an element is, most telling first; a generated class or id says nothing. */
const MARKS = [
  'data-testid',
  'data-test-id',
  'data-e2e',
  'data-tracking-control-name',
  'data-ad-rendering-role',
  'itemprop',
  'data-role',
  'data-action',
  'slot',
  'role',
  'rel',
  'property',
  'name',
];

/** An element as a short selector: `span[data-e2e="browse-username"]`, `a.username`, `time`. */
export function describeElement(element: Element): string {
  const tag = element.tagName.toLowerCase();
  for (const name of MARKS) {
    const value = element.getAttribute(name);
    if (value && value.length <= 60 && !value.includes('"')) return `${tag}[${name}="${value}"]`;
  }
  // Ids with digits are mostly generated (id__e0scj8feqn6, p453); SIGI_STATE says what it is.
  if (/^[a-z_][a-z_-]{2,60}$/i.test(element.id)) return `${tag}#${element.id}`;
  // Word-like classes only: hashed ones (x1p4m5qa, _ao3e, css-1x2y-Div…) change with each release.
  const named = [...element.classList].find((name) => /^[a-z][a-z-]{3,30}$/i.test(name));
  return named ? `${tag}.${named}` : tag;
}

export function shownText(element: Element | null | undefined, part?: string): Sourced | null {
  const value = textOf(element);
  return element && value
    ? { value, source: withPart({ kind: 'text', element: describeElement(element) }, part) }
    : null;
}

export function attributeOf(element: Element | null | undefined, name: string, part?: string): Sourced | null {
  const value = attr(element, name);
  return element && value
    ? { value, source: withPart({ kind: 'attribute', element: describeElement(element), attribute: name }, part) }
    : null;
}

/** An element's link made absolute against the page (only http and https). */
export function linkOf(element: Element | null | undefined, pageUrl: string): Sourced | null {
  return mapSourced(attributeOf(element, 'href'), (href) => absoluteUrl(href, pageUrl));
}

/** A meta tag's content, or another element of the page's head. */
export function metadataOf(element: Element | null | undefined, attribute = 'content', part?: string): Sourced | null {
  const value = attr(element, attribute);
  return element && value
    ? { value, source: withPart({ kind: 'metadata', element: describeElement(element), attribute }, part) }
    : null;
}

/** A value inside the page's structured data (JSON-LD, a data attribute's JSON): `path` says where. */
export function structuredValue(value: string | null, element: Element, path: string): Sourced | null {
  return value ? { value, source: { kind: 'metadata', element: describeElement(element), part: path } } : null;
}

export function fromAddress(value: string | null, part?: string): Sourced | null {
  return value ? { value, source: withPart({ kind: 'address' }, part) } : null;
}

/** A value the page does not show, worked out from the post's id: labelled so wherever it is shown. */
export function derivedFromId(value: string | null, derivation: string): Sourced | null {
  return value ? { value, source: { kind: 'post-id', derivation } } : null;
}

/** The same source, a value made from it: a count out of a label, an address without tracking. */
export function mapSourced(
  found: Sourced | null | undefined,
  change: (value: string) => string | null,
  part?: string,
): Sourced | null {
  const value = found?.value ? change(found.value) : null;
  return found && value ? { value, source: withPart(found.source, part) } : null;
}

export function valueOf(found: Sourced | null | undefined): string | null {
  return found?.value ?? null;
}

/** The first that has a value. */
export function firstFound(...candidates: (Sourced | null | undefined)[]): Sourced | null {
  return candidates.find((found) => found?.value) ?? null;
}

function withPart(source: ValueSource, part: string | undefined): ValueSource {
  return part ? { ...source, part: source.part ? `${source.part}; ${part}` : part } : source;
}

/** The first number-like run in a label, its source kept: "1,204 likes" → "1,204". */
export function countOf(label: Sourced | null | undefined): Sourced | null {
  return mapSourced(label, countIn);
}
