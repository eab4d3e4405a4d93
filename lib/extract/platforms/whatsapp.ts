import { deepQuery } from '../dom';
import { attributeOf, mapSourced, shownText } from '../sourced';
import type { PlatformExtractor } from './types';

/**
 * WhatsApp Web (shared/notes/platform-markup.md; anonymised real chats, 2023 and 2024): a message is
 * the element whose `data-id` starts `false_` (received) or `true_` (sent); its sender and time are
 * in `data-pre-plain-text`, "[time, date] Name: ". Class names are hashed and change: none is used. A
 * message has no address and no profile link; its date's format follows the browser's locale
 * (1/2/2023 could be either day first or month first), so no machine-readable time is made of it.
 */
export const SELECTORS = {
  post: '[data-id^="false_"], [data-id^="true_"]',
  meta: '.copyable-text[data-pre-plain-text]',
  text: '.selectable-text',
};
const PRE_PLAIN = /^\[(.+?), (.+?)\] (.+?):\s*$/;

export const whatsapp: PlatformExtractor = {
  platform: 'whatsapp',
  hosts: /^web\.whatsapp\.com$/,
  postSelector: SELECTORS.post,
  extract(post) {
    const meta = attributeOf(deepQuery(post, SELECTORS.meta), 'data-pre-plain-text');
    return {
      authorName: mapSourced(meta, (line) => PRE_PLAIN.exec(line)?.[3] ?? null, 'the name before “:”'),
      // The time as the bubble shows it; the date beside it is in the chat's day separator.
      postedAtText: mapSourced(meta, (line) => PRE_PLAIN.exec(line)?.[1] ?? null, 'the time in its brackets'),
      postedAtIso: null,
      text: shownText(deepQuery(post, SELECTORS.text)),
    };
  },
};
