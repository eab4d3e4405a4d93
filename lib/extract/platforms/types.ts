import type { FoundFields, Platform } from '../postDetails';

/** One platform's knowledge of its markup: which pages, what a post is, and where each field sits. */
export interface PlatformExtractor {
  platform: Platform;
  hosts: RegExp;
  /** Selects one post (or comment) element; used to find the post under a click or selection. */
  postSelector: string;
  extract(post: Element, pageUrl: string): FoundFields;
}
