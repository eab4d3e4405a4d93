import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { z } from 'zod';
import type { SubjectAccessRequestRow } from '../subjectAccess/pack';
import type { TimestampRow } from './timestampRow';
import type { AuditEntry, WithheldAuditEntry } from '../audit';
import { UNFILED, type CaseDetails } from '../cases/case';
import type { ArtefactKind, CaptureMetadata } from '../capture/metadata';
import { siteOf, summaryOf, type CaptureSummary } from './captureSummary';
import type { CaseRowSummary } from './caseSummary';
import { caseSummaryFolded } from './caseFold';

export interface CaptureRow {
  id: string;
  capturedAtUtc: string;
  /** The case it is filed in, or UNFILED: kept in step with the last `capture.filed` audit entry. */
  caseId: string;
  /** Stored once at capture, never updated (edits live in the audit log). */
  metadata: CaptureMetadata;
  /** Its current category and where it was received from, kept in step with its audit entries (v10, issue #17). */
  summary: CaptureSummary;
  /** The host name of the page's address, for the list's filter by site (v11). */
  site: string;
}

/** One stored artefact's bytes, named as in its capture's metadata. */
export interface StoredFile {
  captureId: string;
  fileName: string;
  kind: ArtefactKind;
  blob: Blob;
  sha256: string;
}

/**
 * A case as opened; its later details, status and actions are folded from the audit log, and the
 * summary its lists show is kept in step with them (v11).
 */
export interface CaseRow extends CaseRowSummary {
  id: string;
  openedAtUtc: string;
  details: CaseDetails;
}

/** A file attached to a case action (a scanned letter, the platform's reply), by its action. */
export interface AttachmentRow {
  actionId: string;
  fileName: string;
  blob: Blob;
  sha256: string;
  /** For a file received with another installation's case: that installation's signing key (issue #15). */
  receivedFrom?: string;
}

/**
 * An audit entry made by another installation, kept as it was signed there (issue #5, receiving a
 * bundle). Stored beside, never inside, this installation's own chain; keyed by its own hash, so
 * the same entry arriving in two bundles is kept once.
 */
export type ReceivedAuditRow = AuditEntry & { receivedFrom: { keyFingerprint: string; manifestSha256: string } };

/** A file made from a capture after the fact (a redacted copy, a presentation copy, a PDF rendition), never one of its originals. */
export interface DerivedFileRow {
  captureId: string;
  fileName: string;
  blob: Blob;
  sha256: string;
  /** For a PDF rendition: its size in pixels. */
  pixels?: { width: number; height: number };
}

/**
 * A comment on one of the school's accounts still to answer (issue #17): kept in step with the
 * audit log in the same transactions (a capture needing a response adds it, its `response.answered`
 * entry removes it), so the due list and the toolbar badge read these rows, not every capture.
 */
export interface OpenResponseRow {
  captureId: string;
  receivedAtUtc: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type { SubjectAccessRequestRow };

/** The words of a capture's page text (v13), for finding everything held about a person. */
export const PageWordsRowSchema = z.object({ captureId: z.uuid(), words: z.array(z.string()) });
export type PageWordsRow = z.infer<typeof PageWordsRowSchema>;

/** A capture whose page text's words are still to be kept (v13): stored or received, not yet indexed. */
export interface PageWordsPendingRow {
  captureId: string;
}

/**
 * Every capture's and case's list summary folded again from the store (v11, v13): when what a
 * summary holds changes, the rows written before follow.
 */
async function refoldSummaries(tx: Transaction): Promise<void> {
  const entriesOf = (table: string, captureId: string) =>
    tx.table<AuditEntry>(table).where('event.captureId').equals(captureId).sortBy('seq');
  for (const row of await tx.table<CaptureRow>('captures').toArray()) {
    const history = [...(await entriesOf('receivedAudit', row.id)), ...(await entriesOf('audit', row.id))];
    await tx
      .table<CaptureRow>('captures')
      .update(row.id, { summary: summaryOf(row.metadata, history), site: siteOf(row.metadata.page.url) });
  }
  const tables = {
    cases: tx.table<CaseRow, string>('cases'),
    captures: tx.table<CaptureRow>('captures'),
    audit: tx.table<AuditEntry>('audit'),
    receivedAudit: tx.table<ReceivedAuditRow>('receivedAudit'),
  };
  for (const id of await tables.cases.toCollection().primaryKeys()) {
    const summary = await caseSummaryFolded(tables, id);
    if (summary) await tables.cases.update(id, { ...summary });
  }
}

/** The one typed database of the extension (IndexedDB, local to this browser profile). */
export class ExhibitDb extends Dexie {
  captures!: EntityTable<CaptureRow, 'id'>;
  files!: Dexie.Table<StoredFile, [string, string]>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  settings!: EntityTable<SettingRow, 'key'>;
  cases!: EntityTable<CaseRow, 'id'>;
  attachments!: Dexie.Table<AttachmentRow, [string, string]>;
  receivedAudit!: EntityTable<ReceivedAuditRow, 'hash'>;
  derivedFiles!: Dexie.Table<DerivedFileRow, [string, string]>;
  openResponses!: EntityTable<OpenResponseRow, 'captureId'>;
  /** What stays of this installation's entries about something erased: their place in the chain (v12). */
  erasedAudit!: EntityTable<WithheldAuditEntry, 'seq'>;
  pageWords!: EntityTable<PageWordsRow, 'captureId'>;
  pageWordsPending!: EntityTable<PageWordsPendingRow, 'captureId'>;
  subjectAccessRequests!: EntityTable<SubjectAccessRequestRow, 'requestId'>;
  /** Each capture's trusted timestamp, pending or obtained (v14, issue #20). */
  timestamps!: EntityTable<TimestampRow, 'captureId'>;

  constructor(name = 'exhibit') {
    super(name);
    // One version() per schema change, kept forever; each later version adds an upgrade step.
    this.version(1).stores({
      captures: 'id, capturedAtUtc',
      artefacts: '[captureId+kind], captureId',
      audit: 'seq, event.captureId',
      settings: 'key',
    });
    // 2: files are keyed by name, since a full-page capture keeps several images of one kind (#3).
    this.version(2)
      .stores({ files: '[captureId+fileName], captureId' })
      .upgrade(async (tx) => {
        const captures = await tx.table<CaptureRow>('captures').toArray();
        const nameOf = new Map(
          captures.flatMap((c) => c.metadata.artefacts.map((a) => [`${c.id}/${a.kind}`, a.fileName] as const)),
        );
        const old = await tx.table<Omit<StoredFile, 'fileName'>>('artefacts').toArray();
        await tx
          .table<StoredFile>('files')
          .bulkAdd(
            old.map((row) => ({ ...row, fileName: nameOf.get(`${row.captureId}/${row.kind}`) ?? `${row.kind}.bin` })),
          );
      });
    this.version(3).stores({ artefacts: null });
    // 4: cases (issue #4). Every capture made before them is put in the "unfiled" state.
    this.version(4)
      .stores({
        captures: 'id, capturedAtUtc, caseId',
        audit: 'seq, event.captureId, event.caseId',
        cases: 'id, openedAtUtc',
      })
      .upgrade((tx) =>
        tx
          .table<CaptureRow>('captures')
          .toCollection()
          .modify((row) => {
            // Rows from before version 4 have no caseId, whatever CaptureRow says now.
            (row as { caseId?: string }).caseId ??= UNFILED;
          }),
      );
    // 5: files attached to case actions.
    this.version(5).stores({ attachments: '[actionId+fileName], actionId' });
    // 6: audit entries received in imported bundles, kept apart from this installation's chain;
    // the local chain is looked up by bundle (a second import of one changes nothing) and by hash.
    this.version(6).stores({
      receivedAudit: 'hash, event.captureId, event.caseId',
      audit: 'seq, event.captureId, event.caseId, event.manifestSha256, hash',
    });
    // 7: files derived from captures (redacted copies; presentation copies and PDF renditions drawn
    // after capture), kept apart from the originals in `files`.
    this.version(7).stores({ derivedFiles: '[captureId+fileName], captureId' });
    // 8: entries looked up by the case action they record (issue #15): a received bundle may not
    // add to an action of this installation's, which it could otherwise name by its id.
    this.version(8).stores({
      audit: 'seq, event.captureId, event.caseId, event.manifestSha256, hash, event.actionId',
      receivedAudit: 'hash, event.captureId, event.caseId, event.actionId',
    });
    // 9: the responses still to answer, so the due list and the badge read only those (issue #17).
    // Filled once from the captures and their answers; from then on kept in step as they change.
    this.version(9)
      .stores({ openResponses: 'captureId, receivedAtUtc' })
      .upgrade(async (tx) => {
        const needing = await tx
          .table<CaptureRow>('captures')
          .filter((row) => Boolean(row.metadata.responseReceivedAtUtc))
          .toArray();
        const answered = async (captureId: string) =>
          (
            await Promise.all(
              ['audit', 'receivedAudit'].map((table) =>
                tx
                  .table<AuditEntry>(table)
                  .where('event.captureId')
                  .equals(captureId)
                  .filter((entry) => entry.event.action === 'response.answered')
                  .count(),
              ),
            )
          ).some((count) => count > 0);
        for (const row of needing) {
          const receivedAtUtc = row.metadata.responseReceivedAtUtc;
          if (receivedAtUtc && !(await answered(row.id)))
            await tx.table<OpenResponseRow>('openResponses').add({ captureId: row.id, receivedAtUtc });
        }
      });
    // 10: each capture row carries its summary (current category, received from), folded once here
    // from its entries in the order a view folds them (received first, then this installation's).
    this.version(10).upgrade(async (tx) => {
      const entriesOf = (table: string, captureId: string) =>
        tx.table<AuditEntry>(table).where('event.captureId').equals(captureId).sortBy('seq');
      for (const row of await tx.table<CaptureRow>('captures').toArray()) {
        const history = [...(await entriesOf('receivedAudit', row.id)), ...(await entriesOf('audit', row.id))];
        await tx.table<CaptureRow>('captures').update(row.id, { summary: summaryOf(row.metadata, history) });
      }
    });
    // 11: lists read through indexes, a page of rows at a time (issue #17): captures newest first
    // within a case, a site or a current category; cases by last activity and by the words of their
    // title and people, from a summary each case row now carries; closed cases by when they were
    // closed, for the retention review (issue #18).
    this.version(11)
      .stores({
        captures:
          'id, capturedAtUtc, caseId, site, [caseId+capturedAtUtc], [site+capturedAtUtc], [summary.category.id+capturedAtUtc], *summary.words',
        cases: 'id, openedAtUtc, lastActivityUtc, closedAtUtc, *words',
      })
      .upgrade(refoldSummaries);
    // 12: erasure (issue #18). An erased entry leaves the audit table; its place in the chain
    // ({seq, contentHash, prevHash, hash}) is kept here, so the chain still verifies. Entries sealed
    // from now on carry a random salt (lib/audit/chain.ts); older ones keep their hashes as they are,
    // since changing them would break the chain and every bundle exported before.
    this.version(12).stores({ erasedAudit: 'seq' });
    // 13: subject access (issue #18). The words of each capture's page text, by capture, for finding
    // a person (lib/store/pageWords.ts: written after a capture is stored, and caught up before a
    // search); search words now also hold profile links, an action's references and attachments' names;
    // the open subject access requests, by due day (lib/store/subjectAccessRequests.ts).
    // Words only earlier values held (before an edit, a change, a correction) are indexed apart, so the
    // lists' search stays on current values while a person's search finds them too.
    this.version(13)
      .stores({
        pageWords: 'captureId, *words',
        pageWordsPending: 'captureId',
        subjectAccessRequests: 'requestId, dueOn',
        captures:
          'id, capturedAtUtc, caseId, site, [caseId+capturedAtUtc], [site+capturedAtUtc], [summary.category.id+capturedAtUtc], *summary.words, *summary.pastWords',
        cases: 'id, openedAtUtc, lastActivityUtc, closedAtUtc, *words, *pastWords',
      })
      .upgrade(async (tx) => {
        await refoldSummaries(tx);
        // Every capture kept before has its page text's words to index (before the first search).
        const ids = await tx.table<CaptureRow, string>('captures').toCollection().primaryKeys();
        await tx.table<PageWordsPendingRow>('pageWordsPending').bulkPut(ids.map((captureId) => ({ captureId })));
      });
    // 14: trusted timestamps (issue #20). A capture taken while a school has them on waits here until a
    // time-stamp authority's token over its metadata is obtained, read by state and next try.
    // Captures kept before were never queued: nothing to move.
    this.version(14).stores({ timestamps: 'captureId, [state+nextTryAtUtc]' });
  }
}
