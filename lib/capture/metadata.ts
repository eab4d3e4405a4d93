import { z } from 'zod';
import { CategoryChoiceSchema } from '../policy';
import { PostDetailsSchema } from '../extract/postDetails';
import { SHA256_HEX } from '../hash';

export const StaffMemberSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(200),
  role: z.string().trim().min(1, 'Enter your role.').max(200),
  email: z.email('Enter a valid email address.'),
  school: z.string().trim().min(1, 'Enter the school’s name.').max(200),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** What produced an artefact, so a reader knows a screenshot from a derived file. */
export const ArtefactKindSchema = z.enum([
  'element',
  'full-page',
  'screenshot',
  'rendered',
  'thumbnail',
  'page-text',
  'page-source',
]);
export type ArtefactKind = z.infer<typeof ArtefactKindSchema>;

export const ArtefactSchema = z.object({
  kind: ArtefactKindSchema,
  fileName: z.string().regex(/^[a-z0-9.-]+$/),
  mimeType: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(SHA256_HEX),
  method: z.enum([
    'tabs.captureVisibleTab',
    'cropped-from-screenshot',
    'stitched-captureVisibleTab',
    'tabs.captureTab',
    'html2canvas',
    /** html2canvas run in the page's own world (Firefox's fallback), beside the page's own scripts (issue #15). */
    'html2canvas-page-world',
    'scaled-from-screenshot',
    'document.body.innerText',
    'pageCapture.saveAsMHTML',
    'dom-snapshot',
  ]),
  pixels: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  /** For an image split to fit a canvas: which part of how many, top to bottom. */
  part: z.object({ index: z.number().int().positive(), of: z.number().int().positive() }).optional(),
  /** For an element or page image: the part of the document it shows, in CSS pixels. */
  region: z
    .object({ x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() })
    .optional(),
  /** The file this one was cut from (an element crop from its context screenshot). */
  derivedFrom: z.string().optional(),
  /** Why a rendering stands in for pixels. */
  note: z.string().optional(),
});
export type Artefact = z.infer<typeof ArtefactSchema>;

export const PageSnapshotSchema = z.object({
  /** From schemaVersion 3, the tab's address as the browser holds it (tabs.Tab.url); before, the document's own. */
  url: z.url(),
  /**
   * The address the page's document gave for itself (location.href), kept only when it is not the
   * browser's (issue #15): a page decides what its own code reports, the browser does not.
   */
  documentUrl: z.url().optional(),
  title: z.string(),
  selectedText: z.string(),
  viewport: z.object({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }),
  devicePixelRatio: z.number().positive(),
});
export type PageSnapshot = z.infer<typeof PageSnapshotSchema>;

export const EnvironmentSchema = z.object({
  browserName: z.string(),
  browserVersion: z.string(),
  os: z.string(),
  extensionVersion: z.string(),
  userAgent: z.string(),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

export const CaptureModeSchema = z.enum(['visible', 'element', 'full-page']);
export type CaptureMode = z.infer<typeof CaptureModeSchema>;

/** What the staff member typed in the popup. */
export const CaptureFormSchema = z.object({
  category: CategoryChoiceSchema,
  note: z.string().max(10_000),
  /** A comment on one of the school's own accounts, to be answered in time (issue #4). */
  needsResponse: z.boolean().optional(),
  author: z.object({
    name: z.string().trim().max(300).optional(),
    profileUrl: z
      .union([
        z.url({ protocol: /^https?$/, error: 'The profile address must start with http:// or https://.' }),
        z.literal(''),
      ])
      .optional(),
  }),
});
export type CaptureForm = z.infer<typeof CaptureFormSchema>;

/**
 * Everything recorded at the moment of capture (issue #2, item 4). Stored once and never changed:
 * later edits of note or category go to the audit log.
 */
export const CaptureMetadataSchema = z.object({
  /**
   * 1: issue #2. 2: adds the page source and the post details read from the page (issue #3).
   * 3: `page.url` is the browser's address of the tab, `page.documentUrl` the page's own when it differs (issue #15).
   * 4: `post.sources` says where each value read from the page came from (issue #19).
   */
  schemaVersion: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  id: z.uuid(),
  capturedAtUtc: z.iso.datetime(),
  capturedAtLocal: z.iso.datetime({ offset: true }),
  timeZone: z.string().min(1),
  utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/),
  page: PageSnapshotSchema,
  ...CaptureFormSchema.shape,
  capturedBy: StaffMemberSchema,
  environment: EnvironmentSchema,
  artefacts: z.array(ArtefactSchema).min(1),
  /** The exhibit reference, the capturer's initials and a running number, e.g. "JS/4" (issue #5). */
  reference: z
    .string()
    .regex(/^[A-Z]{1,4}\/[1-9]\d*$/)
    .optional(),
  /** What the staff member asked for; captures before issue #3 were all of the visible area. */
  mode: CaptureModeSchema.optional(),
  /** The post's details as the page showed them; corrections go to the audit log. */
  post: PostDetailsSchema.optional(),
  /** For a comment needing a response: when it was received (the post's own time, else the capture's). */
  responseReceivedAtUtc: z.iso.datetime().optional(),
  /** Why the page source is missing, when the browser would not give it. */
  pageSourceError: z.string().optional(),
});
export type CaptureMetadata = z.infer<typeof CaptureMetadataSchema>;

/** The initials an exhibit reference starts with: "Jo Smith" → "JS", "Anne-Marie O'Neill" → "AMO". */
export function referenceInitials(name: string): string {
  const letters = name
    .normalize('NFKD')
    .replace(/[^A-Za-z\s-]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase());
  return letters.length === 0
    ? 'X'
    : letters.length <= 4
      ? letters.join('')
      : letters.slice(0, 1).join('') + letters.slice(-1).join('');
}
