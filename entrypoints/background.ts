import { createBackgroundServices } from '@/lib/browser/backgroundServices';
import { registerContextMenus } from '@/lib/browser/contextMenu';
import { keepStorePersistent } from '@/lib/browser/persistentStorage';
import { createMessageRouter } from '@/lib/messages';

export default defineBackground(() => {
  const services = createBackgroundServices();
  const route = createMessageRouter({
    'capture.tab': ({ tabId, mode, form, targetElementId, filing }) =>
      services.captureTab(tabId, mode, form, { targetElementId, filing }),
    'capture.cancel': ({ tabId }) => services.cancel(tabId),
    'badge.refresh': () => services.refreshBadge(),
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill sends back what the listener's promise resolves to
  browser.runtime.onMessage.addListener((message) => route(message));
  registerContextMenus();
  // Time passing makes responses due: recount every five minutes, and when the browser starts.
  void browser.alarms.create('responses', { periodInMinutes: 5 });
  // …and try again any trusted timestamp still pending (issue #20: offline, or its TSA refused).
  browser.alarms.onAlarm.addListener(() => {
    void services.refreshBadge();
    void services.stampDue();
  });
  void services.refreshBadge();
  void services.stampDue();
  void keepStorePersistent().catch(() => undefined); // best effort: the store works either way
});
