import { stepById } from '../policy/steps';
import { ExhibitError } from '../errors';
import { entriesNamingEach } from './auditLog';
import { caseStateOf } from './caseFold';
import { currentValuesOf, earlierValuesOf } from './captureSummary';
import { actionValues, earlierCaseValues } from './caseSummary';
import type { CaptureRow, CaseRow, ExhibitDb } from './db';
import { indexMissingPageWords } from './pageWords';
import { holdsEveryWord, wordsOf } from '../searchWords';
import { placesHolding, sentencesMentioning, type PersonPlace, type PlaceSource } from '../subjectAccess/extracts';

/** A capture or case in which the person searched for appears, and each place they appear in it. */
export interface CaptureHit {
  kind: 'capture';
  captureId: string;
  reference?: string;
  title: string;
  capturedAtUtc: string;
  caseId: string;
  places: PersonPlace[];
  /** Whether it has a redacted copy: a pack gives only redacted images (none, without one). */
  redacted: boolean;
}
export interface CaseHit {
  kind: 'case';
  caseId: string;
  title: string;
  lastActivityUtc: string;
  places: PersonPlace[];
}

export interface PersonSearchResult {
  words: string[];
  captures: CaptureHit[];
  cases: CaseHit[];
  /** More captures or cases than `limit` hold every word searched. */
  more: boolean;
}

/**
 * Subject access (issue #18): everything Exhibit holds about one person — post authors, handles and
 * profile links, posts' and pages' text, notes, pages' titles and addresses, cases' people, actions
 * (references, police officers) and attachments' names — found through the words indexes (captures'
 * summaries, their page text, cases' rows), never by reading every row. Every word searched must be
 * held by the item, as the beginning of a word (as the lists' search); each place it appears is named.
 */
export function createPersonSearch(db: ExhibitDb) {
  async function find(
    query: string,
    limit = 200,
    onIndexing?: (done: number, of: number) => void,
  ): Promise<PersonSearchResult> {
    const words = wordsOf(query);
    if (words.length === 0)
      throw new ExhibitError('invalid-input', 'Type a name, a handle or a profile link to search for.');
    await indexMissingPageWords(db, onIndexing);
    // One read transaction for the indexes, rows and histories; the page texts, which a Blob read
    // would let that transaction end, are read after it.
    const { captures, pageTexts, cases, more } = await db.transaction(
      'r',
      [db.captures, db.pageWords, db.cases, db.audit, db.receivedAudit, db.files],
      async () => {
        // The keys holding each word (keys alone, from the indexes), intersected: only items holding
        // every word are read, however common one of the words is.
        const [captureIds, caseIds] = await Promise.all([
          keysHoldingEvery(words, (word) => [
            db.captures.where('summary.words').startsWith(word).primaryKeys(),
            db.captures.where('summary.pastWords').startsWith(word).primaryKeys(),
            db.pageWords.where('words').startsWith(word).primaryKeys(),
          ]),
          keysHoldingEvery(words, (word) => [
            db.cases.where('words').startsWith(word).primaryKeys(),
            db.cases.where('pastWords').startsWith(word).primaryKeys(),
          ]),
        ]);
        const [captureFound, caseFound] = await Promise.all([
          captureHits(captureIds, words, limit),
          caseHits(caseIds, words, limit),
        ]);
        return { ...captureFound, cases: caseFound.hits, more: captureFound.more || caseFound.more };
      },
    );
    await Promise.all(
      captures.map(async (hit) => {
        const place = hit.places.find((p) => p.place === 'page text');
        const blob = pageTexts.get(hit.captureId);
        if (place && blob) place.texts = sentencesMentioning(await blob.text(), words);
      }),
    );
    return { words, captures, cases, more };
  }

  /** Captures holding every word; the newest `limit` folded for their places, with their page text's file. */
  async function captureHits(ids: string[], words: string[], limit: number) {
    const [rows, pages] = await Promise.all([db.captures.bulkGet(ids), db.pageWords.bulkGet(ids)]);
    // Which hold every word searched, from the words their rows keep: only the newest of those are
    // folded and read, however common the word.
    const matched = rows
      .flatMap((row, index) => {
        const held = row && [...row.summary.words, ...(row.summary.pastWords ?? []), ...(pages[index]?.words ?? [])];
        return row && held && holdsEveryWord(held, words) ? [{ row, page: pages[index] }] : [];
      })
      .sort((a, b) => b.row.capturedAtUtc.localeCompare(a.row.capturedAtUtc));
    const shown = matched.slice(0, limit);
    const histories = await entriesNamingEach(
      db,
      'event.captureId',
      shown.map(({ row }) => row.id),
    );
    const pageTexts = new Map<string, Blob>();
    const hits = await Promise.all(
      shown.map(async ({ row, page }): Promise<CaptureHit | undefined> => {
        const { metadata } = row;
        const history = histories.get(row.id) ?? [];
        const { post, note } = currentValuesOf(metadata, history);
        const found = placesHolding(
          [
            { place: 'post author', texts: [post.authorName, post.authorHandle, post.authorProfileUrl], whole: true },
            {
              place: 'author as recorded by staff',
              texts: [metadata.author.name, metadata.author.profileUrl],
              whole: true,
            },
            { place: 'post text', texts: [post.text] },
            { place: 'note', texts: [note] },
            { place: 'page title', texts: [metadata.page.title] },
            { place: 'page address', texts: [metadata.page.url], whole: true },
            { place: 'page text', texts: [], words: page?.words ?? [] },
            {
              place: 'earlier values in its history',
              texts: earlierValuesOf(history),
            },
          ],
          words,
        );
        if (!found) return undefined;
        // The page's text file, for the sentences that mention the person (read after the transaction).
        if (found.some((p) => p.place === 'page text')) {
          const file = await pageTextFile(row);
          if (file) pageTexts.set(row.id, file);
        }
        // Their own post is theirs whole: its text, address and time, whether or not it names them.
        if (found.some((p) => p.place === 'post author'))
          found.push({
            place: 'their post',
            texts: [post.text, post.permalink, post.postedAtText].filter((t): t is string => Boolean(t)),
          });
        return {
          kind: 'capture',
          captureId: row.id,
          ...(metadata.reference ? { reference: metadata.reference } : {}),
          title: metadata.page.title || metadata.page.url,
          capturedAtUtc: row.capturedAtUtc,
          caseId: row.caseId,
          places: found,
          redacted: history.some(({ event }) => event.action === 'capture.redacted'),
        };
      }),
    );
    return {
      captures: hits.filter((hit): hit is CaptureHit => hit !== undefined),
      pageTexts,
      more: matched.length > limit,
    };
  }

  async function pageTextFile(row: CaptureRow): Promise<Blob | undefined> {
    const artefact = row.metadata.artefacts.find((a) => a.kind === 'page-text');
    return artefact && (await db.files.get([row.id, artefact.fileName]))?.blob;
  }

  /** Cases holding every word in their own details and actions (their captures are listed themselves). */
  async function caseHits(ids: string[], words: string[], limit: number) {
    const rows = (await db.cases.bulkGet(ids))
      .filter((row): row is CaseRow => row !== undefined && holdsEveryWord([...row.words, ...row.pastWords], words))
      .sort((a, b) => b.lastActivityUtc.localeCompare(a.lastActivityUtc));
    // Their own entries only: where a person appears in a case is its details and actions.
    const entries = await entriesNamingEach(
      db,
      'event.caseId',
      rows.map((row) => row.id),
    );
    const found = rows.map((row): CaseHit | undefined => {
      const caseEntries = entries.get(row.id) ?? [];
      const { details, actions } = caseStateOf(row, caseEntries);
      const { title, personPosting, affected, owner } = details;
      const places = placesHolding(
        [
          { place: 'case title', texts: [title], whole: true },
          { place: 'person posting', texts: [personPosting.name, personPosting.relationship], whole: true },
          { place: 'person posting’s profile links', texts: personPosting.profileUrls, whole: true },
          { place: 'people affected', texts: affected.split(/[,;]/) },
          { place: 'case owner', texts: [owner], whole: true },
          ...actions.flatMap(({ current }): PlaceSource[] => [
            { place: `action “${stepById(current.step).label}”`, texts: actionValues(current) },
            ...current.attachments.map((file) => ({
              place: `attachment ${file.fileName}`,
              texts: [file.fileName],
              whole: true,
            })),
          ]),
          { place: 'earlier details or actions in its history', texts: earlierCaseValues(caseEntries, actions) },
        ],
        words,
      );
      return places && { kind: 'case', caseId: row.id, title, lastActivityUtc: row.lastActivityUtc, places };
    });
    const hits = found.filter((hit): hit is CaseHit => hit !== undefined);
    return { hits: hits.slice(0, limit), more: hits.length > limit };
  }

  return { find };
}
export type PersonSearch = ReturnType<typeof createPersonSearch>;

/** The keys found for every word, each word's from any of its indexes (`sources`). */
async function keysHoldingEvery(
  words: readonly string[],
  sources: (word: string) => Promise<string[]>[],
): Promise<string[]> {
  const perWord = await Promise.all(words.map(async (word) => new Set((await Promise.all(sources(word))).flat())));
  const [first, ...rest] = perWord.sort((a, b) => a.size - b.size);
  return [...(first ?? [])].filter((key) => rest.every((keys) => keys.has(key)));
}
