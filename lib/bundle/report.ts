import { html, type SafeHtml } from '../html';
import {
  reportDocument,
  type Block,
  type Field,
  type ReportDocument,
  type ReportInput,
  type ReportSection,
} from './reportDocument';

export type { ReportCapture, ReportInput } from './reportDocument';

/**
 * `report.html`: printable and self-contained. No scripts, and a CSP that forbids them should
 * escaping ever fail; images are the bundle's own hashed files, referenced by relative path,
 * so the report shows exactly the files the manifest vouches for. Every value is escaped.
 */
export function renderReport(input: ReportInput): string {
  return renderReportHtml(reportDocument(input));
}

export function renderReportHtml(doc: ReportDocument): string {
  const page = html`<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; script-src 'none'"
        />
        <meta name="referrer" content="no-referrer" />
        <title>${doc.title}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        ${doc.sections.filter((section) => section.kind === 'cover').map((section) => sectionHtml(section, doc.school))}
        <main>
          ${doc.sections.filter((section) => section.kind !== 'cover').map((section) => sectionHtml(section, doc.school))}
        </main>
      </body>
    </html> `;
  return page.html;
}

function sectionHtml(section: ReportSection, school: string): SafeHtml {
  const blocks = section.blocks.map(blockHtml);
  if (section.kind === 'cover')
    return html`<header class="cover">
      <h1>Evidence report</h1>
      <p class="school">${school}</p>
      ${blocks}
    </header> `;
  return html`<section class="${section.kind}">${blocks}</section> `;
}

function blockHtml(block: Block): SafeHtml {
  switch (block.kind) {
    case 'heading':
      return block.level === 2 ? html`<h2>${block.text}</h2> ` : html`<h3>${block.text}</h3> `;
    case 'paragraph':
      return html`<p${block.tone ? html` class="${block.tone}"` : ''}>${block.text}</p>\n`;
    case 'fields':
      return html`<dl>${block.fields.map(fieldHtml)}</dl> `;
    case 'list':
      return html`<ol class="history">
        ${block.items.map((item) => html`<li>${item}</li> `)}
      </ol> `;
    case 'table':
      return html`<table>
        <thead>
          <tr>
            ${block.columns.map((c) => html`<th>${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${block.rows.map(
            (row) =>
              html`<tr>
                ${row.map((cell, i) => (block.code?.includes(i) ? html`<td><code>${cell}</code></td>` : html`<td>${cell}</td>`))}
              </tr> `,
          )}
        </tbody>
      </table> `;
    case 'figure':
      return html`<figure>
        <img src="${block.path}" alt="${block.alt}" />
        <figcaption>${block.caption}</figcaption>
      </figure> `;
  }
}

function fieldHtml(field: Field): SafeHtml {
  const value = field.absent
    ? html`<em>${field.value}</em>`
    : field.code
      ? html`<code>${field.value}</code>`
      : html`${field.value}`;
  const classes = [field.code ? 'url' : '', field.prose ? 'note' : ''].filter(Boolean).join(' ');
  return html`<dt>${field.label}</dt><dd${classes ? html` class="${classes}"` : ''}>${value}${field.remark ? html` <em>${field.remark}</em>` : ''}</dd>\n`;
}

const STYLE = `
body { font: 11pt/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #111; }
h1 { margin: 0 0 .25rem; } .school { font-size: 1.3rem; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: 12rem 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.note { white-space: pre-wrap; } .warning { color: #92400e; } .policy { font-style: italic; }
.capture { border-top: 2px solid #333; padding-top: 1rem; margin-top: 2rem; break-before: page; }
figure { margin: 1rem 0; } img { max-width: 100%; border: 1px solid #999; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #bbb; padding: .2rem .4rem; text-align: left; overflow-wrap: anywhere; }
code { font-size: 9pt; }
`;
