import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import type { PostDetails } from '@/lib/extract';

/** A fixture page as a DOM at the URL it pretends to be at. */
export function loadFixture(name: string, url: string): Document {
  const window = new Window({ url });
  window.document.write(readFileSync(new URL(`./fixtures/${name}.html`, import.meta.url), 'utf8'));
  return window.document as unknown as Document;
}

/** A post's values without where each came from: for tests about the values alone. */
export function valuesOf(details: PostDetails): Omit<PostDetails, 'sources'> {
  const { sources: _sources, ...values } = details;
  return values;
}
