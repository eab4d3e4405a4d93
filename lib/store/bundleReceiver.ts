import type { ReceivedBundle } from '../bundle/readBundle';
import { canonicalJson } from '../canonicalJson';
import { UNFILED } from '../cases/case';
import type { StaffMember } from '../capture/metadata';
import { ExhibitError, isQuotaExceeded } from '../errors';
import { sha256Hex, sha256OfBlob } from '../hash';
import { appendAudit } from './auditLog';
import type { ExhibitDb, ReceivedAuditRow, StoredFile } from './db';

export type ReceiveOutcome =
  | { status: 'imported'; captureIds: string[]; caseId?: string; fromKeyFingerprint: string }
  | { status: 'already-imported' | 'nothing-new'; fromKeyFingerprint: string };

/**
 * Puts a verified bundle's captures, case and audit entries into this installation's store
 * (issue #5, receiving a bundle), in one transaction, with custody entries in the local chain:
 * "received from <fingerprint> at <time>". A bundle already imported, or holding nothing new,
 * changes nothing.
 */
export function createBundleReceiver(db: ExhibitDb, clock: () => Date = () => new Date()) {
  return {
    async receive(bundle: ReceivedBundle, actor: StaffMember): Promise<ReceiveOutcome> {
      const from = bundle.keyFingerprint;
      const redactedHere = async (captureId: string, fileName: string) =>
        (await db.audit.where('event.captureId').equals(captureId).toArray()).some((e) => e.event.action === 'capture.redacted' && e.event.copy.fileName === fileName);
      // The copy the newest received redaction names (bundles may arrive out of order).
      const newestReceivedCopy = async (captureId: string, fileName: string) =>
        (await db.receivedAudit.where('event.captureId').equals(captureId).toArray())
          .flatMap((e) => (e.event.action === 'capture.redacted' && e.event.copy.fileName === fileName ? [{ at: e.at, seq: e.seq, sha256: e.event.copy.sha256 }] : []))
          .sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq)
          .at(-1)?.sha256;
      // Hashes first: a transaction must not wait on anything but the database.
      const files: StoredFile[] = [];
      for (const { metadata, files: blobs } of bundle.captures) {
        for (const artefact of metadata.artefacts) {
          const blob = blobs.get(artefact.fileName);
          if (!blob || (await sha256OfBlob(blob)) !== artefact.sha256) throw new ExhibitError('import-refused', `The bundle’s ${artefact.fileName} does not match its capture’s hash; nothing was imported.`);
          files.push({ captureId: metadata.id, fileName: artefact.fileName, kind: artefact.kind, blob, sha256: artefact.sha256 });
        }
      }
      const metadataHash = new Map(bundle.captures.map((c) => [c.metadata.id, sha256Hex(canonicalJson(c.metadata))]));
      const received: ReceivedAuditRow[] = bundle.auditEntries.map((entry) => ({ ...entry, receivedFrom: { keyFingerprint: from, manifestSha256: bundle.manifestSha256 } }));

      try {
        return await db.transaction('rw', [db.captures, db.files, db.audit, db.cases, db.attachments, db.receivedAudit, db.derivedFiles], async () => {
          const earlier = await db.audit.where('event.manifestSha256').equals(bundle.manifestSha256).toArray();
          if (earlier.some((e) => e.event.action === 'bundle.received')) return { status: 'already-imported' as const, fromKeyFingerprint: from };

          const fresh = [];
          for (const capture of bundle.captures) {
            const here = await db.captures.get(capture.metadata.id);
            if (!here) fresh.push(capture);
            else if (sha256Hex(canonicalJson(here.metadata)) !== metadataHash.get(capture.metadata.id)) {
              throw new ExhibitError('import-refused', `This bundle was not imported: its capture of ${capture.metadata.page.url} has the same identity as one already here but different content. Nothing was changed.`);
            }
          }
          const caseExport = bundle.caseExport;
          const caseIsNew = caseExport !== undefined && !(await db.cases.get(caseExport.id));
          // Entries already here (from an earlier bundle, or this installation's own) are kept once.
          const known = new Set((await db.receivedAudit.bulkGet(received.map((e) => e.hash))).flatMap((e) => (e ? [e.hash] : [])));
          const own = new Set((await db.audit.where('hash').anyOf(received.map((e) => e.hash)).toArray()).map((e) => e.hash));
          const unseen = received.filter((e) => !known.has(e.hash) && !own.has(e.hash));
          if (fresh.length === 0 && !caseIsNew && unseen.length === 0) return { status: 'nothing-new' as const, fromKeyFingerprint: from };

          const at = clock();
          if (caseExport && caseIsNew) {
            const opened = bundle.auditEntries.find((e) => e.event.action === 'case.opened' && e.event.caseId === caseExport.id);
            // The case as opened: its later changes are folded from the received entries, as here.
            const details = opened?.event.action === 'case.opened' ? opened.event.details : caseExport.details;
            await db.cases.add({ id: caseExport.id, openedAtUtc: caseExport.openedAtUtc, details });
          }
          await db.receivedAudit.bulkAdd(unseen);
          const inCase = new Set(caseExport?.captureIds ?? []);
          for (const { metadata } of fresh) {
            await db.captures.add({ id: metadata.id, capturedAtUtc: metadata.capturedAtUtc, caseId: caseExport && inCase.has(metadata.id) ? caseExport.id : UNFILED, metadata });
          }
          const freshIds = new Set(fresh.map((c) => c.metadata.id));
          await db.files.bulkAdd(files.filter((f) => freshIds.has(f.captureId)));
          // A redacted copy is kept for a capture received now, and for one received before when the
          // sender has redacted it since; a copy this installation made of the same image stays.
          for (const copy of bundle.redactedCopies) {
            const since = !freshIds.has(copy.captureId) && !(await redactedHere(copy.captureId, copy.fileName)) && (await newestReceivedCopy(copy.captureId, copy.fileName)) === copy.sha256;
            if (freshIds.has(copy.captureId) || since) await db.derivedFiles.put(copy);
          }
          for (const file of bundle.attachments) {
            if (!(await db.attachments.get([file.actionId, file.fileName]))) await db.attachments.add(file);
          }
          for (const id of freshIds) {
            await appendAudit(db, at, actor, { action: 'capture.received', captureId: id, metadataSha256: metadataHash.get(id)!, fromKeyFingerprint: from, manifestSha256: bundle.manifestSha256 });
          }
          if (caseExport && caseIsNew) await appendAudit(db, at, actor, { action: 'case.received', caseId: caseExport.id, fromKeyFingerprint: from, manifestSha256: bundle.manifestSha256 });
          await appendAudit(db, at, actor, {
            action: 'bundle.received',
            manifestSha256: bundle.manifestSha256,
            fromKeyFingerprint: from,
            exportedAtUtc: bundle.manifest.exportedAtUtc,
            captureIds: [...freshIds],
            caseId: caseExport?.id,
          });
          return { status: 'imported' as const, captureIds: [...freshIds], caseId: caseExport?.id, fromKeyFingerprint: from };
        });
      } catch (error) {
        if (error instanceof ExhibitError) throw error;
        if (isQuotaExceeded(error)) throw new ExhibitError('storage-full', 'The browser’s storage for Exhibit is full, so the bundle was not imported; nothing was changed. Free some space and try again.', { cause: error });
        throw new ExhibitError('storage-failed', 'The bundle could not be stored; nothing was imported. Try again.', { cause: error });
      }
    },
  };
}
export type BundleReceiver = ReturnType<typeof createBundleReceiver>;

