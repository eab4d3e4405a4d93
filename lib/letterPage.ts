import { html, type SafeHtml } from './html';

/**
 * A letter drafted from a school's template (the written warning, the subject access reply) as a
 * printable, self-contained HTML page. The template is text: it is escaped, then each {{placeholder}}
 * it names is replaced by its value, itself escaped HTML, so neither a page's content nor an edited
 * template can add markup or script. A placeholder the letter does not know stays as written.
 */
export function renderLetterPage(template: string, values: Readonly<Record<string, SafeHtml>>, title: string): string {
  const body = html`${template}`.html.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name]?.html ?? whole);
  const paragraphs = body.split(/\n{2,}/).map((p) => (p.startsWith('<ul>') ? p : `<p>${p.replace(/\n/g, '<br>')}</p>`));
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${html`${title}`.html}</title>
<style>body { font: 12pt/1.5 Georgia, serif; max-width: 40rem; margin: 2rem auto; } .url { overflow-wrap: anywhere; font-family: monospace; font-size: 10pt; } @media print { body { margin: 0 auto; } }</style>
</head><body>
${paragraphs.join('\n')}
<p class="draft" style="font: 9pt sans-serif; color: #666">Draft made with Exhibit. Check every detail before sending.</p>
</body></html>
`;
}
