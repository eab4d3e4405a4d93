import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '@/lib/bundle/verify';
import { openZip } from '@/lib/bundle/zipReader';
import { reportDocument, type Block, type ReportDocument } from '@/lib/bundle/reportDocument';
import { renderReportPdf, type PdfImage } from '@/lib/bundle/reportPdf';
import { createCaseRepository } from '@/lib/store';
import { PDF_FONTS as FONTS, POLICE_REFERRAL, STAFF, TINY_JPEG as JPEG, fakeTabs, form, testWorld } from '../fixtures';

const HOSTILE_NOTE = 'Seen at 9am <script>alert(1)</script> — Zażółć gęślą jaźń, Привет';
const ARABIC = 'مرحبا بالمدرسة';

async function caseReport(): Promise<ReportDocument> {
  const world = await testWorld({ tabs: fakeTabs({ page: { text: 'Ünïcødé post text' } }) });
  const cases = createCaseRepository(world.db, world.clock);
  const details = {
    title: 'Year 4 <posts>',
    personPosting: { name: 'J. Parent', profileUrls: ['https://social.example/jparent'], relationship: 'parent' },
    affected: ARABIC,
    owner: 'Jo Smith',
  };
  const { metadata } = await world.capture.captureTab(1, 'visible', form({ note: HOSTILE_NOTE }), {
    filing: { newCase: details },
  });
  const [opened] = await cases.listCases();
  await cases.recordAction(opened!.id, POLICE_REFERRAL, STAFF);
  const caseView = (await cases.getCase(opened!.id))!;
  const view = (await world.evidence.getCapture(metadata.id))!;
  return reportDocument({
    exportedAtUtc: '2026-06-10T00:00:00.000Z',
    exportedBy: STAFF,
    generatorVersion: '0.1.0',
    captures: [{ view, folder: 'captures/001-JS-1' }],
    caseView,
    keyFingerprint: 'e'.repeat(64),
    auditHeadHash: 'f'.repeat(64),
  });
}

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return { pages: pdf.numPages, text };
}

/** Every word the document says, block by block: what the PDF must show. */
function documentTexts(doc: ReportDocument): string[] {
  const ofBlock = (b: Block): string[] => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return [b.text];
      case 'fields':
        return b.fields.flatMap((f) => [f.label, f.value, f.remark ?? '']);
      case 'list':
        return b.items;
      case 'table':
        return [...b.columns, ...b.rows.flat()];
      case 'figure':
        return [b.caption];
    }
  };
  return [doc.school, ...doc.sections.flatMap((s) => s.blocks.flatMap(ofBlock))].filter(Boolean);
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('report.pdf', () => {
  it('shows every field of the report, in Unicode, with the images, one section a page', async () => {
    const doc = await caseReport();
    const images = new Map<string, PdfImage>(
      doc.sections
        .flatMap((s) => s.blocks)
        .flatMap((b) => (b.kind === 'figure' ? [[b.path, { jpeg: JPEG, width: 1280, height: 720 }] as const] : [])),
    );
    expect(images.size).toBe(1);
    const bytes = renderReportPdf(doc, FONTS, images);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(doc.sections.length);
    const shown = squeeze(text);
    // pdf.js gives a right-to-left run back reversed (it reads the stored order as visual).
    const found = (t: string) =>
      shown.includes(squeeze(t)) ||
      (/[\u0590-\u08ff]/.test(t) && shown.includes(Array.from(squeeze(t)).reverse().join('')));
    const missing = documentTexts(doc).filter((t) => !found(t));
    expect(missing).toEqual([]);
    // Hostile and non-Latin text is text: drawn as written, never run (a PDF with no scripts at all).
    expect(shown).toContain(squeeze(HOSTILE_NOTE));
    expect(found(ARABIC)).toBe(true);
    expect(new TextDecoder('latin1').decode(bytes)).not.toMatch(/\/(JavaScript|JS|Launch|EmbeddedFile|URI)\b/);
    expect(new TextDecoder('latin1').decode(bytes)).toContain('/DCTDecode');
  });

  it('puts a long list of captures on as many pages as it needs, numbered', async () => {
    const doc = await caseReport();
    const many: ReportDocument = {
      ...doc,
      sections: [
        doc.sections[0]!,
        { kind: 'case', blocks: [{ kind: 'list', items: Array.from({ length: 400 }, (_, i) => `entry ${i + 1}`) }] },
      ],
    };
    const { pages, text } = await pdfText(renderReportPdf(many, FONTS, new Map()));
    expect(pages).toBeGreaterThan(5);
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(squeeze(text)).toContain('400.entry400');
  });

  it('is in every exported bundle, listed in the manifest, and shows the exhibit', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const bundle = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    expect(bundle.manifest.files.find((f) => f.path === 'report.pdf')).toMatchObject({ mimeType: 'application/pdf' });
    expect((await verifyBundle(bundle.zip)).failures).toEqual([]);
    const { entries } = await openZip(bundle.zip);
    const { text } = await pdfText(await entries.find((e) => e.path === 'report.pdf')!.read());
    expect(squeeze(text)).toContain(squeeze(`Exhibit ${metadata.reference}`));
    expect(squeeze(text)).toContain(squeeze(metadata.page.url));
    expect(squeeze(text)).toContain(squeeze(metadata.artefacts[0]!.sha256));
    // The audit trail, as the bundle's audit.jsonl carries it.
    expect(squeeze(text)).toContain(squeeze('Audit trail'));
    expect(squeeze(text)).toContain(squeeze(`Entry 1, ${metadata.capturedAtUtc}`.slice(0, 12)));
    expect(squeeze(text)).toContain(`captured(exhibit${metadata.reference})(hash`); // each entry names the capture it is about
  });
});
