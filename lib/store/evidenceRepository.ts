import { queueTimestamp } from './timestamps';
import type { AuditEntry, AuditEvent } from '../audit';
import { canonicalJson } from '../canonicalJson';
import { CaptureMetadataSchema, referenceInitials, type CaptureMetadata, type StaffMember } from '../capture/metadata';
import { ExhibitError, isQuotaExceeded, parseInput } from '../errors';
import { sha256Hex, sha256OfBlob } from '../hash';
import { CaseDetailsSchema, UNFILED, type CaseDetails } from '../cases/case';
import type { PostField } from '../extract/postDetails';
import { responseQueue, type PendingResponse, type WorkingCalendar } from '../policy';
import type { CategoryChoice, CategoryId } from '../policy';
import { appendAudit, entriesForCapture, receivedFromOf } from './auditLog';
import { insertCase } from './caseRepository';
import { keepCaseSummary } from './caseFold';
import type { CaptureRow, ExhibitDb, StoredFile } from './db';
import { applyChange, captureRowOf, currentValuesOf, summaryOf, type CurrentValues } from './captureSummary';
import { holdsEveryWord, wordsOf } from '../searchWords';

/** A capture as the dashboard shows it: the original, its current values and its history. */
export interface CaptureView {
  metadata: CaptureMetadata;
  /** The case it is filed in, or UNFILED. */
  caseId: string;
  /** Values after every edit; `post` holds corrections over what the page showed. */
  current: CurrentValues;
  history: AuditEntry[];
  /** For a capture received in a bundle: the sending installation's key fingerprint (issue #15). */
  receivedFrom?: string;
}

/**
 * Changes only when the capture does (a new entry in its history): pages re-read the store whenever
 * anything is written, and a form must not lose what is being typed because another capture was taken.
 */
export function revisionOf(view: CaptureView): string {
  return `${view.metadata.id} ${view.history.at(-1)?.hash ?? ''}`;
}

/** Where a new capture goes: unfiled, an existing case, or a case opened with it. */
export type CaptureFiling = { caseId: string } | { newCase: CaseDetails };

export type CaptureEdit =
  | { field: 'note'; to: string }
  | { field: 'category'; to: CategoryChoice }
  | { field: 'post'; key: PostField; to: string | null };
type Change = Extract<AuditEntry['event'], { action: 'capture.edited' }>['change'];

/** What the capture list shows: every filter is optional; dates are UTC days, YYYY-MM-DD, inclusive. */
export interface CaptureListQuery {
  limit: number;
  /** Words to find in the note, post, author and page title: each must begin a word held. */
  text?: string;
  caseId?: string;
  site?: string;
  category?: CategoryId;
  from?: string;
  to?: string;
}

/** Newest first through the index that narrows most: a case, a site or a category within the dates, else the dates. */
function captureListCollection(db: ExhibitDb, query: CaptureListQuery) {
  const { caseId, site, category, from, to } = query;
  const lower = from ?? '';
  const upper = `${to ?? ''}\uffff`;
  const [index, value] =
    caseId !== undefined
      ? (['[caseId+capturedAtUtc]', caseId] as const)
      : site !== undefined
        ? (['[site+capturedAtUtc]', site] as const)
        : category !== undefined
          ? (['[summary.category.id+capturedAtUtc]', category] as const)
          : [undefined, undefined];
  const collection = (
    index === undefined
      ? db.captures.where('capturedAtUtc').between(lower, upper, true, true)
      : db.captures.where(index).between([value, lower], [value, upper], true, true)
  ).reverse();
  // The filters the index did not apply are checked on the rows it gives, which stop at the limit.
  return collection.filter((row) => passesFilters(row, query));
}

/** Above this many index entries a word is common, and the list walks the newest rows instead. */
const COMMON_WORD_ROWS = 500;

/** Every filter of the query but the words, checked on a row. */
function passesFilters(row: CaptureRow, { caseId, site, category, from, to }: CaptureListQuery): boolean {
  return (
    (caseId === undefined || row.caseId === caseId) &&
    (site === undefined || row.site === site) &&
    (category === undefined || row.summary.category.id === category) &&
    (from === undefined || row.capturedAtUtc >= from) &&
    (to === undefined || row.capturedAtUtc.slice(0, 10) <= to)
  );
}

export function createEvidenceRepository(db: ExhibitDb, clock: () => Date = () => new Date()) {
  async function view({ metadata, caseId }: CaptureRow): Promise<CaptureView> {
    const history = await entriesForCapture(db, metadata.id);
    return {
      metadata,
      caseId,
      current: currentValuesOf(metadata, history),
      history,
      receivedFrom: receivedFromOf(history),
    };
  }

  async function responsesDue(now: Date, calendar: WorkingCalendar): Promise<PendingResponse[]> {
    const items = (await db.openResponses.toArray()).map((o) => ({
      captureId: o.captureId,
      receivedAt: new Date(o.receivedAtUtc),
      answered: false,
    }));
    return responseQueue(items, now, calendar);
  }

  async function getCapture(id: string): Promise<CaptureView | undefined> {
    const row = await db.captures.get(id);
    return row && view(row);
  }

  return {
    getCapture,

    /**
     * Stores the capture, its files and its audit entry in one transaction: all or nothing.
     * Each file's hash is checked against the metadata before anything is written. Returns the
     * audit entry and the metadata as stored, with its exhibit reference.
     */
    async saveCapture(
      metadata: CaptureMetadata,
      blobs: ReadonlyMap<string, Blob>,
      filing: CaptureFiling = { caseId: UNFILED },
    ): Promise<{ entry: AuditEntry; metadata: CaptureMetadata }> {
      const newCase =
        'newCase' in filing
          ? { id: crypto.randomUUID(), details: parseInput(CaseDetailsSchema, filing.newCase) }
          : undefined;
      const caseId = newCase?.id ?? ('caseId' in filing ? filing.caseId : UNFILED);
      const rows: StoredFile[] = await Promise.all(
        metadata.artefacts.map(async (artefact) => {
          const blob = blobs.get(artefact.fileName);
          if (!blob || blob.size !== artefact.bytes || (await sha256OfBlob(blob)) !== artefact.sha256) {
            throw new ExhibitError(
              'capture-failed',
              `The ${artefact.kind} does not match its recorded hash or size; nothing was saved.`,
            );
          }
          return {
            captureId: metadata.id,
            fileName: artefact.fileName,
            kind: artefact.kind,
            blob,
            sha256: artefact.sha256,
          };
        }),
      );
      try {
        return await db.transaction(
          'rw',
          [
            db.captures,
            db.files,
            db.audit,
            db.receivedAudit,
            db.cases,
            db.settings,
            db.openResponses,
            db.pageWordsPending,
            db.timestamps,
          ],
          async () => {
            const at = clock();
            // The next exhibit number for these initials, taken in the same transaction so two tabs never share one.
            const initials = referenceInitials(metadata.capturedBy.name);
            const counters = ((await db.settings.get('exhibitNumbers'))?.value ?? {}) as Record<string, number>;
            const number = (counters[initials] ?? 0) + 1;
            const stored = CaptureMetadataSchema.parse({ ...metadata, reference: `${initials}/${number}` });
            if (newCase) await insertCase(db, newCase.id, newCase.details, at, stored.capturedBy);
            else if (caseId !== UNFILED && !(await db.cases.get(caseId)))
              throw new ExhibitError('invalid-input', 'The chosen case no longer exists; nothing was saved.');
            // Issued together, not one after another: each await is a round trip to the browser's
            // IndexedDB, on the click → stored path (issue #3); the transaction still makes them one write.
            const metadataSha256 = sha256Hex(canonicalJson(stored));
            const audited = appendAudit(db, at, stored.capturedBy, {
              action: 'capture.created',
              captureId: stored.id,
              metadataSha256,
            }).then(async (created) => {
              if (caseId !== UNFILED)
                await appendAudit(db, at, stored.capturedBy, {
                  action: 'capture.filed',
                  captureId: stored.id,
                  caseId,
                  previousCaseId: UNFILED,
                });
              return created;
            });
            const [entry] = await Promise.all([
              audited,
              db.settings.put({ key: 'exhibitNumbers', value: { ...counters, [initials]: number } }),
              // Its summary as recorded: the entry made with it changes none of its values.
              db.captures.add(captureRowOf(stored, caseId, summaryOf(stored, []))),
              db.files.bulkAdd(rows),
              // Its page text's words are kept after the reply, off this path (issue #18).
              db.pageWordsPending.add({ captureId: stored.id }),
              // Its trusted timestamp, when the school has them on, is asked for after the reply (issue #20).
              queueTimestamp(db, stored.id, metadataSha256, at),
              // A comment to answer is on the due list from the moment it is stored (issue #17).
              stored.responseReceivedAtUtc &&
                db.openResponses.add({ captureId: stored.id, receivedAtUtc: stored.responseReceivedAtUtc }),
            ]);
            await keepCaseSummary(db, caseId);
            return { entry, metadata: stored };
          },
        );
      } catch (error) {
        if (error instanceof ExhibitError) throw error;
        if (isQuotaExceeded(error)) {
          throw new ExhibitError(
            'storage-full',
            // Exhibit has no way to remove evidence (and with unlimitedStorage its quota is the disk), so only the disk can give room.
            'The browser’s storage for Exhibit is full, so this capture was not saved. Your earlier captures are safe. Free some space on this computer’s disk, then try again.',
            { cause: error },
          );
        }
        throw new ExhibitError('storage-failed', 'This capture could not be saved; nothing was stored. Try again.', {
          cause: error,
        });
      }
    },

    /** Every capture folded in full, newest first: for tests and small stores only, it reads them all. */
    async listCaptures(): Promise<CaptureView[]> {
      const rows = await db.captures.orderBy('capturedAtUtc').reverse().toArray();
      return Promise.all(rows.map((row) => view(row)));
    },

    /**
     * The newest captures passing the filters, at most `limit`, read through one index (issue #17):
     * rows with their kept summaries, no history. A window, not a page: showing more asks again with
     * a larger limit, so a live query over it sees a new capture at the top and nothing outside it.
     */
    async listCaptureRows(query: CaptureListQuery): Promise<{ rows: CaptureRow[]; more: boolean }> {
      const searched = wordsOf(query.text ?? '').sort((a, b) => b.length - a.length);
      const [longest, ...rest] = searched;
      const byWords = longest ? db.captures.where('summary.words').startsWith(longest) : undefined;
      // A word in few captures: those rows, through the words index, newest first after. A word in
      // many ("facebook"): the newest rows through the filters' index, stopping at the limit.
      const rows =
        byWords && (await byWords.count()) <= COMMON_WORD_ROWS
          ? (
              await byWords
                .distinct()
                .filter((row) => holdsEveryWord(row.summary.words, rest) && passesFilters(row, query))
                .toArray()
            )
              .sort((a, b) => b.capturedAtUtc.localeCompare(a.capturedAtUtc))
              .slice(0, query.limit + 1)
          : await captureListCollection(db, query)
              .filter((row) => holdsEveryWord(row.summary.words, searched))
              .limit(query.limit + 1)
              .toArray();
      return { rows: rows.slice(0, query.limit), more: rows.length > query.limit };
    },

    /**
     * The sites captures were taken on, for the list's filter: one seek in the site index per
     * site, never a walk along it (a walk for distinct keys took 90 ms over 10,000 captures).
     */
    async capturedSites(): Promise<string[]> {
      const sites: string[] = [];
      for (;;) {
        const after = sites.at(-1);
        const [next] = await (
          after === undefined ? db.captures.orderBy('site') : db.captures.where('site').above(after)
        )
          .limit(1)
          .keys();
        if (typeof next !== 'string') return sites; // every site key is a string; none left is undefined
        sites.push(next);
      }
    },

    getFile(captureId: string, fileName: string): Promise<StoredFile | undefined> {
      return db.files.get([captureId, fileName]);
    },

    /** Marks a comment on the school's account as answered: who, when (the entry) and how. */
    async answerResponse(captureId: string, how: string, actor: StaffMember): Promise<AuditEntry> {
      if (!how.trim()) throw new ExhibitError('invalid-input', 'Say how the comment was answered.');
      return db.transaction('rw', [db.captures, db.cases, db.audit, db.receivedAudit, db.openResponses], async () => {
        const row = await db.captures.get(captureId);
        if (!row) throw new ExhibitError('invalid-input', 'That capture no longer exists.');
        const entry = await appendAudit(db, clock(), actor, {
          action: 'response.answered',
          captureId,
          how: how.trim(),
        });
        await db.openResponses.delete(captureId);
        await keepCaseSummary(db, row.caseId);
        return entry;
      });
    },

    /**
     * Comments needing a response, unanswered, soonest due first (issue #4), from the index of what
     * is open alone (issue #17): what the toolbar badge counts, with no capture read.
     */
    responsesDue,

    /** As responsesDue, each with its capture's view, for the due list. */
    async pendingResponses(now: Date, calendar: WorkingCalendar): Promise<(PendingResponse & { view: CaptureView })[]> {
      const due = await responsesDue(now, calendar);
      const rows = await db.captures.bulkGet(due.map((d) => d.captureId));
      const views = await Promise.all(rows.map((row) => (row ? view(row) : Promise.resolve(undefined))));
      return due.flatMap((pending, i) => {
        const found = views[i];
        return found ? [{ ...pending, view: found }] : [];
      });
    },

    /** The chain of custody: which captures left the machine, when, by whom, in which file. */
    async recordExport(
      captureIds: string[],
      fileName: string,
      manifestSha256: string,
      actor: StaffMember,
    ): Promise<AuditEntry> {
      return db.transaction('rw', [db.audit], () =>
        appendAudit(db, clock(), actor, { action: 'bundle.exported', captureIds, fileName, manifestSha256 }),
      );
    },

    /** A subject access pack saved (issue #18): the record of the request answered. */
    async recordSubjectAccessPack(
      pack: Omit<Extract<AuditEvent, { action: 'subject-access.exported' }>, 'action'>,
      actor: StaffMember,
    ): Promise<AuditEntry> {
      return db.transaction('rw', [db.audit, db.subjectAccessRequests], async () => {
        const entry = await appendAudit(db, clock(), actor, { action: 'subject-access.exported', ...pack });
        // The pack answers the request: it leaves the due list (the pack is recorded even if the
        // request was closed in another tab meanwhile: the file was saved).
        if (pack.requestId) await db.subjectAccessRequests.delete(pack.requestId);
        return entry;
      });
    },

    /** Records an edit as a new audit entry; the stored original is never touched. */
    async editCapture(id: string, edit: CaptureEdit, actor: StaffMember): Promise<CaptureView> {
      return db.transaction('rw', [db.captures, db.cases, db.audit, db.receivedAudit], async () => {
        const before = await getCapture(id);
        if (!before) throw new ExhibitError('invalid-input', 'That capture no longer exists.');
        const change: Change =
          edit.field === 'note'
            ? { field: 'note', from: before.current.note, to: edit.to }
            : edit.field === 'category'
              ? { field: 'category', from: before.current.category, to: edit.to }
              : {
                  field: 'post',
                  key: edit.key,
                  from: before.current.post[edit.key] ?? null,
                  to: edit.to?.trim() || null,
                };
        if (canonicalJson(change.from) === canonicalJson(change.to)) return before;
        const entry = await appendAudit(db, clock(), actor, { action: 'capture.edited', captureId: id, change });
        const after = { ...before, current: applyChange(before.current, change), history: [...before.history, entry] };
        // The list's summary in step with the entry, in the same transaction (issue #17).
        await db.captures.update(id, { summary: summaryOf(after.metadata, after.history) });
        await keepCaseSummary(db, after.caseId);
        return after;
      });
    },
  };
}
export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>;
