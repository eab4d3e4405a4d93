import { browser } from 'wxt/browser';
import { createCaptureService, type CaptureRun } from '../capture/captureService';
import type { CaptureForm, CaptureMode } from '../capture/metadata';
import type { CaptureProgress } from '../messages';
import { badgeOf } from '../badge';
import { answerNowCount } from '../policy/responseTracker';
import { createRetentionReview } from '../store/retentionReview';
import { createSubjectAccessRequests } from '../store/subjectAccessRequests';
import { daysLeft } from '../subjectAccess/pack';
import { localDate } from '../time';
import { ExhibitDb, createEvidenceRepository, createDerivedImageStore, createSettingsRepository } from '../store';
import { indexPageWords } from '../store/pageWords';
import { createTimestamps } from '../store/timestamps';
import { timestampTransport } from './timestampTransport';
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
  const review = createRetentionReview(db, settings);
  const subjectAccess = createSubjectAccessRequests(db);
  const timestamps = createTimestamps(db, timestampTransport);
  /** One round of trusted timestamps at a time (issue #20); a round asked for meanwhile waits for it. */
  let stamping: Promise<unknown> = Promise.resolve();
  const stampDue = () => (stamping = stamping.then(() => timestamps.stampDue()).catch(() => undefined));
  // Captures in progress, by tab, so a popup can cancel one. Lives only as long as the capture.
  const running = new Map<number, AbortController>();

  /**
   * The toolbar badge (lib/badge.ts): comments on the school's accounts overdue or due within two
   * hours, and records due for a decision — retention reviews and subject access replies due within
   * a week — each read through the index of what is open or due, never the whole store.
   */
  async function refreshBadge(): Promise<{ badge: string }> {
    const now = new Date();
    const calendar = await settings.getCalendar();
    const today = localDate(now, calendar.timeZone);
    const [responses, reviews, requests] = await Promise.all([
      evidence.responsesDue(now, calendar),
      review.due(now, 99),
      subjectAccess.open(),
    ]);
    const badge = badgeOf({
      responses: answerNowCount(responses),
      reviews: reviews.items.length,
      moreReviews: reviews.more,
      requests: requests.filter((r) => daysLeft(r.dueOn, today) <= 7).length,
    });
    await browser.action.setBadgeText({ text: badge.text });
    await browser.action.setBadgeBackgroundColor({ color: badge.color });
    await browser.action.setTitle({ title: badge.title });
    return { badge: badge.text };
  }

  return {
    refreshBadge,
    stampDue,
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
        // Its trusted timestamp, when the school has them on: only the metadata's digest is sent (issue #20).
        void stampDue();
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
