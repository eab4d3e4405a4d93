import { jsPDF } from 'jspdf';
import type { Block, Field, ReportDocument } from './reportDocument';

/** TrueType faces with the Unicode coverage posts need (DejaVu: Latin, Greek, Cyrillic, Arabic, Hebrew…). */
export interface PdfFonts {
  regular: Uint8Array;
  mono: Uint8Array;
}

/** An image for the PDF: a JPEG rendition of the file the HTML report shows at that path. */
export interface PdfImage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

const PAGE = { width: 210, height: 297, margin: 16 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const LABEL_WIDTH = 42;
const MM_PER_PT = 25.4 / 72;
const GREY = 90;

/**
 * `report.pdf` (issue #5): the same document as report.html, laid out on A4 with jsPDF. The PDF
 * embeds JPEG renditions of the images (the report's copies, for reading); the hashed originals
 * are the bundle's files, which the PDF names with their SHA-256 as the HTML report does.
 */
export function renderReportPdf(
  doc: ReportDocument,
  fonts: PdfFonts,
  images: ReadonlyMap<string, PdfImage>,
): Uint8Array {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  keepCharactersAsWritten(pdf);
  pdf.setProperties({ title: doc.title, subject: 'Evidence report', creator: 'Exhibit' });
  pdf.addFileToVFS('DejaVuSans.ttf', binaryString(fonts.regular));
  pdf.addFont('DejaVuSans.ttf', 'DejaVuSans', 'normal');
  pdf.addFileToVFS('DejaVuSansMono.ttf', binaryString(fonts.mono));
  pdf.addFont('DejaVuSansMono.ttf', 'DejaVuSansMono', 'normal');
  const writer = pageWriter(pdf, images);

  for (const [index, section] of doc.sections.entries()) {
    if (index > 0) writer.newPage();
    if (section.kind === 'cover') {
      writer.text('Evidence report', { size: 20 });
      writer.text(doc.school, { size: 14, after: 4 });
      writer.text(
        'This PDF is the readable copy of report.html in the same bundle. Right-to-left text (Arabic, Hebrew) is printed here in its stored character order; report.html shows it as written.',
        { size: 8.5, grey: true, after: 3 },
      );
    }
    for (const block of section.blocks) writer.block(block);
  }
  const pages = pdf.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    pdf.setPage(page);
    pdf.setFont('DejaVuSans', 'normal').setFontSize(8).setTextColor(GREY);
    pdf.text(`${doc.title} — page ${page} of ${pages}`, PAGE.margin, PAGE.height - 8);
  }
  return new Uint8Array(pdf.output('arraybuffer'));
}

interface TextStyle {
  size?: number;
  mono?: boolean;
  grey?: boolean;
  x?: number;
  width?: number;
  after?: number;
}

function pageWriter(pdf: jsPDF, images: ReadonlyMap<string, PdfImage>) {
  let y = PAGE.margin;
  const room = (height: number) => {
    if (y + height > PAGE.height - PAGE.margin - 6) newPage();
  };
  function newPage() {
    pdf.addPage();
    y = PAGE.margin;
  }
  const lineHeight = (size: number) => size * MM_PER_PT * 1.35;
  const lines = (value: string, style: TextStyle): string[] => {
    pdf.setFont(style.mono ? 'DejaVuSansMono' : 'DejaVuSans', 'normal').setFontSize(style.size ?? 10);
    return pdf.splitTextToSize(value, style.width ?? CONTENT_WIDTH) as string[];
  };
  /** Writes wrapped text at the cursor, moving to a new page line by line as needed. */
  function text(value: string, style: TextStyle = {}) {
    const size = style.size ?? 10;
    for (const line of lines(value, style)) {
      room(lineHeight(size));
      pdf.setTextColor(style.grey ? GREY : 20);
      pdf.text(line, style.x ?? PAGE.margin, y, { baseline: 'top' });
      y += lineHeight(size);
    }
    y += style.after ?? 1.5;
  }
  function field(f: Field) {
    const valueStyle: TextStyle = {
      size: f.code ? 8 : 9.5,
      mono: f.code,
      x: PAGE.margin + LABEL_WIDTH,
      width: CONTENT_WIDTH - LABEL_WIDTH,
    };
    const value = [
      ...lines(f.value, valueStyle),
      ...(f.remark ? lines(f.remark, { ...valueStyle, mono: false, size: 9 }) : []),
    ];
    room(lineHeight(9.5) * Math.min(value.length, 3));
    const top = y;
    text(f.label, { size: 9.5, grey: true, width: LABEL_WIDTH - 3, after: 0 });
    const labelEnd = y;
    y = top;
    text(f.absent ? `(${f.value})` : f.value, { ...valueStyle, grey: f.absent, after: 0 });
    if (f.remark) text(f.remark, { ...valueStyle, mono: false, size: 9, grey: true, after: 0 });
    y = Math.max(y, labelEnd) + 1.2;
  }
  function table(block: Extract<Block, { kind: 'table' }>) {
    const widths = block.columns.length === 3 ? [72, 20, CONTENT_WIDTH - 92] : [34, 22, 30, CONTENT_WIDTH - 86];
    // A table's columns are one of the two layouts above; a cell past them takes the last width.
    const widthOf = (i: number) => widths[i] ?? CONTENT_WIDTH - 92;
    const row = (cells: readonly string[], header: boolean) => {
      const wrapped = cells.map((cell, i) =>
        lines(cell, { size: 8, mono: !header && block.code?.includes(i), width: widthOf(i) - 2 }),
      );
      const height = Math.max(...wrapped.map((w) => w.length)) * lineHeight(8) + 1.5;
      room(height);
      let x = PAGE.margin;
      wrapped.forEach((cellLines, i) => {
        pdf.setDrawColor(180).rect(x, y, widthOf(i), height);
        pdf
          .setFont(!header && block.code?.includes(i) ? 'DejaVuSansMono' : 'DejaVuSans', 'normal')
          .setFontSize(8)
          .setTextColor(header ? GREY : 20);
        cellLines.forEach((line, n) => pdf.text(line, x + 1, y + 0.8 + n * lineHeight(8), { baseline: 'top' }));
        x += widthOf(i);
      });
      y += height;
    };
    row(block.columns, true);
    for (const cells of block.rows) row(cells, false);
    y += 3;
  }
  function figure(block: Extract<Block, { kind: 'figure' }>) {
    const image = images.get(block.path);
    if (image) {
      const maxHeight = PAGE.height - 2 * PAGE.margin - 30;
      const scale = Math.min(CONTENT_WIDTH / image.width, maxHeight / image.height);
      const [width, height] = [image.width * scale, image.height * scale];
      room(height + 2);
      pdf.addImage(image.jpeg, 'JPEG', PAGE.margin, y, width, height, block.path, 'NONE');
      pdf.setDrawColor(150).rect(PAGE.margin, y, width, height);
      y += height + 2;
    }
    text(
      `${block.caption}${image ? ' The image above is a JPEG rendition for reading; the file itself is in the bundle.' : ` (${block.path} is in the bundle.)`}`,
      { size: 8.5, grey: true, after: 4 },
    );
  }
  function block(b: Block) {
    switch (b.kind) {
      case 'heading':
        room(20);
        y += b.level === 2 ? 2 : 1;
        {
          text(b.text, { size: b.level === 2 ? 14 : 11.5, after: 2 });
          return;
        }
      case 'paragraph': {
        text(b.text, { size: 9.5, grey: b.tone === 'policy', after: 3 });
        return;
      }
      case 'fields':
        b.fields.forEach(field);
        y += 2;
        return;
      case 'list':
        b.items.forEach((item, i) => text(`${i + 1}. ${item}`, { size: 8.5, after: 0.8 }));
        y += 2;
        return;
      case 'table': {
        table(b);
        return;
      }
      case 'figure': {
        figure(b);
        return;
      }
    }
  }
  return { newPage, text, block };
}

type Handler = [(...args: unknown[]) => unknown, boolean];

/**
 * jsPDF reshapes Arabic and runs a bidi reordering on every line, and measured here that pass drops
 * "<" and ">" and reverses whole lines of mixed text ("a <b> (c) مرحبا" came out as ") c ( b a …").
 * Evidence must keep every character of a post, so both passes are unsubscribed for this document:
 * right-to-left text is printed in its stored order (the HTML report shows it as written).
 * The handlers are found by what they call, which survives minification; a unit test fails if not.
 */
function keepCharactersAsWritten(pdf: jsPDF) {
  const events = (
    pdf as unknown as {
      internal: {
        events: { getTopics(): Record<string, Record<string, Handler>>; unsubscribe(token: string): boolean };
      };
    }
  ).internal.events;
  const topics = events.getTopics();
  const reshaper = (jsPDF.API as { processArabic?: unknown }).processArabic;
  for (const [topic, handlers] of Object.entries(topics)) {
    for (const [token, [handler]] of Object.entries(handlers)) {
      if (
        (topic === 'preProcessText' && handler === reshaper) ||
        (topic === 'postProcessText' && String(handler).includes('doBidiReorder'))
      )
        events.unsubscribe(token);
    }
  }
}

function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}
