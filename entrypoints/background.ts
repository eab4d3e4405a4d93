import { createBackgroundServices } from '@/lib/browser/backgroundServices';
import { registerContextMenus } from '@/lib/browser/contextMenu';
import { createMessageRouter } from '@/lib/messages';

export default defineBackground(() => {
  const services = createBackgroundServices();
  const route = createMessageRouter({
    'capture.tab': ({ tabId, mode, form, targetElementId, filing }) => services.captureTab(tabId, mode, form, { targetElementId, filing }),
    'capture.cancel': ({ tabId }) => services.cancel(tabId),
  });
  browser.runtime.onMessage.addListener((message) => route(message));
  registerContextMenus();
});
