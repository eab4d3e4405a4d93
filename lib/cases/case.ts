import { z } from 'zod';
import { PolicyStepIdSchema } from '../policy/steps';

/** Captures not yet in a case, including every capture made before cases existed (Dexie v4). */
export const UNFILED = 'unfiled';

export const CaseStatusSchema = z.enum(['open', 'monitoring', 'escalated', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

const Text = (max: number) => z.string().trim().max(max);

/** What staff enter about a matter (issue #4). Free text only: no pupil records. */
export const CaseDetailsSchema = z.object({
  title: Text(300).min(1, 'Give the case a title.'),
  personPosting: z.object({
    name: Text(300),
    profileUrls: z
      .array(z.url({ protocol: /^https?$/, error: 'Profile addresses must start with http:// or https://.' }))
      .max(20),
    /** e.g. "parent of a pupil in Year 4". */
    relationship: Text(300),
  }),
  /** Staff or pupils affected, as names or initials as the school prefers. */
  affected: Text(1000),
  owner: Text(300).min(1, 'Name the member of staff who owns the case.'),
});
export type CaseDetails = z.infer<typeof CaseDetailsSchema>;

/** One step of the procedure, as it happened. Corrected by a later entry, never rewritten. */
export const CaseActionSchema = z.object({
  step: PolicyStepIdSchema,
  /** The day it happened (YYYY-MM-DD), which may be before it was recorded. */
  date: z.iso.date(),
  who: Text(300).min(1),
  outcome: Text(5000),
  /** The platform's report reference, the crime reference number and the like. */
  reference: Text(300).optional(),
  police: z
    .object({ force: Text(200), crimeReference: Text(100), officer: Text(200) })
    .partial()
    .optional(),
  /** Hashes of attached files (a scanned letter, a screenshot of a platform's reply). */
  attachments: z
    .array(
      z.object({ fileName: z.string().regex(/^[A-Za-z0-9._-]{1,120}$/), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    )
    .max(50),
});
export type CaseAction = z.infer<typeof CaseActionSchema>;

/** A file name safe in any bundle path and on any disk: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return (cleaned || 'attachment').slice(-120);
}

/** `case/case.json` in a case's bundle: the case as it stood at export, every action with its history. */
export const CaseExportSchema = z.object({
  id: z.uuid(),
  openedAtUtc: z.iso.datetime(),
  status: CaseStatusSchema,
  details: CaseDetailsSchema,
  actions: z.array(
    z.object({ actionId: z.uuid(), current: CaseActionSchema, auditEntries: z.array(z.number().int().positive()) }),
  ),
  captureIds: z.array(z.uuid()),
});
export type CaseExport = z.infer<typeof CaseExportSchema>;
