import { sealEntry, type AuditEntry, type AuditEvent } from '../audit';
import { canonicalJson } from '../canonicalJson';
import type { CaseDetails } from '../cases/case';
import type { CaptureMetadata, StaffMember } from '../capture/metadata';
import { sha256Hex } from '../hash';
import type { CategoryChoice } from '../policy';
import { captureRowOf, summaryOf } from './captureSummary';
import { keepCaseSummary } from './caseFold';
import { caseRowSummary } from './caseSummary';
import { wordsOf } from '../searchWords';
import type { CaptureRow, CaseRow, ExhibitDb, OpenResponseRow, StoredFile } from './db';

// For `npm run bench` only (the e2e build's bench page and its unit test; no extension page imports
// it). The store-scale benchmark's fast path (issue #17): fills a store with `captures` copies of one
// real capture and `cases` cases, writing exactly the rows the repositories write — each capture's
// row with its summary folded from its own entries by the same summaryOf, its files, its sealed
// audit entries in one unbroken chain, the open responses, and each case's row summary folded by
// the same keepCaseSummary — in large transactions instead of one per click, so that 10,000
// captures take seconds, not an hour. Texts, names, sites and times vary so indexes and searches
// see a realistic spread; every value is made up.

const SITES = ['www.facebook.com', 'x.com', 'www.instagram.com', 'www.tiktok.com', 'www.reddit.com', 'forum.example'];
const CATEGORIES: CategoryChoice[] = [
  { id: 'defamation' },
  { id: 'threats' },
  { id: 'racist-comments' },
  { id: 'allegations' },
  { id: 'naming-children' },
];
const FIRST = ['Sam', 'Alex', 'Jo', 'Pat', 'Chris', 'Robin', 'Jamie', 'Lee', 'Kim', 'Dana', 'Morgan', 'Ash'];
const LAST = ['Hill', 'Ward', 'Green', 'Stone', 'Marsh', 'Brook', 'Field', 'Lane', 'Wood', 'Dale', 'Shaw', 'Reed'];

/** A small deterministic generator: the same store every run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

/** Made-up words; `word(n)` for n < VOCABULARY_SIZE. A search for `word(7)` finds about 1 in 200 texts. */
const VOCABULARY_SIZE = 3000;
export const word = (n: number) => `w${n.toString(36)}${'aeiou'[n % 5]}${'klmnprst'[n % 8]}`;

export interface FillResult {
  captures: number;
  cases: number;
  entries: number;
  ms: number;
  /** A case in the middle of the store, with captures, for the case page. */
  sampleCaseId?: string;
  /** A word a search finds in some texts. */
  searchWord: string;
  /** A person named in some captures' page text (about 1 in 150) and as some authors, for finding a person. */
  personName: string;
  /** A person named in the page text of ten captures, whatever the store's size. */
  rareName: string;
}

const RARE_NAME = 'Quinn Ashdown';

/**
 * Fills the store from `template`, one real capture already stored through the capture service
 * (its files are reused for every copy: the list shows the same thumbnail, with its own row).
 */
export async function fillStore(
  db: ExhibitDb,
  template: CaptureMetadata,
  captures: number,
  cases: number,
  staff: StaffMember,
): Promise<FillResult> {
  const start = performance.now();
  const rng = random(17);
  const files = await db.files.where('captureId').equals(template.id).toArray();
  const templateText = await files.find((f) => f.kind === 'page-text')?.blob.text();
  const actor = { name: staff.name, email: staff.email };
  const person = () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  const text = (length: number) =>
    Array.from({ length }, () => word(Math.floor(rng.next() * VOCABULARY_SIZE))).join(' ');
  // Two years of activity, ending a day before now.
  const end = Date.now() - 86_400_000;
  const span = 2 * 365 * 86_400_000;
  const at = (fraction: number) => new Date(end - span + fraction * span).toISOString();

  const events: { at: string; order: number; event: AuditEvent }[] = [];
  const caseRows: CaseRow[] = [];
  for (let c = 0; c < cases; c++) {
    const id = crypto.randomUUID();
    const openedAtUtc = at(c / Math.max(cases, 1));
    const details: CaseDetails = {
      title: `${rng.pick(['Posts about', 'Comments on', 'Group thread on'])} ${text(2)} ${c + 1}`,
      personPosting: { name: person(), profileUrls: [], relationship: 'parent of a pupil' },
      affected: person(),
      owner: staff.name,
    };
    caseRows.push({
      id,
      openedAtUtc,
      details,
      ...caseRowSummary({ details, status: 'open', lastActivityUtc: openedAtUtc, actions: [] }, []),
    });
    events.push({ at: openedAtUtc, order: 0, event: { action: 'case.opened', caseId: id, details } });
    if (c % 3 === 0)
      events.push({
        at: openedAtUtc,
        order: 5,
        event: { action: 'case.status', caseId: id, from: 'open', to: 'monitoring', note: '' },
      });
  }

  const metadataOf = new Map<string, CaptureMetadata>();
  const caseOf = new Map<string, string>();
  const responses: OpenResponseRow[] = [];
  // Each copy's page text is its own (the template's and a line naming someone), kept as its
  // page-text file with its hash in the metadata, and its words as the background keeps them.
  const pageTexts = new Map<string, string>();
  let personName = '';
  for (let i = 0; i < captures; i++) {
    const capturedAtUtc = at(i / Math.max(captures, 1));
    const site = rng.pick(SITES);
    const needsResponse = i % 100 === 0;
    const named = person();
    if (i === Math.floor(captures / 2)) personName = named;
    const rare = captures >= 10 && i % Math.floor(captures / 10) === 0 ? `\nReply from ${RARE_NAME}.` : '';
    const pageText = templateText === undefined ? undefined : `${templateText}\n${named} wrote: ${text(30)}${rare}`;
    const metadata: CaptureMetadata = {
      ...template,
      artefacts: template.artefacts.map((artefact) =>
        artefact.kind === 'page-text' && pageText !== undefined
          ? { ...artefact, bytes: new TextEncoder().encode(pageText).length, sha256: sha256Hex(pageText) }
          : artefact,
      ),
      id: crypto.randomUUID(),
      reference: `BE/${i + 1}`,
      capturedAtUtc,
      category: rng.pick(CATEGORIES),
      note: text(12),
      author: { name: person() },
      page: { ...template.page, url: `https://${site}/posts/${i + 1}`, title: `${text(4)} | ${site}` },
      ...(needsResponse ? { needsResponse: true, responseReceivedAtUtc: capturedAtUtc } : {}),
    };
    metadataOf.set(metadata.id, metadata);
    if (pageText !== undefined) pageTexts.set(metadata.id, pageText);
    events.push({
      at: capturedAtUtc,
      order: 1,
      event: { action: 'capture.created', captureId: metadata.id, metadataSha256: sha256Hex(canonicalJson(metadata)) },
    });
    // Three in five are filed in one of the twenty cases opened last before them.
    const opened = caseRows.filter((row) => row.openedAtUtc <= capturedAtUtc).slice(-20);
    if (opened.length > 0 && i % 5 < 3) {
      const caseId = rng.pick(opened).id;
      caseOf.set(metadata.id, caseId);
      events.push({
        at: capturedAtUtc,
        order: 2,
        event: { action: 'capture.filed', captureId: metadata.id, caseId, previousCaseId: 'unfiled' },
      });
    }
    // Edits, so each capture has five entries on average with its filing and its case's.
    let note = metadata.note;
    for (let e = 0; e < 2 + (i % 3); e++) {
      const to = `${note} ${text(2)}`;
      events.push({
        at: new Date(Date.parse(capturedAtUtc) + (e + 1) * 3_600_000).toISOString(),
        order: 3,
        event: { action: 'capture.edited', captureId: metadata.id, change: { field: 'note', from: note, to } },
      });
      note = to;
    }
    if (i % 4 === 0)
      events.push({
        at: new Date(Date.parse(capturedAtUtc) + 5 * 3_600_000).toISOString(),
        order: 3,
        event: {
          action: 'capture.edited',
          captureId: metadata.id,
          change: { field: 'category', from: metadata.category, to: { id: 'allegations' } },
        },
      });
    if (needsResponse) {
      if (i % 200 === 0)
        events.push({
          at: new Date(Date.parse(capturedAtUtc) + 3_600_000).toISOString(),
          order: 4,
          event: { action: 'response.answered', captureId: metadata.id, how: 'Replied on the page' },
        });
      else responses.push({ captureId: metadata.id, receivedAtUtc: capturedAtUtc });
    }
  }

  // Sealed in time order after what the store already holds: one chain, as appendAudit makes it.
  events.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  let previous = await db.audit.orderBy('seq').last();
  const entries: AuditEntry[] = events.map(({ at, event }) => (previous = sealEntry({ at, actor, event }, previous)));
  const historyOf = new Map<string, AuditEntry[]>();
  for (const entry of entries)
    if ('captureId' in entry.event) {
      const list = historyOf.get(entry.event.captureId) ?? [];
      list.push(entry);
      historyOf.set(entry.event.captureId, list);
    }
  const rows: CaptureRow[] = [...metadataOf.values()].map((metadata) =>
    captureRowOf(metadata, caseOf.get(metadata.id) ?? 'unfiled', summaryOf(metadata, historyOf.get(metadata.id) ?? [])),
  );

  /** A copy's file: the template's, but for its own page text. */
  const fileOf = (file: StoredFile, captureId: string): StoredFile => {
    const own = file.kind === 'page-text' ? pageTexts.get(captureId) : undefined;
    return own === undefined
      ? { ...file, captureId }
      : { ...file, captureId, blob: new Blob([own], { type: file.blob.type }), sha256: sha256Hex(own) };
  };

  const CHUNK = 2000;
  await db.transaction('rw', [db.cases, db.audit, db.openResponses, db.settings], async () => {
    await db.cases.bulkAdd(caseRows);
    await db.openResponses.bulkAdd(responses);
    await db.settings.put({ key: 'exhibitNumbers', value: { BE: captures } });
  });
  for (let offset = 0; offset < entries.length; offset += CHUNK * 5)
    await db.audit.bulkAdd(entries.slice(offset, offset + CHUNK * 5));
  for (let offset = 0; offset < rows.length; offset += CHUNK) {
    const chunk = rows.slice(offset, offset + CHUNK);
    await db.transaction('rw', [db.captures, db.files, db.pageWords], async () => {
      await db.captures.bulkAdd(chunk);
      await db.files.bulkAdd(chunk.flatMap((row) => files.map((file) => fileOf(file, row.id))));
      await db.pageWords.bulkAdd(
        chunk.map((row) => ({ captureId: row.id, words: wordsOf(pageTexts.get(row.id) ?? '') })),
      );
    });
  }
  for (let offset = 0; offset < caseRows.length; offset += 100)
    await db.transaction('rw', [db.cases, db.captures, db.audit, db.receivedAudit], async () => {
      for (const row of caseRows.slice(offset, offset + 100)) await keepCaseSummary(db, row.id);
    });

  const filedIn = new Set(caseOf.values());
  const withCaptures = caseRows.filter((row) => filedIn.has(row.id));
  return {
    captures,
    cases,
    entries: entries.length,
    ms: performance.now() - start,
    sampleCaseId: withCaptures[Math.floor(withCaptures.length / 2)]?.id,
    searchWord: word(7),
    personName,
    rareName: RARE_NAME,
  };
}
