/**
 * Text from a bundle, a page or a note, made safe to show (issue #15): a string that reaches a
 * terminal, a page or a report can carry characters that act instead of showing — ANSI escape
 * sequences that hide or clear lines, a newline that starts a fake line, bidi controls that reverse
 * what follows, zero-width characters that make two names look alike. Each is shown as `⟨U+XXXX⟩`,
 * so the reader sees that it is there and what it is.
 */

// C0 and C1 controls and DEL; bidi embeddings, overrides, isolates and marks; zero-width and other
// invisible format characters (soft hyphen, word joiner, BOM, Hangul fillers, invisible operators,
// line and paragraph separators, tag characters used to smuggle ASCII).
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- these characters are what the pattern exists to find
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0e\ufeff\uffa0\ufff9-\ufffb]|[\u{e0000}-\u{e007f}]|[\u{1d173}-\u{1d17a}]/gu;
const LINE_BREAKS = /[\n\t]/;
// Sequences where an otherwise invisible character is part of what a person sees: a zero-width
// joiner inside an emoji (👨‍👩‍👧), and the tag characters of a subdivision flag (England, Scotland, Wales).
const KEPT_SEQUENCES =
  /\p{Extended_Pictographic}\ufe0f?(?:\u200d\p{Extended_Pictographic}\ufe0f?)+|\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f}/gu;

function codePoint(ch: string): string {
  return `⟨U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

function markInvisible(text: string, keepLineBreaks: boolean): string {
  return text.replace(INVISIBLE, (ch) => (keepLineBreaks && LINE_BREAKS.test(ch) ? ch : codePoint(ch)));
}

/**
 * `text` with every control, bidi and invisible character shown as `⟨U+XXXX⟩`. With
 * `keepLineBreaks` (a post's or a page's text in a report), newlines and tabs stay as they are.
 */
export function showInvisible(text: string, { keepLineBreaks = false } = {}): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(KEPT_SEQUENCES)) {
    out += markInvisible(text.slice(from, match.index), keepLineBreaks) + match[0];
    from = match.index + match[0].length;
  }
  return out + markInvisible(text.slice(from), keepLineBreaks);
}

/** Whether `text` holds anything `showInvisible` would mark. */
export function hasInvisible(text: string, options: { keepLineBreaks?: boolean } = {}): boolean {
  return showInvisible(text, options) !== text;
}
