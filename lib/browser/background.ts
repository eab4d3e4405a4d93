import { browser } from 'wxt/browser';
import { sendRequest, type Request, type ResponseOf } from '../messages';

/** A request to Exhibit's background, checked against the message contract both ways (lib/messages.ts). */
export function askBackground<R extends Request>(request: R): Promise<ResponseOf<R['type']>> {
  return sendRequest((message) => browser.runtime.sendMessage(message), request);
}
