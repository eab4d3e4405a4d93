import { useId, useState, type ReactNode, type SyntheticEvent } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { SubjectAccessPackForm } from './SubjectAccessPackForm';
import { SubjectAccessRequests } from './SubjectAccessRequests';
import type { SubjectAccessRequestRow } from '@/lib/store/db';
import { pageServices } from '@/lib/browser/pageServices';
import type { PersonSearchResult } from '@/lib/store/personSearch';
import type { PersonPlace } from '@/lib/subjectAccess/extracts';
import { formatUtc } from '@/lib/time';
import { showInvisible } from '@/lib/visibleText';
import { useAction } from './useAction';

const PEOPLE_LIMIT = 200;

/**
 * Find a person (issue #18, subject access): one search over everything Exhibit holds, listing each
 * capture and case the person appears in and where in it. Page text not yet indexed (captures kept
 * before, or received) is read first, with its progress shown.
 */
export function PersonSearch() {
  const id = useId();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<PersonSearchResult>();
  const [indexing, setIndexing] = useState<{ done: number; of: number }>();
  /** The logged request being answered, when the search started from one. */
  const [answering, setAnswering] = useState<SubjectAccessRequestRow>();
  const { error, busy, run } = useAction();

  async function find(text: string) {
    await run(async () => {
      setResult(undefined);
      try {
        setResult(await pageServices().people.find(text, PEOPLE_LIMIT, (done, of) => setIndexing({ done, of })));
      } finally {
        setIndexing(undefined);
      }
    });
  }

  async function search(event: SyntheticEvent) {
    event.preventDefault();
    setAnswering(undefined);
    await find(query);
  }

  async function answer(row: SubjectAccessRequestRow) {
    setQuery(row.person);
    setAnswering(row);
    await find(row.person);
  }

  return (
    <section aria-label="Find a person">
      <SubjectAccessRequests onAnswer={(row) => void answer(row)} />
      <h2>Find a person</h2>
      <p className="help">
        For a subject access request, or to check what is held about someone: search for a name, a handle or a profile
        link. Every capture and case in which all its words appear (as the beginnings of words) is listed, with where:
        post authors, posts’ and pages’ text, notes, page titles and addresses, cases’ people, actions, attachments’
        names, and earlier values kept in their history.
      </p>
      <form className="row" role="search" onSubmit={(event) => void search(event)}>
        <label htmlFor={`${id}-query`}>Name, handle or profile link</label>
        <input id={`${id}-query`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" disabled={busy}>
          Search
        </button>
      </form>
      {indexing && (
        <p role="status">
          Reading the page text of captures not yet indexed: {indexing.done} of {indexing.of}{' '}
          <progress value={indexing.done} max={indexing.of} aria-label="Page text indexed" />
        </p>
      )}
      <ErrorMessage error={error} />
      {result && (
        <PersonResults
          key={`${result.words.join(' ')} ${answering?.requestId ?? ''}`}
          result={result}
          query={query}
          answering={answering}
        />
      )}
    </section>
  );
}

function PersonResults({
  result,
  query,
  answering,
}: {
  result: PersonSearchResult;
  query: string;
  answering: SubjectAccessRequestRow | undefined;
}) {
  const { captures, cases, more, words } = result;
  // Everything found goes in a pack unless unticked: leaving something out is the deliberate act.
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setLeft((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  const include = (id: string, label: string) => (
    <input
      type="checkbox"
      checked={!left.has(id)}
      onChange={() => toggle(id)}
      aria-label={`Include ${label} in a pack`}
    />
  );
  return (
    <div aria-live="polite" data-testid="person-results">
      <p role="status">
        Found in {captures.length} capture(s) and {cases.length} case(s) for “{showInvisible(words.join(' '))}”.
        {more &&
          ` More than ${PEOPLE_LIMIT} of one kind were found: only the newest are listed; make the search more exact.`}
      </p>
      <HitsTable
        caption="Captures"
        what="Capture"
        include={include}
        hits={captures.map((hit) => ({
          id: hit.captureId,
          kind: 'capture',
          href: `#capture=${hit.captureId}`,
          name: `${hit.reference ? `${hit.reference}: ` : ''}${hit.title}`,
          label: hit.reference ?? hit.title,
          taken: formatUtc(hit.capturedAtUtc),
          places: hit.places,
        }))}
      />
      <HitsTable
        caption="Cases"
        what="Case"
        include={include}
        hits={cases.map((hit) => ({
          id: hit.caseId,
          kind: 'case',
          href: `#case=${hit.caseId}`,
          name: hit.title,
          label: hit.title,
          places: hit.places,
        }))}
      />
      {captures.length + cases.length > 0 && (
        <SubjectAccessPackForm
          person={query.trim()}
          answering={answering}
          captures={captures.filter((hit) => !left.has(hit.captureId))}
          cases={cases.filter((hit) => !left.has(hit.caseId))}
        />
      )}
    </div>
  );
}

/** One row of the results: a capture or a case, where the person appears in it. */
interface HitRow {
  id: string;
  kind: 'capture' | 'case';
  href: string;
  name: string;
  label: string;
  taken?: string;
  places: readonly PersonPlace[];
}

/** The captures, or the cases, found: each with its box for a pack, its link, and its places. */
function HitsTable({
  caption,
  what,
  hits,
  include,
}: {
  caption: string;
  what: string;
  hits: readonly HitRow[];
  include: (id: string, label: string) => ReactNode;
}) {
  if (hits.length === 0) return null;
  const dated = hits.some((hit) => hit.taken !== undefined);
  return (
    <table className="captures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>In a pack</th>
          <th>{what}</th>
          {dated && <th>Taken</th>}
          <th>Where the person appears</th>
        </tr>
      </thead>
      <tbody>
        {hits.map((hit) => (
          <tr
            key={hit.id}
            data-capture-id={hit.kind === 'capture' ? hit.id : undefined}
            data-case-id={hit.kind === 'case' ? hit.id : undefined}
          >
            <td>{include(hit.id, hit.label)}</td>
            <td>
              <a href={hit.href}>{showInvisible(hit.name)}</a>
            </td>
            {dated && <td>{hit.taken}</td>}
            <td>
              <Places places={hit.places} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where the person appears in one item, and what it says of them there (what a pack would give). */
function Places({ places }: { places: readonly PersonPlace[] }) {
  return (
    <ul className="person-places">
      {places.map(({ place, texts }) => (
        <li key={place}>
          <strong>{showInvisible(place)}</strong>
          {texts.length > 0 && (
            <ul>
              {texts.map((text, index) => (
                <li key={index}>{showInvisible(text)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
