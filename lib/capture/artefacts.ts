import type { Artefact, ArtefactKind, CaptureMetadata } from './metadata';

/** Image kinds in the order a reader should see them: the capture's subject first, context after. */
const IMAGE_ORDER: readonly ArtefactKind[] = ['screenshot'];

export function imageArtefacts(metadata: CaptureMetadata): Artefact[] {
  return metadata.artefacts.filter((a) => IMAGE_ORDER.includes(a.kind)).sort((a, b) => IMAGE_ORDER.indexOf(a.kind) - IMAGE_ORDER.indexOf(b.kind));
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
  'scaled-from-screenshot': 'a smaller copy of the screenshot for lists',
  'document.body.innerText': 'the page’s text as the browser rendered it',
  'pageCapture.saveAsMHTML': 'the page saved by the browser as MHTML',
  'dom-snapshot': 'the page’s DOM serialised at capture',
};

/** How an artefact was made, in words for the dashboard and the report, with its pixel size. */
export function describeMethod(artefact: Artefact): string {
  const size = artefact.pixels ? `, ${artefact.pixels.width} × ${artefact.pixels.height} px` : '';
  return METHOD_WORDS[artefact.method] + size;
}
