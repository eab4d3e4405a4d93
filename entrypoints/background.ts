import { createBackgroundServices } from '@/lib/browser/backgroundServices';
import { createMessageRouter } from '@/lib/messages';

export default defineBackground(() => {
  const services = createBackgroundServices();
  const route = createMessageRouter({
    'capture.tab': ({ tabId, mode, form }) => services.captureTab(tabId, mode, form),
    'capture.cancel': ({ tabId }) => services.cancel(tabId),
  });
  browser.runtime.onMessage.addListener((message) => route(message));
});
