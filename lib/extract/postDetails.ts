import { z } from 'zod';
import { ValueSourceSchema, type Sourced } from './valueSource';

export const PLATFORMS = [
  'facebook',
  'x',
  'instagram',
  'tiktok',
  'youtube',
  'reddit',
  'whatsapp',
  'linkedin',
  'bluesky',
  'threads',
  'generic',
] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

/** A value as the page shows it, or null when the page does not show it (never guessed). */
const Found = z.string().max(100_000).nullable();

export const POST_FIELDS = [
  'authorName',
  'authorHandle',
  'authorProfileUrl',
  'permalink',
  'postedAtText',
  'postedAtIso',
  'text',
  'likes',
  'comments',
  'shares',
] as const;
export type PostField = (typeof POST_FIELDS)[number];
export const PostFieldSchema = z.enum(POST_FIELDS);

/**
 * How the post was told apart from the rest of the page. `unclear`: several posts were in view (or
 * on the page, none in view, or inside the element picked) and none was picked on its own or holds
 * the selection, so no post's details were taken: taking the first would be a guess, and could name
 * the wrong person as the author.
 */
export const PostFoundBySchema = z.enum([
  'picked',
  'selection',
  'only-in-view',
  'only-on-page',
  'whole-page',
  'unclear',
]);
export type PostFoundBy = z.infer<typeof PostFoundBySchema>;

/** What the page says about the post: who, where, when, what, and the counts it shows (issue #3). */
export const PostDetailsSchema = z.object({
  platform: PlatformSchema,
  ...(Object.fromEntries(POST_FIELDS.map((field) => [field, Found])) as Record<PostField, typeof Found>),
  /** Fields the extractor looked for and did not find: flagged for staff to fill in by hand. */
  missing: z.array(PostFieldSchema),
  /** Absent from captures made before 2026-12-01, which took the first post in view. */
  foundBy: PostFoundBySchema.optional(),
  /** Where each value found came from (issue #19; absent from captures made before 2026-12-07). */
  sources: z.partialRecord(PostFieldSchema, ValueSourceSchema).optional(),
});
export type PostDetails = z.infer<typeof PostDetailsSchema>;
/** What an extractor found: each value with its source (a bare string, in tests, has none). */
export type FoundFields = Partial<Record<PostField, Sourced | string | null | undefined>>;

/** Normalises what an extractor found: blanks become null and are listed as missing. */
export function postDetails(platform: Platform, found: FoundFields, foundBy?: PostFoundBy): PostDetails {
  const details = { platform, missing: [] as PostField[], ...(foundBy && { foundBy }) } as PostDetails;
  const sources: NonNullable<PostDetails['sources']> = {};
  for (const field of POST_FIELDS) {
    const raw = found[field];
    const shown = typeof raw === 'string' ? raw : raw?.value;
    details[field] = (field === 'text' ? shown?.trim() : shown?.replace(/\s+/g, ' ').trim()) || null;
    if (details[field] === null) details.missing.push(field);
    else if (raw && typeof raw !== 'string') sources[field] = raw.source;
  }
  if (Object.keys(sources).length > 0) details.sources = sources;
  return details;
}

export const POST_FIELD_LABELS: Record<PostField, string> = {
  authorName: 'Author’s name',
  authorHandle: 'Author’s handle',
  authorProfileUrl: 'Author’s profile URL',
  permalink: 'Link to the post',
  postedAtText: 'Posted (as the page shows it)',
  postedAtIso: 'Posted (machine-readable)',
  text: 'Post text',
  likes: 'Likes / reactions',
  comments: 'Comments',
  shares: 'Shares / reposts',
};

/** Where the details came from, for the dashboard and the report: "read from … on the X page". */
export function postSourceWords(details: Pick<PostDetails, 'platform' | 'foundBy'>): string {
  const page = details.platform === 'generic' ? 'the page' : `the ${details.platform} page`;
  switch (details.foundBy) {
    case 'picked':
      return `the post picked on ${page}`;
    case 'selection':
      return `the post holding the selected text on ${page}`;
    case 'only-in-view':
      return `the only post in view on ${page}`;
    case 'only-on-page':
      return `the only post on ${page}`;
    case 'whole-page':
      return `${page} as a whole (it marks no separate post)`;
    default:
      return page;
  }
}

/** Said wherever the details are shown when no post could be told apart (never guessed). */
export const UNCLEAR_POST_WORDS =
  'Several posts were in view and none was picked on its own, so Exhibit took no post’s details rather than guess which one this capture is about. Fill them in by hand, or capture again with “This post” and pick the one post.';
