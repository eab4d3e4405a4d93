import { createCaptureService } from '../capture/captureService';
import { ExhibitDb, createEvidenceRepository, createSettingsRepository } from '../store';
import { readEnvironment } from './environment';
import { createTabsAdapter } from './tabsAdapter';
import { makeThumbnail } from './thumbnail';

/** Wires the real browser adapters into the services the background exposes. */
export function createBackgroundServices() {
  const db = new ExhibitDb();
  const capture = createCaptureService({
    tabs: createTabsAdapter(),
    evidence: createEvidenceRepository(db),
    settings: createSettingsRepository(db),
    makeThumbnail,
    readEnvironment,
  });
  return { capture };
}
