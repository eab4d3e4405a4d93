import { browser } from 'wxt/browser';
import { createBundleExporter } from '../bundle/exportBundle';
import { createExportFlow } from '../bundle/exportFlow';
import { ExhibitDb, createEvidenceRepository, createSettingsRepository, exportableAuditLines } from '../store';
import { saveFile } from './downloads';

/** The services an extension page (popup, options, dashboard) works with, over the shared IndexedDB. */
export function createPageServices() {
  const db = new ExhibitDb();
  const evidence = createEvidenceRepository(db);
  const settings = createSettingsRepository(db);
  const exporter = createBundleExporter({
    evidence,
    auditLines: (ids) => exportableAuditLines(db, ids),
    generatorVersion: browser.runtime.getManifest().version,
  });
  return { evidence, settings, exportAndSave: createExportFlow({ exporter, evidence, saveFile }) };
}
export type PageServices = ReturnType<typeof createPageServices>;

let services: PageServices | undefined;
/** One set per page; pages are short-lived, unlike the background, so this is safe to keep. */
export function pageServices(): PageServices {
  return (services ??= createPageServices());
}

export function openDashboard(hash = ''): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL("/dashboard.html") + hash });
}

export function openOptions(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
