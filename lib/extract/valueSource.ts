import { z } from 'zod';

/**
 * Where a post's value came from (issue #19), recorded beside it at capture: the text or an attribute
 * of an element of the post, the page's own metadata, the page's address, or derived from the post's
 * id — a value the page does not show, labelled so wherever it is shown.
 */
export const ValueSourceSchema = z.object({
  kind: z.enum(['text', 'attribute', 'metadata', 'address', 'post-id']),
  /** The element, as a short selector: its tag and the attributes that mark it. */
  element: z.string().max(300).optional(),
  /** The attribute read (kind `attribute`, or `metadata` from a meta tag's `content`). */
  attribute: z.string().max(100).optional(),
  /** Within a structured value: a JSON path in the page's JSON-LD, a part of a label or a link. */
  part: z.string().max(200).optional(),
  /** For a value derived rather than shown: how (kind `post-id`). */
  derivation: z.string().max(300).optional(),
});
export type ValueSource = z.infer<typeof ValueSourceSchema>;

/** A value read from the page together with where it came from. */
export interface Sourced {
  value: string | null;
  source: ValueSource;
}

/** Whether the page does not show the value itself: it was worked out from something it does show. */
export function isDerived(source: ValueSource): boolean {
  return source.kind === 'post-id';
}

/** In words, for the dashboard and the report: "the datetime attribute of time". */
export function valueSourceWords(source: ValueSource): string {
  const part = source.part ? ` (${source.part})` : '';
  const element = source.element ?? 'the page';
  switch (source.kind) {
    case 'text':
      return `the text of ${element}${part}`;
    case 'attribute':
      return `the ${source.attribute ?? ''} attribute of ${element}${part}`;
    case 'metadata':
      return `the page’s metadata, ${element}${source.attribute ? ` ${source.attribute}` : ''}${part}`;
    case 'address':
      return `the page’s address${part}`;
    case 'post-id':
      return `derived, not shown on the page: ${source.derivation ?? 'from the post’s id'}${part}`;
  }
}
