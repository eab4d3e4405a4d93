import type { AuditEntry, AuditEvent } from '../audit';
import type { ReceivedBundle } from '../bundle/readBundle';
import { canonicalJson } from '../canonicalJson';
import { UNFILED } from '../cases/case';
import type { StaffMember } from '../capture/metadata';
import { ExhibitError, isQuotaExceeded } from '../errors';
import { sha256Hex, sha256OfBlob } from '../hash';
import { appendAudit, entriesForCapture } from './auditLog';
import type { ExhibitDb, ReceivedAuditRow, StoredFile } from './db';
import { required } from '../required';
import { captureRowOf, summaryOf } from './captureSummary';
import { keepCaseSummary } from './caseFold';
import { caseRowSummary } from './caseSummary';

export type ReceiveOutcome =
  | { status: 'imported'; captureIds: string[]; caseId?: string; fromKeyFingerprint: string }
  | { status: 'already-imported' | 'nothing-new'; fromKeyFingerprint: string };

/**
 * What receiving a bundle would add (issue #15), worked out from the store before anything is
 * written, shown to the person importing, and worked out again inside the write.
 *
 * A bundle adds only what it delivers: its own captures, its own case, and the sender's entries
 * about exactly those. A capture or case already here stays as it is unless it came from the same
 * sending key before (then it is that sender's record, and the sender's later entries about it, such
 * as a redaction, are added); an entry about anything this installation made, or got from another
 * key, is left out, and so is a filing into a case that is not the sender's.
 */
export interface ReceiptPlan {
  fromKeyFingerprint: string;
  alreadyImported: boolean;
  /** Captures new here. */
  newCaptureIds: string[];
  /** Captures received earlier from the same key: the sender's later entries about them are added. */
  senderCaptureIds: string[];
  /** Captures already here that are not the sender's: nothing about them is taken. */
  untouchedCaptureIds: string[];
  /** The bundle's case: new here, the sender's already (its later entries added), or here as someone else's (not taken). */
  case?: { id: string; title: string; outcome: 'new' | 'sender' | 'not-taken' };
  /** The sender's entries that will be added, and those left out because they are about what is not theirs here. */
  entriesTaken: number;
  entriesLeftOut: number;
}

/** Who a capture or case here came from: made here, or received from the key with this fingerprint. */
type Origin = 'here' | { from: string };

/** Every capture and case an event names (a filing names two cases; "unfiled" is none). */
function namedIds(event: AuditEvent): { captures: string[]; cases: string[] } {
  const cases = new Set<string>();
  if ('caseId' in event && event.caseId && event.caseId !== UNFILED) cases.add(event.caseId);
  if (event.action === 'capture.filed' && event.previousCaseId !== UNFILED) cases.add(event.previousCaseId);
  return { captures: 'captureId' in event ? [event.captureId] : [], cases: [...cases] };
}

/**
 * Puts a verified bundle's captures, case and audit entries into this installation's store
 * (issue #5, receiving a bundle), in one transaction, with custody entries in the local chain:
 * "received from <fingerprint> at <time>". A bundle already imported, or holding nothing new,
 * changes nothing; nothing in it changes a record of this installation's (issue #15).
 */
export function createBundleReceiver(db: ExhibitDb, clock: () => Date = () => new Date()) {
  async function originOf(index: 'event.captureId' | 'event.caseId', id: string): Promise<Origin | undefined> {
    const recording = (await db.audit.where(index).equals(id).toArray()).find((e) =>
      ['capture.created', 'capture.received', 'case.opened', 'case.received'].includes(e.event.action),
    );
    if (!recording) return undefined;
    const event = recording.event;
    return event.action === 'capture.received' || event.action === 'case.received'
      ? { from: event.fromKeyFingerprint }
      : 'here';
  }
  /** Something erased here (issue #18) does not come back in a bundle: its erasure record says so. */
  async function refuseErased(index: 'event.captureId' | 'event.caseId', id: string): Promise<void> {
    const erased = (await db.audit.where(index).equals(id).toArray()).find(
      (e) => e.event.action === (index === 'event.captureId' ? 'capture.erased' : 'case.erased'),
    );
    if (!erased) return;
    const what =
      erased.event.action === 'capture.erased'
        ? erased.event.reference
          ? `exhibit ${erased.event.reference}`
          : 'a capture'
        : 'a case';
    throw new ExhibitError(
      'import-refused',
      `This bundle was not imported: it holds ${what} that was erased here on ${erased.at.slice(0, 10)} (audit entry ${erased.seq}), and what is erased is not taken back in. Nothing was changed.`,
    );
  }
  const isFrom = (origin: Origin | undefined, key: string) =>
    origin !== undefined && origin !== 'here' && origin.from === key;

  /** An action of this installation's, or of a case received from another key: the bundle may not add to it. */
  async function actionIsOthers(actionId: string, from: string, caseId: string | undefined): Promise<boolean> {
    if ((await db.audit.where('event.actionId').equals(actionId).count()) > 0) return true;
    const received = await db.receivedAudit.where('event.actionId').equals(actionId).toArray();
    return received.some(
      (e) => e.receivedFrom.keyFingerprint !== from || !('caseId' in e.event) || e.event.caseId !== caseId,
    );
  }

  /** Reads only: call inside a transaction over captures, cases, audit and receivedAudit, or on its own for a preview. */
  async function planFor(bundle: ReceivedBundle) {
    const from = bundle.keyFingerprint;
    const metadataHash = new Map(bundle.captures.map((c) => [c.metadata.id, sha256Hex(canonicalJson(c.metadata))]));
    const earlier = await db.audit.where('event.manifestSha256').equals(bundle.manifestSha256).toArray();
    const alreadyImported = earlier.some((e) => e.event.action === 'bundle.received');

    const fresh = [];
    const senderCaptureIds: string[] = [];
    const untouchedCaptureIds: string[] = [];
    for (const capture of bundle.captures) {
      const here = await db.captures.get(capture.metadata.id);
      if (!here) {
        await refuseErased('event.captureId', capture.metadata.id);
        fresh.push(capture);
        continue;
      }
      if (sha256Hex(canonicalJson(here.metadata)) !== metadataHash.get(capture.metadata.id)) {
        throw new ExhibitError(
          'import-refused',
          `This bundle was not imported: its capture of ${capture.metadata.page.url} has the same identity as one already here but different content. Nothing was changed.`,
        );
      }
      (isFrom(await originOf('event.captureId', here.id), from) ? senderCaptureIds : untouchedCaptureIds).push(here.id);
    }
    const caseExport = bundle.caseExport;
    let caseOutcome: NonNullable<ReceiptPlan['case']>['outcome'] | undefined;
    if (caseExport) {
      const here = await db.cases.get(caseExport.id);
      if (!here) await refuseErased('event.caseId', caseExport.id);
      caseOutcome = !here ? 'new' : isFrom(await originOf('event.caseId', here.id), from) ? 'sender' : 'not-taken';
    }
    const captures = new Set([...fresh.map((c) => c.metadata.id), ...senderCaptureIds]);
    const cases = new Set(caseExport && caseOutcome !== 'not-taken' ? [caseExport.id] : []);

    const taken: AuditEntry[] = [];
    let leftOut = 0;
    for (const entry of bundle.auditEntries) {
      const named = namedIds(entry.event);
      if (named.captures.length === 0 && named.cases.length === 0) continue; // the sender's custody of other bundles: not about what is delivered
      const ours = named.captures.every((id) => captures.has(id)) && named.cases.every((id) => cases.has(id));
      const action = 'actionId' in entry.event ? entry.event.actionId : undefined;
      if (ours && !(action && (await actionIsOthers(action, from, caseExport?.id)))) taken.push(entry);
      else leftOut++;
    }
    const plan: ReceiptPlan = {
      fromKeyFingerprint: from,
      alreadyImported,
      newCaptureIds: fresh.map((c) => c.metadata.id),
      senderCaptureIds,
      untouchedCaptureIds,
      case:
        caseExport && caseOutcome
          ? { id: caseExport.id, title: caseExport.details.title, outcome: caseOutcome }
          : undefined,
      entriesTaken: taken.length,
      entriesLeftOut: leftOut,
    };
    return { plan, fresh, captures, caseTaken: cases.size > 0, taken, metadataHash };
  }

  return {
    /** What receiving `bundle` would add and leave out, for the person to confirm; changes nothing. */
    async plan(bundle: ReceivedBundle): Promise<ReceiptPlan> {
      return (await db.transaction('r', [db.captures, db.cases, db.audit, db.receivedAudit], () => planFor(bundle)))
        .plan;
    },

    async receive(bundle: ReceivedBundle, actor: StaffMember): Promise<ReceiveOutcome> {
      const from = bundle.keyFingerprint;
      const redactedHere = async (captureId: string, fileName: string) =>
        (await db.audit.where('event.captureId').equals(captureId).toArray()).some(
          (e) => e.event.action === 'capture.redacted' && e.event.copy.fileName === fileName,
        );
      // The copy the newest received redaction names (bundles may arrive out of order).
      const newestReceivedCopy = async (captureId: string, fileName: string) =>
        (await db.receivedAudit.where('event.captureId').equals(captureId).toArray())
          .flatMap((e) =>
            e.event.action === 'capture.redacted' && e.event.copy.fileName === fileName
              ? [{ at: e.at, seq: e.seq, sha256: e.event.copy.sha256 }]
              : [],
          )
          .sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq)
          .at(-1)?.sha256;
      // Hashes first: a transaction must not wait on anything but the database.
      const files: StoredFile[] = [];
      for (const { metadata, files: blobs } of bundle.captures) {
        for (const artefact of metadata.artefacts) {
          const blob = blobs.get(artefact.fileName);
          if (!blob || (await sha256OfBlob(blob)) !== artefact.sha256)
            throw new ExhibitError(
              'import-refused',
              `The bundle’s ${artefact.fileName} does not match its capture’s hash; nothing was imported.`,
            );
          files.push({
            captureId: metadata.id,
            fileName: artefact.fileName,
            kind: artefact.kind,
            blob,
            sha256: artefact.sha256,
          });
        }
      }

      try {
        return await db.transaction(
          'rw',
          [
            db.captures,
            db.files,
            db.audit,
            db.cases,
            db.attachments,
            db.receivedAudit,
            db.derivedFiles,
            db.openResponses,
            db.pageWordsPending,
          ],
          async () => {
            const { plan, fresh, captures, caseTaken, taken, metadataHash } = await planFor(bundle);
            if (plan.alreadyImported) return { status: 'already-imported' as const, fromKeyFingerprint: from };
            // Entries already here (from an earlier bundle, or this installation's own) are kept once.
            const known = new Set(
              (await db.receivedAudit.bulkGet(taken.map((e) => e.hash))).flatMap((e) => (e ? [e.hash] : [])),
            );
            const own = new Set(
              (
                await db.audit
                  .where('hash')
                  .anyOf(taken.map((e) => e.hash))
                  .toArray()
              ).map((e) => e.hash),
            );
            const unseen: ReceivedAuditRow[] = taken
              .filter((e) => !known.has(e.hash) && !own.has(e.hash))
              .map((entry) => ({
                ...entry,
                receivedFrom: { keyFingerprint: from, manifestSha256: bundle.manifestSha256 },
              }));
            const caseExport = bundle.caseExport;
            const caseIsNew = plan.case?.outcome === 'new';
            if (fresh.length === 0 && !caseIsNew && unseen.length === 0)
              return { status: 'nothing-new' as const, fromKeyFingerprint: from };

            const at = clock();
            if (caseExport && caseIsNew) {
              const opened = bundle.auditEntries.find(
                (e) => e.event.action === 'case.opened' && e.event.caseId === caseExport.id,
              );
              // The case as opened: its later changes are folded from the received entries, as here.
              const details = opened?.event.action === 'case.opened' ? opened.event.details : caseExport.details;
              // Its summary is folded below, once its entries and captures are in.
              const summary = caseRowSummary(
                { details, status: 'open', lastActivityUtc: caseExport.openedAtUtc, actions: [] },
                [],
              );
              await db.cases.add({ id: caseExport.id, openedAtUtc: caseExport.openedAtUtc, details, ...summary });
            }
            await db.receivedAudit.bulkAdd(unseen);
            // Filed in the bundle's case only when that case is the sender's here; otherwise unfiled.
            const inCase = new Set(caseTaken ? (caseExport?.captureIds ?? []) : []);
            for (const { metadata } of fresh) {
              const caseId = caseExport && inCase.has(metadata.id) ? caseExport.id : UNFILED;
              // Its summary is folded below, once its entries are in.
              await db.captures.add(captureRowOf(metadata, caseId, summaryOf(metadata, [])));
            }
            const freshIds = new Set(fresh.map((c) => c.metadata.id));
            await db.files.bulkAdd(files.filter((f) => freshIds.has(f.captureId)));
            // Their page texts' words are kept before the next search for a person (issue #18).
            await db.pageWordsPending.bulkAdd([...freshIds].map((captureId) => ({ captureId })));
            // The due list in step (issue #17): a received comment still to answer joins it, one the
            // sender has answered (now or in an earlier bundle's capture) leaves it.
            const answered = new Set(
              taken.flatMap((e) => (e.event.action === 'response.answered' ? [e.event.captureId] : [])),
            );
            for (const { metadata } of fresh) {
              if (metadata.responseReceivedAtUtc && !answered.has(metadata.id))
                await db.openResponses.put({ captureId: metadata.id, receivedAtUtc: metadata.responseReceivedAtUtc });
            }
            await db.openResponses.bulkDelete([...answered]);
            // A redacted copy is kept for a capture received now, and for one received before from
            // this sender when it has redacted it since; a copy this installation made stays.
            for (const copy of bundle.redactedCopies) {
              if (!captures.has(copy.captureId)) continue;
              const since =
                !freshIds.has(copy.captureId) &&
                !(await redactedHere(copy.captureId, copy.fileName)) &&
                (await newestReceivedCopy(copy.captureId, copy.fileName)) === copy.sha256;
              if (freshIds.has(copy.captureId) || since) await db.derivedFiles.put(copy);
            }
            // Files only of the actions whose entries were taken: never one added to an action of this installation's.
            const actions = new Set(taken.flatMap((e) => ('actionId' in e.event ? [e.event.actionId] : [])));
            for (const file of bundle.attachments) {
              if (actions.has(file.actionId) && !(await db.attachments.get([file.actionId, file.fileName])))
                await db.attachments.add({ ...file, receivedFrom: from });
            }
            for (const id of freshIds) {
              await appendAudit(db, at, actor, {
                action: 'capture.received',
                captureId: id,
                metadataSha256: required(metadataHash.get(id), `the metadata hash of capture ${id}`),
                fromKeyFingerprint: from,
                manifestSha256: bundle.manifestSha256,
              });
            }
            if (caseExport && caseIsNew)
              await appendAudit(db, at, actor, {
                action: 'case.received',
                caseId: caseExport.id,
                fromKeyFingerprint: from,
                manifestSha256: bundle.manifestSha256,
              });
            // Every capture the bundle adds to, its summary folded again from its entries (issue #17).
            const touched = new Set([
              ...freshIds,
              ...taken.flatMap((e) => ('captureId' in e.event ? [e.event.captureId] : [])),
            ]);
            const touchedCases = new Set(taken.flatMap((e) => namedIds(e.event).cases));
            for (const id of touched) {
              const row = await db.captures.get(id);
              if (!row) continue;
              await db.captures.update(id, { summary: summaryOf(row.metadata, await entriesForCapture(db, id)) });
              touchedCases.add(row.caseId);
            }
            await appendAudit(db, at, actor, {
              action: 'bundle.received',
              manifestSha256: bundle.manifestSha256,
              fromKeyFingerprint: from,
              exportedAtUtc: bundle.manifest.exportedAtUtc,
              captureIds: [...freshIds],
              caseId: caseTaken ? caseExport?.id : undefined,
            });
            // And every case they belong to or the entries name (a case's chronology holds its
            // captures' entries, and this bundle.received entry), last, once every entry is in.
            if (caseExport && caseIsNew) touchedCases.add(caseExport.id);
            for (const caseId of touchedCases) await keepCaseSummary(db, caseId);
            return {
              status: 'imported' as const,
              captureIds: [...freshIds],
              caseId: caseTaken ? caseExport?.id : undefined,
              fromKeyFingerprint: from,
            };
          },
        );
      } catch (error) {
        if (error instanceof ExhibitError) throw error;
        if (isQuotaExceeded(error))
          throw new ExhibitError(
            'storage-full',
            'The browser’s storage for Exhibit is full, so the bundle was not imported; nothing was changed. Free some space and try again.',
            { cause: error },
          );
        throw new ExhibitError('storage-failed', 'The bundle could not be stored; nothing was imported. Try again.', {
          cause: error,
        });
      }
    },
  };
}
export type BundleReceiver = ReturnType<typeof createBundleReceiver>;
