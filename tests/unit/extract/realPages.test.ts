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

/**
 * Why a field a person read off a page is left empty: every missing field must be explained here (an
 * unexplained one fails), and an explanation of a field now found fails too, so this stays true.
 */
const WHY_MISSING: Record<string, string> = {
  'whatsapp-anon-2 postTimeISO':
    'data-pre-plain-text says “11:15 a. m., 18/8/2024” in WhatsApp’s display language, with no time zone; 1/2/2024 would be either day, so no machine time is made of it (the shown time is kept)',
  'whatsapp-anon-5 postTimeISO':
    'data-pre-plain-text says “13:33, 01.02.2023”: 1 February or 2 January depends on WhatsApp’s display language, and no time zone is given, so no machine time is made of it (the shown time is kept)',
};

const pages = existsSync(FOLDER) ? readdirSync(FOLDER).filter((name) => name.endsWith('.json')) : [];

describe.runIf(pages.length > 0)('extraction on the real pages in ../shared/realpages (issue #19)', () => {
  it('finds each expected field or leaves it empty, and never gives a wrong value', () => {
    const rows: string[] = [];
    const wrong: string[] = [];
    const unexplained: string[] = [];
    const explained = new Set<string>();
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
        const page = `${name.replace(/\.json$/, '')} ${field}`;
        if (found === null) {
          missing++;
          const why = WHY_MISSING[page];
          if (why) explained.add(page);
          else unexplained.push(page);
          return `${field}: missing (${why ?? 'UNEXPLAINED'})`;
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
    expect(unexplained, 'missing fields with no explanation in WHY_MISSING').toEqual([]);
    expect(
      Object.keys(WHY_MISSING).filter((key) => !explained.has(key)),
      'explanations of fields now found, or of pages not here',
    ).toEqual([]);
  }, 120_000);
});
