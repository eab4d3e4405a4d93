import type { Platform } from '../extract/postDetails';

/**
 * Each platform's own page for reporting a post, offered as a link in the case's checklist.
 * Exhibit never opens or calls them itself; staff follow the link in their browser.
 */
export const PLATFORM_REPORT_PAGES: Record<Exclude<Platform, 'generic'>, { name: string; url: string }> = {
  facebook: { name: 'Facebook', url: 'https://www.facebook.com/help/reportlinks' },
  x: { name: 'X (Twitter)', url: 'https://help.x.com/en/rules-and-policies/x-report-violation' },
  instagram: { name: 'Instagram', url: 'https://help.instagram.com/' },
  tiktok: { name: 'TikTok', url: 'https://www.tiktok.com/legal/report' },
  youtube: { name: 'YouTube', url: 'https://support.google.com/youtube/answer/2802027' },
  reddit: { name: 'Reddit', url: 'https://www.reddit.com/report' },
  // WhatsApp has no web form: a message or contact is reported from the chat; its help centre says how.
  whatsapp: { name: 'WhatsApp', url: 'https://faq.whatsapp.com/' },
  // A post is reported from its "…" menu; the help centre says how for posts, comments and profiles.
  linkedin: { name: 'LinkedIn', url: 'https://www.linkedin.com/help/linkedin/answer/37822' },
  // Both report from the post's "…" menu; their help centres say how (Threads' is Instagram's).
  bluesky: { name: 'Bluesky', url: 'https://bsky.social/about/support' },
  threads: { name: 'Threads', url: 'https://help.instagram.com/' },
};
