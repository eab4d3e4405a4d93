import type { AuditEntry } from '../audit';

type TimestampedEvent = Extract<AuditEntry['event'], { action: 'capture.timestamped' }>;

/** A capture's trusted timestamp, from its own audit history (issue #20). */
export function timestampOf(history: readonly AuditEntry[]): TimestampedEvent | undefined {
  return history
    .map((entry) => entry.event)
    .filter((event): event is TimestampedEvent => event.action === 'capture.timestamped')
    .at(-1);
}

/** Minutes from the capture's own clock to the attested time, in words when more than a few. */
export function gapWords(capturedAtUtc: string, attestedAtUtc: string): string {
  const minutes = Math.round((Date.parse(attestedAtUtc) - Date.parse(capturedAtUtc)) / 60_000);
  if (Math.abs(minutes) <= 5) return 'within five minutes of the capture’s own clock';
  return minutes > 0
    ? `${minutes} minutes after the capture’s own clock (the token attests only that the record existed by then)`
    : `${-minutes} minutes before the capture’s own clock (that clock was ahead)`;
}

/** The command a recipient runs to check a token without Exhibit. */
export function opensslCheck(digest: string, token: string, certificate: string): string {
  return `openssl ts -verify -digest ${digest} -in ${token} -token_in -CAfile ${certificate}`;
}
