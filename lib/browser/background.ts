import { browser } from 'wxt/browser';
import { sendRequest, type Request, type ResponseOf } from '../messages';

/** A request to Exhibit's background, checked against the message contract both ways (lib/messages.ts). */
export function askBackground<R extends Request>(request: R): Promise<ResponseOf<R['type']>> {
  return sendRequest((message) => browser.runtime.sendMessage(message), request);
}

/** Asks the background to recount the toolbar badge after a decision; its alarm recounts anyway, so a failure is let go. */
export function refreshBadge(): Promise<void> {
  return askBackground({ type: 'badge.refresh' }).then(
    () => undefined,
    () => undefined,
  );
}
