import type { ReportDocument } from '../bundle/reportDocument';
import type { PdfImage } from '../bundle/reportPdf';
import { pdfFonts } from './pdfAssets';
import type { ReportPdfJob, ReportPdfResult } from './reportPdfWorker';
import ReportPdfWorker from './reportPdfWorker?worker';

/**
 * report.pdf laid out in a worker (./reportPdfWorker.ts); stopping the export stops the worker.
 * The images' and fonts' bytes are handed over, not copied (tens of MB for hundreds of exhibits),
 * so the caller must not read them afterwards.
 */
export async function renderReportPdfInWorker(
  document: ReportDocument,
  images: ReadonlyMap<string, PdfImage>,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const job: ReportPdfJob = { document, fonts: await pdfFonts(), images: [...images] };
  signal?.throwIfAborted();
  const worker = new ReportPdfWorker();
  let stop = () => {};
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      stop = () => reject(signal?.reason instanceof Error ? signal.reason : new Error('report.pdf was stopped.'));
      signal?.addEventListener('abort', stop, { once: true });
      worker.onerror = (event) => reject(new Error(`report.pdf could not be made: ${event.message}`));
      worker.onmessage = ({ data }: MessageEvent<ReportPdfResult>) =>
        'pdf' in data ? resolve(data.pdf) : reject(new Error(`report.pdf could not be made: ${data.error}`));
      const bytes = [job.fonts.regular, job.fonts.mono, ...job.images.map(([, image]) => image.jpeg)];
      worker.postMessage(job, { transfer: [...new Set(bytes.map((b) => b.buffer as ArrayBuffer))] });
    });
  } finally {
    worker.terminate();
    signal?.removeEventListener('abort', stop); // the signal may outlive this export's PDF
  }
}
