import { z } from 'zod';
import { CaseActionSchema, CaseDetailsSchema, CaseStatusSchema } from '../cases/case';
import { PostFieldSchema } from '../extract/postDetails';
import { CategoryChoiceSchema } from '../policy';
import { SHA256_HEX } from '../hash';
import { RedactionBoxesSchema } from '../capture/redaction';

const Hash = z.string().regex(SHA256_HEX);

export const AuditEventSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('capture.created'),
    captureId: z.uuid(),
    /** SHA-256 of the capture's canonical metadata, which itself lists every artefact's hash. */
    metadataSha256: Hash,
  }),
  z.object({
    action: z.literal('capture.edited'),
    captureId: z.uuid(),
    change: z.discriminatedUnion('field', [
      z.object({ field: z.literal('note'), from: z.string(), to: z.string() }),
      z.object({ field: z.literal('category'), from: CategoryChoiceSchema, to: CategoryChoiceSchema }),
      /** A correction of a post detail read from the page; the extracted value stays in the metadata. */
      z.object({
        field: z.literal('post'),
        key: PostFieldSchema,
        from: z.string().nullable(),
        to: z.string().nullable(),
      }),
    ]),
  }),
  z.object({ action: z.literal('case.opened'), caseId: z.uuid(), details: CaseDetailsSchema }),
  z.object({ action: z.literal('case.changed'), caseId: z.uuid(), from: CaseDetailsSchema, to: CaseDetailsSchema }),
  z.object({
    action: z.literal('case.status'),
    caseId: z.uuid(),
    from: CaseStatusSchema,
    to: CaseStatusSchema,
    note: z.string().max(5000),
  }),
  /** A capture moved into a case (or back to unfiled); `caseId` is where it went. */
  z.object({ action: z.literal('capture.filed'), captureId: z.uuid(), caseId: z.string(), previousCaseId: z.string() }),
  z.object({ action: z.literal('action.recorded'), caseId: z.uuid(), actionId: z.uuid(), details: CaseActionSchema }),
  /** A correction: the action as it should read; the entry it corrects stays in the log. */
  z.object({
    action: z.literal('action.corrected'),
    caseId: z.uuid(),
    actionId: z.uuid(),
    details: CaseActionSchema,
    reason: z.string().min(1).max(2000),
  }),
  /** A redacted copy of one of the capture's images: the boxes blacked out and the copy's hash. The original is untouched. */
  z.object({
    action: z.literal('capture.redacted'),
    captureId: z.uuid(),
    image: z.string(),
    boxes: RedactionBoxesSchema,
    copy: z.object({ fileName: z.string(), bytes: z.number().int().nonnegative(), sha256: Hash }),
  }),
  z.object({ action: z.literal('response.answered'), captureId: z.uuid(), how: z.string().trim().min(1).max(2000) }),
  /**
   * Custody (issue #5): a capture that arrived in a verified bundle from another installation,
   * whose signing key is `fromKeyFingerprint`; `metadataSha256` is checked as for capture.created.
   */
  z.object({
    action: z.literal('capture.received'),
    captureId: z.uuid(),
    metadataSha256: Hash,
    fromKeyFingerprint: Hash,
    manifestSha256: Hash,
  }),
  z.object({ action: z.literal('case.received'), caseId: z.uuid(), fromKeyFingerprint: Hash, manifestSha256: Hash }),
  /** One per imported bundle; its manifest hash is what makes a second import of it change nothing. */
  z.object({
    action: z.literal('bundle.received'),
    manifestSha256: Hash,
    fromKeyFingerprint: Hash,
    exportedAtUtc: z.iso.datetime(),
    captureIds: z.array(z.uuid()),
    caseId: z.uuid().optional(),
  }),
  /**
   * The stored signing key could not be used and a new one was made (issue #15); bundles signed
   * before carry the old fingerprint (null when not even its public half could be read).
   */
  z.object({
    action: z.literal('signing-key.replaced'),
    atUtc: z.iso.datetime(),
    oldFingerprint: Hash.nullable(),
    newFingerprint: Hash,
    reason: z.string().max(2000),
  }),
  /**
   * At its retention review (issue #18), a capture or case kept until a later day, with the reason;
   * it comes up for review again on that day. A decision about the record, not activity in the matter.
   */
  z.object({
    action: z.literal('capture.kept'),
    captureId: z.uuid(),
    until: z.iso.date(),
    reason: z.string().trim().min(1).max(2000),
  }),
  z.object({
    action: z.literal('case.kept'),
    caseId: z.uuid(),
    until: z.iso.date(),
    reason: z.string().trim().min(1).max(2000),
  }),
  /**
   * Legal hold (issue #18): placed on a capture or case for a police referral, legal advice or a
   * complaint, with the reason; nothing on hold reaches review or can be erased until released,
   * which needs a reason too.
   */
  ...(['capture.held', 'capture.released'] as const).map((action) =>
    z.object({ action: z.literal(action), captureId: z.uuid(), reason: z.string().trim().min(1).max(2000) }),
  ),
  ...(['case.held', 'case.released'] as const).map((action) =>
    z.object({ action: z.literal(action), caseId: z.uuid(), reason: z.string().trim().min(1).max(2000) }),
  ),
  /**
   * Erasure (issue #18): what stays of an erased capture or case. Its files' SHA-256 (sorted), so a
   * bundle exported earlier can be matched to the record; the seqs of this installation's entries
   * about it, which the chain now keeps only as hashes; and the case it was filed in, so the case's
   * chronology says an exhibit went. No note, text, name or image of it remains.
   */
  z.object({
    action: z.literal('capture.erased'),
    captureId: z.uuid(),
    caseId: z.uuid().optional(),
    reference: z.string().max(40).optional(),
    metadataSha256: Hash.optional(),
    files: z.array(Hash),
    entries: z.array(z.number().int().positive()),
    reason: z.string().trim().min(1).max(2000),
  }),
  z.object({
    action: z.literal('case.erased'),
    caseId: z.uuid(),
    captureIds: z.array(z.uuid()),
    files: z.array(Hash),
    entries: z.array(z.number().int().positive()),
    reason: z.string().trim().min(1).max(2000),
  }),
  /**
   * A subject access pack exported (issue #18): for whom, the request's date, what it held and the
   * file. The record a Data Protection Officer keeps of a request answered.
   */
  /**
   * A subject access request logged (issue #18) with the day it was received; its reply is due a
   * calendar month on, or later when extended (up to two months more, with the reason), until a
   * pack answers it or it is closed with a reason.
   */
  z.object({
    action: z.literal('subject-access.received'),
    requestId: z.uuid(),
    person: z.string().trim().min(1).max(300),
    receivedOn: z.iso.date(),
  }),
  z.object({
    action: z.literal('subject-access.extended'),
    requestId: z.uuid(),
    dueOn: z.iso.date(),
    reason: z.string().trim().min(1).max(2000),
  }),
  z.object({
    action: z.literal('subject-access.closed'),
    requestId: z.uuid(),
    reason: z.string().trim().min(1).max(2000),
  }),
  z.object({
    action: z.literal('subject-access.exported'),
    /** The logged request the pack answers, when there is one. */
    requestId: z.uuid().optional(),
    person: z.string().trim().min(1).max(300),
    requestReceivedOn: z.iso.date(),
    captureIds: z.array(z.uuid()),
    caseIds: z.array(z.uuid()),
    fileName: z.string(),
    manifestSha256: Hash,
  }),
  /**
   * A trusted timestamp (RFC 3161) over the capture's metadata (issue #20): the TSA attests that the
   * digest existed at `attestedAtUtc`. Only the digest left the machine; the token is kept beside the capture.
   */
  z.object({
    action: z.literal('capture.timestamped'),
    captureId: z.uuid(),
    metadataSha256: Hash,
    tsa: z.string().max(1000),
    tsaUrl: z.string().max(2000),
    attestedAtUtc: z.iso.datetime(),
    tokenSha256: Hash,
  }),
  z.object({
    action: z.literal('bundle.exported'),
    captureIds: z.array(z.uuid()),
    fileName: z.string(),
    manifestSha256: Hash,
  }),
]);
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditActorSchema = z.object({ name: z.string(), email: z.string() });

/** The part of an entry that its content hash covers. */
export const AuditContentSchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actor: AuditActorSchema,
  event: AuditEventSchema,
  /**
   * 32 random bytes (hex) sealed into the entry since store v12 (issue #18), so the content hash a
   * withheld or erased entry keeps cannot be used to confirm a guess at what it said.
   */
  salt: Hash.optional(),
});
export type AuditContent = z.infer<typeof AuditContentSchema>;

export const AuditEntrySchema = AuditContentSchema.extend({ prevHash: Hash, hash: Hash });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * An entry about a capture outside an export: its content is withheld (it may name other
 * people) but its hashes stay, so the recipient can still check the chain unbroken from the start.
 */
export const WithheldAuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  withheld: z.literal(true),
  contentHash: Hash,
  prevHash: Hash,
  hash: Hash,
});
export type WithheldAuditEntry = z.infer<typeof WithheldAuditEntrySchema>;

export const ExportedAuditLineSchema = z.union([AuditEntrySchema, WithheldAuditEntrySchema]);
export type ExportedAuditLine = z.infer<typeof ExportedAuditLineSchema>;
