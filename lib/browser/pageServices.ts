import { browser } from 'wxt/browser';
import type { StaffMember } from '../capture/metadata';
import { ExhibitError } from '../errors';
import {
  ExhibitDb,
  keyReplacements,
  loadSigningKey,
  createCaseRepository,
  createRedactionRepository,
  createEvidenceRepository,
  createSettingsRepository,
  type CaptureEdit,
  type CaptureView,
} from '../store';
import type { BundleServices } from './bundleServices';
import { createRetentionReview } from '../store/retentionReview';
import { createLegalHolds } from '../store/legalHold';
import { createErasure } from '../store/erasure';
import { createPersonSearch } from '../store/personSearch';
import { createSubjectAccessRequests } from '../store/subjectAccessRequests';

/** The services an extension page (popup, options, dashboard) works with, over the shared IndexedDB. */
export function createPageServices() {
  const db = new ExhibitDb();
  const evidence = createEvidenceRepository(db);
  const redactions = createRedactionRepository(db);
  const settings = createSettingsRepository(db);
  const cases = createCaseRepository(db);
  const review = createRetentionReview(db, settings);
  const holds = createLegalHolds(db);
  const erasure = createErasure(db);
  const people = createPersonSearch(db);
  const requests = createSubjectAccessRequests(db);
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
  // Export, import, redaction and letters come in their own chunk, the first time one is used.
  let bundleServices: Promise<BundleServices> | undefined;
  const bundles = () =>
    (bundleServices ??= import('./bundleServices').then(({ createBundleServices }) =>
      createBundleServices({ db, evidence, cases, settings, redactions, currentActor }),
    ));
  return {
    evidence,
    settings,
    cases,
    review,
    holds,
    erasure,
    people,
    requests,
    currentActor,
    editAsCurrentUser,
    signingKey: () => loadSigningKey(db),
    /** A capture's trusted timestamp, pending or obtained (issue #20). */
    timestampOf: (captureId: string) => db.timestamps.get(captureId),
    keyReplacements: () => keyReplacements(db),
    redactions,
    redactCopy: async (...args: Parameters<BundleServices['redactCopy']>) => (await bundles()).redactCopy(...args),
    exportAndSave: async (...args: Parameters<BundleServices['exportAndSave']>) =>
      (await bundles()).exportAndSave(...args),
    draftWarningLetter: async (...args: Parameters<BundleServices['draftWarningLetter']>) =>
      (await bundles()).draftWarningLetter(...args),
    exportSubjectAccessPack: async (...args: Parameters<BundleServices['exportSubjectAccessPack']>) =>
      (await bundles()).exportSubjectAccessPack(...args),
    prepareImport: async (...args: Parameters<BundleServices['prepareImport']>) =>
      (await bundles()).prepareImport(...args),
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
