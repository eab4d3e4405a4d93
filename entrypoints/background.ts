import { createBackgroundServices } from '@/lib/browser/backgroundServices';
import { createMessageRouter } from '@/lib/messages';

export default defineBackground(() => {
  const services = createBackgroundServices();
  const route = createMessageRouter({
    'capture.visibleTab': ({ tabId, form }) => services.capture.captureVisibleTab(tabId, form),
  });
  browser.runtime.onMessage.addListener((message) => route(message));
});
