/**
 * A name made safe and short for a file name: lower case, accents dropped (`Café` → `cafe`),
 * anything else between letters and digits one dash, at most `maxLength` characters; `fallback`
 * when nothing is left. Used for every file Exhibit names after a person's or a case's words.
 */
export function slug(text: string, fallback: string, maxLength = 40): string {
  const made = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return made || fallback;
}
