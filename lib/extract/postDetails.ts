import { z } from 'zod';

export const PLATFORMS = ['facebook', 'x', 'instagram', 'tiktok', 'youtube', 'reddit', 'generic'] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

/** A value as the page shows it, or null when the page does not show it (never guessed). */
const Found = z.string().max(100_000).nullable();

export const POST_FIELDS = ['authorName', 'authorHandle', 'authorProfileUrl', 'permalink', 'postedAtText', 'postedAtIso', 'text', 'likes', 'comments', 'shares'] as const;
export type PostField = (typeof POST_FIELDS)[number];
export const PostFieldSchema = z.enum(POST_FIELDS);

/** What the page says about the post: who, where, when, what, and the counts it shows (issue #3). */
export const PostDetailsSchema = z.object({
  platform: PlatformSchema,
  ...Object.fromEntries(POST_FIELDS.map((field) => [field, Found])) as Record<PostField, typeof Found>,
  /** Fields the extractor looked for and did not find: flagged for staff to fill in by hand. */
  missing: z.array(PostFieldSchema),
});
export type PostDetails = z.infer<typeof PostDetailsSchema>;
export type FoundFields = Partial<Record<PostField, string | null | undefined>>;

/** Normalises what an extractor found: blanks become null and are listed as missing. */
export function postDetails(platform: Platform, found: FoundFields): PostDetails {
  const details = { platform, missing: [] as PostField[] } as PostDetails;
  for (const field of POST_FIELDS) {
    const value = found[field]?.replace(/\s+/g, ' ').trim() || null;
    details[field] = field === 'text' ? (found.text?.trim() || null) : value;
    if (details[field] === null) details.missing.push(field);
  }
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
