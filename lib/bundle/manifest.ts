import { z } from 'zod';
import { StaffMemberSchema } from '../capture/metadata';
import { SHA256_HEX } from '../hash';
import { CategoryIdSchema } from '../policy';
import { BUNDLE_LIMITS } from './limits';

/** A path inside the bundle: relative, forward slashes, no `..`, nothing odd a zip slip could use. */
export const BundlePathSchema = z
  .string()
  .regex(
    /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/,
    'must be a plain relative path inside the bundle',
  );

export const ManifestFileSchema = z.object({
  path: BundlePathSchema,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(SHA256_HEX),
  mimeType: z.string(),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/**
 * `manifest.json`, the bundle's table of contents. Defined once: types, validation and the
 * published JSON Schema (schemas/manifest.schema.json) all come from this object.
 */
export const BundleManifestSchema = z.object({
  format: z.literal('exhibit-evidence-bundle'),
  formatVersion: z.literal(1),
  generator: z.object({ name: z.literal('Exhibit'), version: z.string() }),
  exportedAtUtc: z.iso.datetime(),
  exportedBy: StaffMemberSchema,
  captures: z
    .array(
      z.object({
        id: z.uuid(),
        folder: BundlePathSchema,
        capturedAtUtc: z.iso.datetime(),
        url: z.url(),
        category: CategoryIdSchema,
      }),
    )
    .max(BUNDLE_LIMITS.maxFiles),
  audit: z.object({
    path: z.literal('audit.jsonl'),
    entries: z.number().int().nonnegative().max(BUNDLE_LIMITS.maxAuditEntries),
    headHash: z.string().regex(SHA256_HEX),
  }),
  /**
   * A share copy (issue #5): redacted copies only. The originals, page text and source, metadata and
   * notes stay with the school; the audit log gives only the redactions in full.
   */
  share: z.literal(true).optional(),
  /**
   * A subject access pack (issue #18): a share copy made for one person, with the cover letter and
   * what each capture and case says of them. Import refuses it, as it refuses any share copy.
   */
  subjectAccess: z
    .object({
      person: z.string().min(1).max(300),
      requestReceivedOn: z.iso.date(),
      responseDueOn: z.iso.date(),
      data: z.literal('subject-access/your-data.json'),
      letter: z.literal('subject-access/cover-letter.html'),
    })
    .optional(),
  /**
   * Trusted timestamps (issue #20): each capture's RFC 3161 token over its canonical metadata, and the
   * certificates the school named for the authorities that gave them — each token's chain must lead
   * to its named certificate, which a recipient compares with the authority's own.
   */
  timestamps: z
    .object({
      captures: z
        .array(
          z.object({
            id: z.uuid(),
            token: BundlePathSchema,
            certificate: BundlePathSchema,
            /** What the token attests, as the exporter read it; the verifier reads it again from the token. */
            attestedAtUtc: z.iso.datetime(),
            tsa: z.string().max(1000),
          }),
        )
        .max(BUNDLE_LIMITS.maxFiles),
      /** Every certificate in timestamps/: those the captures' tokens chain to, and the school's authorities' at export. */
      authorities: z.array(BundlePathSchema).max(20).optional(),
    })
    .optional(),
  /** Present when a whole case was exported (issue #4). */
  case: z.object({ id: z.uuid(), title: z.string(), path: z.literal('case/case.json') }).optional(),
  files: z.array(ManifestFileSchema).min(1).max(BUNDLE_LIMITS.maxFiles),
});
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

/** Files the manifest cannot list: itself, and the checksum list that covers it. */
export const MANIFEST_PATH = 'manifest.json';
export const SHA256SUMS_PATH = 'SHA256SUMS';
/** A time-stamp authority's token over manifest.json (issue #20), when the export could be stamped. */
export const MANIFEST_TIMESTAMP_PATH = 'manifest.timestamp.tsr';

/** Where a case action's attached file sits in a case's bundle. */
export function attachmentPath(actionId: string, fileName: string): string {
  return `case/attachments/${actionId}/${fileName}`;
}

export function manifestJsonSchema(): object {
  return z.toJSONSchema(BundleManifestSchema, { target: 'draft-2020-12' });
}
