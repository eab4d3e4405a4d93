/**
 * `value`, or an error naming what is missing: for what the code has already made sure of (an
 * element the page was checked to have, a row just written), so that a broken assumption fails with
 * words instead of a TypeError further on.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Exhibit expected ${what}, and it is missing.`);
  return value;
}
