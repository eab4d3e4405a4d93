import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import monoFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf?url';
import type { PdfFonts } from '../bundle/reportPdf';

/** The report's fonts, packaged with the extension (no network: an extension-local fetch). */
export async function pdfFonts(): Promise<PdfFonts> {
  const load = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const [regular, mono] = await Promise.all([load(regularFontUrl), load(monoFontUrl)]);
  return { regular, mono };
}
