import { stepById } from '../policy/steps';
import { ExhibitError } from '../errors';
import { entriesForCapture } from './auditLog';
import { foldCase } from './caseFold';
import { currentValuesOf } from './captureSummary';
import type { CaptureRow, ExhibitDb } from './db';
import { indexMissingPageWords } from './pageWords';
import { holdsEveryWord, wordsOf } from '../searchWords';
import { placesHolding, sentencesMentioning, type PersonPlace, type PlaceSource } from '../subjectAccess/extracts';
import type { CaseAction } from '../cases/case';

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
    // The longest word searched is the likeliest to be rare: the indexes are read for it alone.
    const key = words.reduce((a, b) => (b.length > a.length ? b : a));
    const [bySummary, byPast, byPage, byCase, byCasePast] = await Promise.all([
      db.captures.where('summary.words').startsWith(key).primaryKeys(),
      db.captures.where('summary.pastWords').startsWith(key).primaryKeys(),
      db.pageWords.where('words').startsWith(key).primaryKeys(),
      db.cases.where('words').startsWith(key).primaryKeys(),
      db.cases.where('pastWords').startsWith(key).primaryKeys(),
    ]);
    const [captures, capturesMore] = await captureHits(
      [...new Set([...bySummary, ...byPast, ...byPage])],
      words,
      limit,
    );
    const [cases, casesMore] = await caseHits([...new Set([...byCase, ...byCasePast])], words, limit);
    return { words, captures, cases, more: capturesMore || casesMore };
  }

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
    const hits: CaptureHit[] = [];
    for (const { row, page } of matched.slice(0, limit)) {
      const { metadata } = row;
      const history = await entriesForCapture(db, row.id);
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
            texts: history.flatMap(({ event }) =>
              event.action === 'capture.edited' && event.change.field !== 'category' ? [event.change.from] : [],
            ),
          },
        ],
        words,
      );
      if (!found) continue;
      // The page's text is read only now, for the sentences that mention the person.
      const pageText = found.find((p) => p.place === 'page text');
      if (pageText) pageText.texts = sentencesMentioning(await pageTextOf(row), words);
      // Their own post is theirs whole: its text, address and time, whether or not it names them.
      if (found.some((p) => p.place === 'post author'))
        found.push({
          place: 'their post',
          texts: [post.text, post.permalink, post.postedAtText].filter((t): t is string => Boolean(t)),
        });
      hits.push({
        kind: 'capture',
        captureId: row.id,
        ...(metadata.reference ? { reference: metadata.reference } : {}),
        title: metadata.page.title || metadata.page.url,
        capturedAtUtc: row.capturedAtUtc,
        caseId: row.caseId,
        places: found,
        redacted: history.some(({ event }) => event.action === 'capture.redacted'),
      });
    }
    return [hits, matched.length > limit] as const;
  }

  async function pageTextOf(row: CaptureRow): Promise<string> {
    const artefact = row.metadata.artefacts.find((a) => a.kind === 'page-text');
    const file = artefact && (await db.files.get([row.id, artefact.fileName]));
    return file ? file.blob.text() : '';
  }

  async function caseHits(ids: string[], words: string[], limit: number) {
    const rows = await db.cases.bulkGet(ids);
    const hits: CaseHit[] = [];
    for (const id of rows.flatMap((row) =>
      row && holdsEveryWord([...row.words, ...row.pastWords], words) ? [row.id] : [],
    )) {
      const view = await foldCase(db, id);
      if (!view) continue;
      const { title, personPosting, affected, owner } = view.details;
      const actionTexts = (action: CaseAction) => [
        action.outcome,
        action.who,
        action.reference,
        ...Object.values(action.police ?? {}),
      ];
      // What it said before each change, and each action before its last correction.
      const earlier = [
        ...view.chronology.flatMap(({ event }) =>
          event.action === 'case.changed'
            ? [
                event.from.title,
                event.from.personPosting.name,
                ...event.from.personPosting.profileUrls,
                event.from.affected,
              ]
            : [],
        ),
        ...view.actions.flatMap(({ history }) =>
          history
            .slice(0, -1)
            .flatMap(({ event }) =>
              event.action === 'action.recorded' || event.action === 'action.corrected'
                ? actionTexts(event.details)
                : [],
            ),
        ),
      ];
      const found = placesHolding(
        [
          { place: 'case title', texts: [title], whole: true },
          { place: 'person posting', texts: [personPosting.name, personPosting.relationship], whole: true },
          { place: 'person posting’s profile links', texts: personPosting.profileUrls, whole: true },
          { place: 'people affected', texts: affected.split(/[,;]/) },
          { place: 'case owner', texts: [owner], whole: true },
          ...view.actions.flatMap(({ current }): PlaceSource[] => [
            { place: `action “${stepById(current.step).label}”`, texts: actionTexts(current) },
            ...current.attachments.map((file) => ({
              place: `attachment ${file.fileName}`,
              texts: [file.fileName],
              whole: true,
            })),
          ]),
          { place: 'earlier details or actions in its history', texts: earlier },
        ],
        words,
      );
      // Found only through its captures' words: the captures are listed themselves.
      if (found) hits.push({ kind: 'case', caseId: id, title, lastActivityUtc: view.lastActivityUtc, places: found });
    }
    hits.sort((a, b) => b.lastActivityUtc.localeCompare(a.lastActivityUtc));
    return [hits.slice(0, limit), hits.length > limit] as const;
  }

  return { find };
}
export type PersonSearch = ReturnType<typeof createPersonSearch>;
