import type { Redaction } from '../audit';
import { imageArtefacts } from '../capture/artefacts';
import type { StaffMember } from '../capture/metadata';
import { RedactionBoxesSchema, clampBoxes, redactedFileName, type RedactionBox } from '../capture/redaction';
import { ExhibitError, isQuotaExceeded, parseInput } from '../errors';
import { sha256OfBlob } from '../hash';
import { appendAudit } from './auditLog';
import { keepCaseSummary } from './caseFold';
import type { DerivedFileRow, ExhibitDb } from './db';

/**
 * Redacted copies for sharing (issue #5): boxes blacked out on a copy of one of a capture's images.
 * The original is never touched; the copy and an audit entry naming its boxes and hash are written
 * in one transaction. A later redaction of the same image replaces the copy; its entry stays.
 */
export function createRedactionRepository(db: ExhibitDb, clock: () => Date = () => new Date()) {
  return {
    async saveRedaction(
      captureId: string,
      image: string,
      boxes: readonly RedactionBox[],
      draw: (original: Blob, boxes: RedactionBox[]) => Promise<Blob>,
      actor: StaffMember,
    ): Promise<Redaction> {
      const row = await db.captures.get(captureId);
      const artefact = row && imageArtefacts(row.metadata).find((a) => a.fileName === image);
      if (!artefact) throw new ExhibitError('invalid-input', 'That image is not part of this capture.');
      const original = await db.files.get([captureId, image]);
      if (!original) throw new ExhibitError('invalid-input', 'The stored image is missing, so no copy was made.');
      const inside = artefact.pixels ? clampBoxes(boxes, artefact.pixels) : [...boxes];
      const kept = parseInput(RedactionBoxesSchema, inside);
      const blob = await draw(original.blob, kept);
      const copy = { fileName: redactedFileName(image), bytes: blob.size, sha256: await sha256OfBlob(blob) };
      try {
        return await db.transaction(
          'rw',
          [db.captures, db.cases, db.audit, db.receivedAudit, db.derivedFiles],
          async () => {
            await db.derivedFiles.put({ captureId, fileName: copy.fileName, blob, sha256: copy.sha256 });
            const entry = await appendAudit(db, clock(), actor, {
              action: 'capture.redacted',
              captureId,
              image,
              boxes: kept,
              copy,
            });
            // A redaction is activity in the capture's case (issue #17).
            const filedIn = (await db.captures.get(captureId))?.caseId;
            if (filedIn) await keepCaseSummary(db, filedIn);
            return { image, boxes: kept, copy, entry };
          },
        );
      } catch (error) {
        if (isQuotaExceeded(error))
          throw new ExhibitError(
            'storage-full',
            'The browser’s storage for Exhibit is full, so the redacted copy was not saved. The original is unchanged.',
            { cause: error },
          );
        throw error;
      }
    },

    getCopy(captureId: string, fileName: string): Promise<DerivedFileRow | undefined> {
      return db.derivedFiles.get([captureId, fileName]);
    },
  };
}
export type RedactionRepository = ReturnType<typeof createRedactionRepository>;
