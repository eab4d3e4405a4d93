import { browser } from 'wxt/browser';
import { createCaptureService, type CaptureRun } from '../capture/captureService';
import type { CaptureForm, CaptureMode } from '../capture/metadata';
import type { CaptureProgress } from '../messages';
import { ExhibitDb, createEvidenceRepository, createSettingsRepository } from '../store';
import { readEnvironment } from './environment';
import { imageAdapter } from './imageAdapter';
import { createTabsAdapter } from './tabsAdapter';

/** Wires the real browser adapters into the services the background exposes. */
export function createBackgroundServices() {
  const db = new ExhibitDb();
  const capture = createCaptureService({
    tabs: createTabsAdapter(),
    images: imageAdapter,
    evidence: createEvidenceRepository(db),
    settings: createSettingsRepository(db),
    readEnvironment,
  });
  // Captures in progress, by tab, so a popup can cancel one. Lives only as long as the capture.
  const running = new Map<number, AbortController>();

  return {
    async captureTab(tabId: number, mode: CaptureMode, form: CaptureForm, options: Pick<CaptureRun, 'targetElementId' | 'filing'> = {}) {
      running.get(tabId)?.abort();
      const controller = new AbortController();
      running.set(tabId, controller);
      const onProgress = (slice: number, of: number) => {
        const progress: CaptureProgress = { type: 'capture.progress', tabId, slice, of };
        browser.runtime.sendMessage(progress).catch(() => undefined); // no page listening is fine
      };
      try {
        return await capture.captureTab(tabId, mode, form, { ...options, signal: controller.signal, onProgress });
      } finally {
        if (running.get(tabId) === controller) running.delete(tabId);
      }
    },
    async cancel(tabId: number) {
      const controller = running.get(tabId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },
  };
}
