import { browser } from 'wxt/browser';
import { createBundleExporter } from '../bundle/exportBundle';
import { createExportFlow } from '../bundle/exportFlow';
import { createImportFlow } from '../bundle/importFlow';
import type { StaffMember } from '../capture/metadata';
import { ExhibitError } from '../errors';
import {
  ExhibitDb,
  keyReplacements,
  loadSigningKey,
  createBundleReceiver,
  createCaseRepository,
  createDerivedImageStore,
  createRedactionRepository,
  createEvidenceRepository,
  createSettingsRepository,
  exportableAuditLines,
  type CaptureEdit,
  type CaptureView,
} from '../store';
import type { RedactionBox } from '../capture/redaction';
import { redactImage } from './redactor';
import { DERIVED_IMAGE_DRAWING } from './derivedImageDrawing';
import { renderReportPdfInWorker } from './reportPdfInWorker';
import { saveFile } from './downloads';
import { createWarningLetterFlow } from './warningLetterFlow';

/** The services an extension page (popup, options, dashboard) works with, over the shared IndexedDB. */
export function createPageServices() {
  const db = new ExhibitDb();
  const evidence = createEvidenceRepository(db);
  const stored = createDerivedImageStore(db);
  const redactions = createRedactionRepository(db);
  const settings = createSettingsRepository(db);
  const exporter = createBundleExporter({
    evidence,
    auditLines: (captureIds, caseIds, onlyActions) => exportableAuditLines(db, captureIds, caseIds, onlyActions),
    generatorVersion: browser.runtime.getManifest().version,
    getAttachment: (actionId, fileName) => db.attachments.get([actionId, fileName]),
    getRedactedCopy: (captureId, fileName) => redactions.getCopy(captureId, fileName),
    signer: () => loadSigningKey(db),
    caption: DERIVED_IMAGE_DRAWING.caption,
    pdf: { render: renderReportPdfInWorker, rendition: DERIVED_IMAGE_DRAWING.rendition },
    derivedImageStore: stored,
  });
  /** Whoever is set in the options: every change a page makes is recorded as theirs. */
  async function currentActor(): Promise<StaffMember> {
    const actor = await settings.getProfile();
    if (!actor) throw new ExhibitError('profile-missing', 'Fill in your details in Exhibit’s options first.');
    return actor;
  }

  /** Edits made by the current user, one audit entry each, in order. */
  async function editAsCurrentUser(captureId: string, edits: readonly CaptureEdit[]): Promise<CaptureView | undefined> {
    const actor = await currentActor();
    let view: CaptureView | undefined;
    for (const edit of edits) view = await evidence.editCapture(captureId, edit, actor);
    return view;
  }
  const cases = createCaseRepository(db);
  const importFlow = createImportFlow({
    receiver: createBundleReceiver(db),
    actor: currentActor,
    trustedSenders: () => settings.getTrustedSenders(),
  });
  return {
    evidence,
    settings,
    cases,
    exporter,
    currentActor,
    editAsCurrentUser,
    signingKey: () => loadSigningKey(db),
    keyReplacements: () => keyReplacements(db),
    redactions,
    /** A redacted copy of one of a capture's images, by whoever is set in the options. */
    redactCopy: async (captureId: string, image: string, boxes: readonly RedactionBox[]) =>
      redactions.saveRedaction(captureId, image, boxes, redactImage, await currentActor()),
    exportAndSave: createExportFlow({ exporter, evidence, saveFile }),
    draftWarningLetter: createWarningLetterFlow({ cases, evidence, settings, saveFile }),
    prepareImport: importFlow.prepare,
  };
}
export type PageServices = ReturnType<typeof createPageServices>;

let services: PageServices | undefined;
/** One set per page; pages are short-lived, unlike the background, so this is safe to keep. */
export function pageServices(): PageServices {
  return (services ??= createPageServices());
}

export function openDashboard(hash = ''): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') + hash });
}

export function openOptions(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
