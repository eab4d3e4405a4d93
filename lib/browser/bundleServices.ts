import { exportTimestampingOf, storedTimestampOf } from '../store/timestamps';
import { timestampTransport } from './timestampTransport';
import { browser } from 'wxt/browser';
import { createBundleExporter } from '../bundle/exportBundle';
import { createExportFlow } from '../bundle/exportFlow';
import { createImportFlow } from '../bundle/importFlow';
import type { StaffMember } from '../capture/metadata';
import type { RedactionBox } from '../capture/redaction';
import {
  createBundleReceiver,
  createDerivedImageStore,
  exportableAuditLines,
  loadSigningKey,
  type CaseRepository,
  type ExhibitDb,
  type EvidenceRepository,
} from '../store';
import type { createRedactionRepository, createSettingsRepository } from '../store';
import { DERIVED_IMAGE_DRAWING } from './derivedImageDrawing';
import { saveFile } from './downloads';
import { redactImage } from './redactor';
import { renderReportPdfInWorker } from './reportPdfInWorker';
import { createWarningLetterFlow } from './warningLetterFlow';
import { createSubjectAccessFlow } from '../subjectAccess/packFlow';

/** What the bundle services are made over: the page's own database and repositories. */
export interface BundleServicesDeps {
  db: ExhibitDb;
  evidence: EvidenceRepository;
  cases: CaseRepository;
  settings: ReturnType<typeof createSettingsRepository>;
  redactions: ReturnType<typeof createRedactionRepository>;
  currentActor: () => Promise<StaffMember>;
}

/**
 * Export, import, redaction and letters: most of a page's code (the zip writer and reader, the
 * report and its PDF, the image drawing). Loaded only when one of them is first used, so the
 * popup's form and the dashboard's first screen do not wait for it (issue #17).
 */
export function createBundleServices(deps: BundleServicesDeps) {
  const { db, evidence, cases, settings, redactions, currentActor } = deps;
  const exporter = createPageExporter(deps);
  const importFlow = createImportFlow({
    receiver: createBundleReceiver(db),
    actor: currentActor,
    trustedSenders: () => settings.getTrustedSenders(),
  });
  return {
    /** A redacted copy of one of a capture's images, by whoever is set in the options. */
    redactCopy: async (captureId: string, image: string, boxes: readonly RedactionBox[]) =>
      redactions.saveRedaction(captureId, image, boxes, redactImage, await currentActor()),
    exportAndSave: createExportFlow({ exporter, evidence, saveFile }),
    draftWarningLetter: createWarningLetterFlow({ cases, evidence, settings, saveFile }),
    exportSubjectAccessPack: createSubjectAccessFlow({ exporter, evidence, settings, saveFile }),
    prepareImport: importFlow.prepare,
  };
}
export type BundleServices = ReturnType<typeof createBundleServices>;

/** The exporter as the pages use it: presentation copies, PDF in a worker, this installation's key. */
export function createPageExporter({
  db,
  evidence,
  redactions,
}: Pick<BundleServicesDeps, 'db' | 'evidence' | 'redactions'>) {
  return createBundleExporter({
    evidence,
    auditLines: (captureIds, caseIds, onlyActions, throughHead) =>
      exportableAuditLines(db, captureIds, caseIds, onlyActions, throughHead),
    generatorVersion: browser.runtime.getManifest().version,
    getAttachment: (actionId, fileName) => db.attachments.get([actionId, fileName]),
    getRedactedCopy: (captureId, fileName) => redactions.getCopy(captureId, fileName),
    getTimestamp: (captureId) => storedTimestampOf(db, captureId),
    exportTimestamping: exportTimestampingOf(db, timestampTransport),
    signer: () => loadSigningKey(db),
    caption: DERIVED_IMAGE_DRAWING.caption,
    pdf: { render: renderReportPdfInWorker, rendition: DERIVED_IMAGE_DRAWING.rendition },
    derivedImageStore: createDerivedImageStore(db),
  });
}
