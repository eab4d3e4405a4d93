import type { AuditEntry } from '../audit';

type TimestampedEvent = Extract<AuditEntry['event'], { action: 'capture.timestamped' }>;

/** A capture's trusted timestamp, from its own audit history (issue #20). */
export function timestampOf(history: readonly AuditEntry[]): TimestampedEvent | undefined {
  return history
    .map((entry) => entry.event)
    .filter((event): event is TimestampedEvent => event.action === 'capture.timestamped')
    .at(-1);
}

/** How far a recorded clock may be from the time a token attests before it is flagged. */
export const CLOCK_GAP_MINUTES = 5;

/** Attested minus recorded, in whole minutes (positive: the token came later), and whether it is flagged. */
export function clockGap(recordedUtc: string, attestedUtc: string): { minutes: number; flagged: boolean } {
  const minutes = Math.round((Date.parse(attestedUtc) - Date.parse(recordedUtc)) / 60_000);
  return { minutes, flagged: Math.abs(minutes) > CLOCK_GAP_MINUTES };
}

/** Minutes from the capture's own clock to the attested time, in words when more than a few. */
export function gapWords(capturedAtUtc: string, attestedAtUtc: string): string {
  const { minutes, flagged } = clockGap(capturedAtUtc, attestedAtUtc);
  if (!flagged) return 'within five minutes of the capture’s own clock';
  return minutes > 0
    ? `${minutes} minutes after the capture’s own clock (the token attests only that the record existed by then)`
    : `${-minutes} minutes before the capture’s own clock (that clock was ahead)`;
}

/** The command a recipient runs to check a token without Exhibit. */
export function opensslCheck(digest: string, token: string, certificate: string): string {
  return `openssl ts -verify -digest ${digest} -in ${token} -token_in -CAfile ${certificate}`;
}
