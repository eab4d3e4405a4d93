/**
 * The words a search finds a capture or a case by: lower-case runs of letters and digits, each
 * once. A search's own text is split the same way, and a word searched matches the beginning of a
 * word held (issue #17), so the store's multi-entry indexes answer it without reading every row.
 */
export function wordsOf(...texts: string[]): string[] {
  return [
    ...new Set(
      texts
        .join(' ')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [],
    ),
  ];
}

/** Do the words held contain, for each word searched, one it begins? */
export function holdsEveryWord(held: readonly string[], searched: readonly string[]): boolean {
  return searched.every((word) => held.some((w) => w.startsWith(word)));
}
