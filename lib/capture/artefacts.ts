import type { Artefact, ArtefactKind, CaptureMetadata } from './metadata';

/** Image kinds in the order a reader should see them: the capture's subject first, context after. */
const IMAGE_ORDER: readonly ArtefactKind[] = ['element', 'full-page', 'screenshot', 'rendered'];

export function imageArtefacts(metadata: CaptureMetadata): Artefact[] {
  const rank = (a: Artefact) => IMAGE_ORDER.indexOf(a.kind) * 1000 + (a.part?.index ?? 0);
  return metadata.artefacts.filter((a) => IMAGE_ORDER.includes(a.kind)).sort((a, b) => rank(a) - rank(b));
}

/** The image that stands for the capture (what the popup's short hash and the list refer to). */
export function primaryImage(metadata: CaptureMetadata): Artefact | undefined {
  return imageArtefacts(metadata)[0];
}

export function thumbnailOf(metadata: CaptureMetadata): Artefact | undefined {
  return metadata.artefacts.find((a) => a.kind === 'thumbnail');
}

const METHOD_WORDS: Record<Artefact['method'], string> = {
  'tabs.captureVisibleTab': 'the browser’s own screenshot of the visible tab',
  'cropped-from-screenshot': 'the chosen element cut from the browser’s screenshot at device-pixel precision',
  'stitched-captureVisibleTab': 'browser screenshots taken while scrolling, joined row for row',
  'tabs.captureTab': 'the browser’s own rendering of the whole region in one capture (Firefox)',
  html2canvas: 're-rendered from the page’s code, not a screenshot',
  'html2canvas-page-world':
    're-rendered from the page’s code inside the page’s own world, where the page’s scripts could change what was drawn; not a screenshot',
  'scaled-from-screenshot': 'a smaller copy of the screenshot for lists',
  'document.body.innerText': 'the page’s text as the browser rendered it',
  'pageCapture.saveAsMHTML': 'the page saved by the browser as MHTML',
  'dom-snapshot': 'the page’s DOM serialised at capture',
};

/** How an artefact was made, in words for the dashboard and the report, with its pixel size. */
export function describeMethod(artefact: Artefact): string {
  const size = artefact.pixels ? `, ${artefact.pixels.width} × ${artefact.pixels.height} px` : '';
  const part = artefact.part && artefact.part.of > 1 ? ` (part ${artefact.part.index} of ${artefact.part.of})` : '';
  return METHOD_WORDS[artefact.method] + size + part;
}
