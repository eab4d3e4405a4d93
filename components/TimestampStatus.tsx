import { pageServices } from '@/lib/browser/pageServices';
import { formatUtc } from '@/lib/time';
import { clockGap } from '@/lib/bundle/timestampWords';
import { useLiveStore } from './useLiveStore';

/**
 * A capture's trusted timestamp (issue #20): obtained — the time the authority attests and who, beside
 * the capture's own clock — or still being asked for, with why the last try failed. Nothing when the
 * school has timestamps off.
 */
export function TimestampStatus({ captureId, capturedAtUtc }: { captureId: string; capturedAtUtc: string }) {
  const { value: row } = useLiveStore(() => pageServices().timestampOf(captureId), [captureId]);
  if (!row) return null;
  if (row.state === 'pending')
    return (
      <p className="notice" data-testid="timestamp-status">
        Trusted timestamp: pending — {row.attempts === 0 ? 'not asked for yet' : `tried ${row.attempts} time(s)`}
        {row.lastError ? `; the last try failed: ${row.lastError}` : ''}. A token obtained later attests only that later
        time.
      </p>
    );
  const gap = clockGap(capturedAtUtc, row.attestedAtUtc ?? '');
  return (
    <p className="help" data-testid="timestamp-status">
      Trusted timestamp: {row.tsa} attests {formatUtc(row.attestedAtUtc ?? '', 'second')}
      {gap.flagged ? ` — ${gap.minutes} minutes from the capture’s own clock` : ''}.
    </p>
  );
}
