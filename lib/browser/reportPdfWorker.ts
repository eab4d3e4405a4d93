import { renderReportPdf, type PdfFonts, type PdfImage } from '../bundle/reportPdf';
import type { ReportDocument } from '../bundle/reportDocument';

// report.pdf is laid out here, off the exporting page's thread, so it is made while the page
// reads the bundle's files instead of after them (2.8 s of a 14.5 s build, docs/benchmarks.md).
export interface ReportPdfJob {
  document: ReportDocument;
  fonts: PdfFonts;
  images: [string, PdfImage][];
}
export type ReportPdfResult = { pdf: Uint8Array<ArrayBuffer> } | { error: string };

self.onmessage = ({ data }: MessageEvent<ReportPdfJob>) => {
  let result: ReportPdfResult;
  try {
    result = { pdf: renderReportPdf(data.document, data.fonts, new Map(data.images)) as Uint8Array<ArrayBuffer> };
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(result, { transfer: 'pdf' in result ? [result.pdf.buffer] : [] });
};
