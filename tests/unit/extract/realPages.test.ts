import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPostDetails, extractorFor, type PostDetails } from '@/lib/extract';
import { parseLikeABrowser } from './browserParse';

// Issue #19: every extractor over the real saved pages in ../shared/realpages/ (beside the project,
// not in it: they hold real people's posts), as a member of staff would pick the post — by clicking
// its text. Each expected field is right, missing, or wrong; a wrong one fails the test (a wrong
// value is worse than none). The figures go into docs/benchmarks.md ("Extraction on real pages").
const FOLDER = new URL('../../../../shared/realpages/', import.meta.url);

interface Sidecar {
  url: string;
  expect: Partial<
    Record<'author' | 'handle' | 'authorUrl' | 'permalink' | 'postTimeText' | 'postTimeISO' | 'postText', string>
  >;
}

const FIELDS = {
  author: 'authorName',
  handle: 'authorHandle',
  authorUrl: 'authorProfileUrl',
  permalink: 'permalink',
  postTimeText: 'postedAtText',
  postTimeISO: 'postedAtIso',
  postText: 'text',
} as const satisfies Record<keyof Sidecar['expect'], keyof PostDetails>;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const bare = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

/** Two values that say the same: addresses without their query and trailing slash, times as instants. */
function same(field: keyof Sidecar['expect'], expected: string, found: string): boolean {
  switch (field) {
    case 'authorUrl':
    case 'permalink':
      return address(expected) === address(found);
    case 'postTimeISO':
      return Date.parse(expected) === Date.parse(found);
    case 'handle':
      return expected.replace(/^@/, '') === found.replace(/^@/, '');
    case 'postText':
      // The spaces between a post's inline elements come from layout, which a test DOM has none of.
      return bare(found).startsWith(bare(collapse(expected).slice(0, 80)));
    default:
      return collapse(expected) === collapse(found);
  }
}

function address(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname.replace(/^(www|m|mobile|old)\./, '')}${parsed.pathname.replace(/\/$/, '')}`;
}

/**
 * The element a person would click to pick the post: of the innermost elements holding the start of
 * its text (or its author's name), the one with the least other text — the post's own text, not a
 * page title or a screen-reader line that happens to quote it.
 */
function clickedElement(doc: Document, url: string, expected: Sidecar['expect']): Element | undefined {
  // Without spaces: a test DOM joins inline elements' text without the spaces layout would show.
  const needle = bare(collapse(expected.postText ?? expected.author ?? '').slice(0, 24));
  const holds = (element: Element) =>
    !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE'].includes(element.tagName) &&
    bare(element.textContent).includes(needle);
  if (!needle) return undefined;
  const innermost = [...doc.body.querySelectorAll('*')].filter(
    (element) => holds(element) && ![...element.children].some(holds),
  );
  // Of equals (a "read next" box repeating a title word for word), the one in a post as the page marks posts.
  const inPost = (element: Element) => (element.closest(extractorFor(url).postSelector) ? 0 : 0.5);
  const extra = (element: Element) => bare(element.textContent).length - needle.length + inPost(element);
  return innermost.reduce<Element | undefined>(
    (best, element) => (!best || extra(element) < extra(best) ? element : best),
    undefined,
  );
}

const pages = existsSync(FOLDER) ? readdirSync(FOLDER).filter((name) => name.endsWith('.json')) : [];

describe.runIf(pages.length > 0)('extraction on the real pages in ../shared/realpages (issue #19)', () => {
  it('finds each expected field or leaves it empty, and never gives a wrong value', () => {
    const rows: string[] = [];
    const wrong: string[] = [];
    let right = 0;
    let missing = 0;
    for (const name of pages) {
      const sidecar = JSON.parse(readFileSync(new URL(name, FOLDER), 'utf8')) as Sidecar;
      const html = readFileSync(new URL(name.replace(/\.json$/, '.html'), FOLDER), 'utf8');
      const { doc, close } = parseLikeABrowser(html, sidecar.url);
      const details = extractPostDetails(doc, sidecar.url, clickedElement(doc, sidecar.url, sidecar.expect));
      const marks = Object.entries(sidecar.expect).map(([key, expected]) => {
        const field = key as keyof Sidecar['expect'];
        const found = details[FIELDS[field]];
        if (found === null) {
          missing++;
          return `${field}: missing`;
        }
        if (same(field, expected, found)) {
          right++;
          return `${field}: right`;
        }
        wrong.push(`${name} ${field}: expected “${expected}”, found “${found}”`);
        return `${field}: WRONG`;
      });
      rows.push(`${name.replace(/\.json$/, '')} (${details.platform}, ${details.foundBy ?? '?'}): ${marks.join(', ')}`);
      close();
    }
    console.log(
      [`real pages: ${right} right, ${missing} missing, ${wrong.length} wrong`, ...rows, ...wrong].join('\n'),
    );
    expect(wrong).toEqual([]);
  }, 120_000);
});
