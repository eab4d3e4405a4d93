import { UNFILED } from '../cases/case';
import { POST_FIELD_LABELS } from '../extract/postDetails';
import { stepById } from '../policy/steps';
import { describeCategory } from '../policy';
import type { CaptureMetadata } from '../capture/metadata';
import type { AuditEntry, AuditEvent } from './entry';
import { formatUtc } from '../time';

/**
 * A capture's exhibit reference as shown: a capture received from another installation keeps the
 * sender's reference, marked received, so it is never taken for this school's exhibit of the same
 * number (issue #15).
 */
export function shownReference(reference: string | undefined, receivedFrom: string | undefined): string | undefined {
  return reference && (receivedFrom ? `${reference} (received)` : reference);
}

/** "exhibit JS/1" by capture id, from the captures a list is about (one without a reference goes unnamed). */
export function exhibitNames(
  captures: readonly { metadata: Pick<CaptureMetadata, 'id' | 'reference'>; receivedFrom?: string }[],
): (captureId: string) => string | undefined {
  const names = new Map(
    captures.map(({ metadata, receivedFrom }) => [
      metadata.id,
      metadata.reference && `exhibit ${shownReference(metadata.reference, receivedFrom)}`,
    ]),
  );
  return (captureId) => names.get(captureId);
}

/**
 * An event in plain words, naming the capture it is about (by `nameOf`, e.g. its exhibit reference)
 * where one list mixes several captures' events, as a case's chronology does.
 */
export function describeEventNamingCapture(
  event: AuditEvent,
  nameOf: (captureId: string) => string | undefined,
): string {
  const name = 'captureId' in event ? nameOf(event.captureId) : undefined;
  return name ? `${describeEvent(event)} (${name})` : describeEvent(event);
}

/** One audit event in plain words, for the dashboard's history and the report. */
export function describeEvent(event: AuditEvent): string {
  switch (event.action) {
    case 'capture.created':
      return 'captured';
    case 'capture.received':
      return `received from ${event.fromKeyFingerprint} (the sending installation's signing key)`;
    case 'case.received':
      return `received the case from ${event.fromKeyFingerprint}`;
    case 'bundle.received':
      return `imported a bundle received from ${event.fromKeyFingerprint} (exported ${event.exportedAtUtc}; ${event.captureIds.length} new capture(s))`;
    case 'signing-key.replaced':
      return `made a new signing key ${event.newFingerprint} because ${event.reason}; bundles signed before carry ${event.oldFingerprint ?? 'a key whose fingerprint could not be read'}`;
    case 'bundle.exported':
      return `exported in ${event.fileName}`;
    case 'subject-access.received':
      return `logged a subject access request from ${event.person}, received ${event.receivedOn}`;
    case 'subject-access.extended':
      return `extended the subject access reply's due day to ${event.dueOn}: “${event.reason}”`;
    case 'subject-access.closed':
      return `closed the subject access request without a pack: “${event.reason}”`;
    case 'subject-access.exported':
      return `exported a subject access pack for ${event.person} (request received ${event.requestReceivedOn}; ${event.captureIds.length} capture(s), ${event.caseIds.length} case(s)) in ${event.fileName}`;
    case 'capture.redacted':
      return `made a redacted copy of ${event.image} (${event.boxes.length} area(s) blacked out) as ${event.copy.fileName}, SHA-256 ${event.copy.sha256}`;
    case 'capture.kept':
    case 'case.kept':
      return `kept at its retention review until ${event.until}: “${event.reason}”`;
    case 'capture.held':
    case 'case.held':
      return `placed on legal hold: “${event.reason}”`;
    case 'capture.released':
    case 'case.released':
      return `released from legal hold: “${event.reason}”`;
    case 'response.answered':
      return `answered the comment: ${event.how}`;
    case 'capture.timestamped':
      return `had its metadata time-stamped by ${event.tsa}: attested ${formatUtc(event.attestedAtUtc, 'second')} (token SHA-256 ${event.tokenSha256.slice(0, 16)}…)`;
    case 'capture.erased':
      return `erased ${event.reference ? `exhibit ${event.reference}` : 'the capture'}, ${event.files.length} file(s) and ${event.entries.length} audit entr${event.entries.length === 1 ? 'y' : 'ies'} (kept as hashes): “${event.reason}”`;
    case 'case.erased':
      return `erased the case, its ${event.captureIds.length} capture(s), ${event.files.length} attachment(s) and ${event.entries.length} audit entr${event.entries.length === 1 ? 'y' : 'ies'} (kept as hashes): “${event.reason}”`;
    case 'case.opened':
      return `opened the case “${event.details.title}”`;
    case 'case.changed':
      return 'changed the case’s details';
    case 'case.status':
      return `changed the status from ${event.from} to ${event.to}${event.note ? `: “${event.note}”` : ''}`;
    case 'capture.filed':
      return event.caseId === UNFILED ? 'took the capture out of its case' : 'filed the capture in a case';
    case 'action.recorded':
      return `recorded “${stepById(event.details.step).label}” (${event.details.date}, ${event.details.who})${event.details.outcome ? `: ${event.details.outcome}` : ''}`;
    case 'action.corrected':
      return `corrected “${stepById(event.details.step).label}” because “${event.reason}”`;
    case 'capture.edited': {
      const { change } = event;
      if (change.field === 'note') return `changed the note from “${change.from}” to “${change.to}”`;
      if (change.field === 'category')
        return `changed the category from “${describeCategory(change.from)}” to “${describeCategory(change.to)}”`;
      return `corrected “${POST_FIELD_LABELS[change.key]}” from “${change.from ?? '(not found)'}” to “${change.to ?? '(empty)'}”`;
    }
  }
}

/**
 * Where an entry sits: this installation's log, or (for one received in a bundle) the sending
 * installation's, whose numbering is its own.
 */
export function entryLabel(entry: AuditEntry): string {
  return 'receivedFrom' in entry
    ? `entry ${entry.seq} of the sending installation’s audit log`
    : `audit entry ${entry.seq}`;
}
