import { browser } from 'wxt/browser';
import { createCaptureService, type CaptureRun } from '../capture/captureService';
import type { CaptureForm, CaptureMode } from '../capture/metadata';
import type { CaptureProgress } from '../messages';
import { badgeText } from '../policy/responseTracker';
import { ExhibitDb, createEvidenceRepository, createDerivedImageStore, createSettingsRepository } from '../store';
import { indexPageWords } from '../store/pageWords';
import { DERIVED_IMAGE_DRAWING } from './derivedImageDrawing';
import { readEnvironment } from './environment';
import { imageAdapter } from './imageAdapter';
import { createTabsAdapter } from './tabsAdapter';

/** Wires the real browser adapters into the services the background exposes. */
export function createBackgroundServices() {
  const db = new ExhibitDb();
  const evidence = createEvidenceRepository(db);
  const settings = createSettingsRepository(db);
  const capture = createCaptureService({
    tabs: createTabsAdapter(),
    images: imageAdapter,
    evidence,
    settings,
    readEnvironment,
  });
  const stored = createDerivedImageStore(db);
  // Captures in progress, by tab, so a popup can cancel one. Lives only as long as the capture.
  const running = new Map<number, AbortController>();

  /** The toolbar badge: comments on the school's accounts overdue or due within two hours. */
  async function refreshBadge(): Promise<{ badge: string }> {
    const badge = badgeText(await evidence.responsesDue(new Date(), await settings.getCalendar()));
    await browser.action.setBadgeText({ text: badge });
    await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
    return { badge };
  }

  return {
    refreshBadge,
    async captureTab(
      tabId: number,
      mode: CaptureMode,
      form: CaptureForm,
      options: Pick<CaptureRun, 'targetElementId' | 'filing'> = {},
    ) {
      running.get(tabId)?.abort();
      const controller = new AbortController();
      running.set(tabId, controller);
      const onProgress = (slice: number, of: number) => {
        const progress: CaptureProgress = { type: 'capture.progress', tabId, slice, of };
        browser.runtime.sendMessage(progress).catch(() => undefined); // no page listening is fine
      };
      try {
        const result = await capture.captureTab(tabId, mode, form, {
          ...options,
          signal: controller.signal,
          onProgress,
        });
        if (form.needsResponse) await refreshBadge();
        // After the reply, not before: drawing the presentation copy and PDF renditions now spares
        // every later export the work. If the background stops first, the export draws them.
        void stored.drawAndKeep(result.metadata.id, DERIVED_IMAGE_DRAWING).catch(() => undefined);
        // Its page text's words, for finding a person (issue #18); a search catches up any missed.
        void indexPageWords(db, result.metadata.id).catch(() => undefined);
        return result;
      } finally {
        if (running.get(tabId) === controller) running.delete(tabId);
      }
    },
    cancel(tabId: number) {
      const controller = running.get(tabId);
      controller?.abort();
      return Promise.resolve({ cancelled: Boolean(controller) });
    },
  };
}
