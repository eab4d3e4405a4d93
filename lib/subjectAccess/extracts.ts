import { z } from 'zod';
import { holdsEveryWord, wordsOf } from '../searchWords';

/** One place a person appears in a capture or case, and what it says of them there. */
export const PersonPlaceSchema = z.object({
  place: z.string().max(300),
  texts: z.array(z.string().max(2000)).max(100),
});
export type PersonPlace = z.infer<typeof PersonPlaceSchema>;

/**
 * A place of an item to search: its label and texts. Texts that identify the person (an author's
 * name, handle and profile link) are kept whole; prose (a post, a note, a page) only in the sentences
 * that mention them, so other people's words are left out. `words`, when given, are matched instead
 * of the texts' (a page's text, indexed as words and read only when it matches).
 */
export interface PlaceSource {
  place: string;
  texts: readonly (string | null | undefined)[];
  whole?: boolean;
  words?: readonly string[];
}

const MAX_SENTENCES = 20;
const MAX_SENTENCE = 1000;

/** Does the text hold a word beginning with one of the words searched? */
export function mentions(text: string, searched: readonly string[]): boolean {
  const held = wordsOf(text);
  return searched.some((word) => held.some((h) => h.startsWith(word)));
}

/** The sentences (or lines) of a text that mention one of the words searched, each cut to a length. */
export function sentencesMentioning(text: string, searched: readonly string[]): string[] {
  return (
    text
      // A sentence ends at . ! or ? and a space, but not after an initial or a title ("J. Smith", "Mrs. Y").
      .split(/(?<=[.!?])(?<!(?:^|\s)(?:\p{Lu}|Mr|Mrs|Ms|Mx|Dr|St)\.)\s+|\n+/u)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence !== '' && mentions(sentence, searched))
      .slice(0, MAX_SENTENCES)
      .map((sentence) => (sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE - 1)}…` : sentence))
  );
}

/**
 * The places holding a word searched, with what they say, when the item as a whole holds every word
 * searched (as the beginning of a word); else undefined.
 */
export function placesHolding(sources: readonly PlaceSource[], searched: readonly string[]): PersonPlace[] | undefined {
  const held = sources.map((source) => ({
    source,
    words: source.words ?? wordsOf(...source.texts.map((t) => t ?? '')),
  }));
  if (
    !holdsEveryWord(
      held.flatMap(({ words }) => words),
      searched,
    )
  )
    return undefined;
  return held
    .filter(({ words }) => searched.some((word) => words.some((h) => h.startsWith(word))))
    .map(({ source }) => {
      const texts = source.texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
      return {
        place: source.place,
        texts: source.whole
          ? texts.map((t) => t.slice(0, MAX_SENTENCE))
          : texts.flatMap((t) => sentencesMentioning(t, searched)).slice(0, MAX_SENTENCES),
      };
    });
}
