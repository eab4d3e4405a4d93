import { canonicalJson } from '../canonicalJson';
import { sha256Hex } from '../hash';
import { obtainToken, type ObtainedToken, type TimestampTransport } from '../timestamp/obtain';
import {
  certificateDerOf,
  TIMESTAMPING_OFF,
  TimestampSettingsSchema,
  type TimestampSettings,
} from '../timestamp/settings';
import { appendAudit } from './auditLog';
import type { ExhibitDb } from './db';
import type { TimestampRow } from './timestampRow';

export type { TimestampTransport };

/** After a failure, the next try: a minute, five, a quarter of an hour, an hour, then every six hours. */
const BACKOFF_MINUTES = [1, 5, 15, 60, 360];
/** At most this many captures are sent in one round; the rest wait for the next. */
const ROUND = 20;

export async function timestampSettingsOf(db: ExhibitDb): Promise<TimestampSettings> {
  const parsed = TimestampSettingsSchema.safeParse((await db.settings.get('timestamping'))?.value);
  return parsed.success ? parsed.data : TIMESTAMPING_OFF;
}

/**
 * Queues a capture for a trusted timestamp when the school has them on: called inside the capture's
 * own transaction, so a stored capture is never missed; the request itself is sent afterwards, off the
 * capture's path (a slow or absent TSA never delays a capture).
 */
export async function queueTimestamp(
  db: ExhibitDb,
  captureId: string,
  metadataSha256: string,
  at: Date,
): Promise<void> {
  if (!(await timestampSettingsOf(db)).enabled) return;
  const now = at.toISOString();
  await db.timestamps.add({
    captureId,
    metadataSha256,
    state: 'pending',
    queuedAtUtc: now,
    nextTryAtUtc: now,
    attempts: 0,
  });
}

/**
 * Asks the school's time-stamp authorities, in order, for a token over each pending capture's
 * metadata digest — only the digest leaves — and keeps the first token that checks (the imprint, the
 * signature, the chain to the certificate the school named for that TSA), with an audit entry. A
 * failure waits longer each time and says why.
 */
export function createTimestamps(db: ExhibitDb, transport: TimestampTransport, clock: () => Date = () => new Date()) {
  async function stampOne(row: TimestampRow, settings: TimestampSettings): Promise<boolean> {
    const capture = await db.captures.get(row.captureId);
    if (!capture) {
      await db.timestamps.delete(row.captureId);
      return false;
    }
    const stamped = new TextEncoder().encode(canonicalJson(capture.metadata));
    let obtained: ObtainedToken;
    try {
      obtained = await obtainToken(settings.authorities, stamped, transport);
    } catch (error) {
      const wait = BACKOFF_MINUTES[Math.min(row.attempts, BACKOFF_MINUTES.length - 1)] ?? 360;
      await db.timestamps.update(row.captureId, {
        attempts: row.attempts + 1,
        nextTryAtUtc: new Date(clock().getTime() + wait * 60_000).toISOString(),
        lastError: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
    const { token, check, authority, namedCertificate } = obtained;
    const tokenSha256 = sha256Hex(token);
    await db.transaction('rw', [db.timestamps, db.audit, db.captures], async () => {
      if (!(await db.captures.get(row.captureId))) return; // erased meanwhile: nothing to keep
      await db.timestamps.put({
        ...row,
        state: 'stamped',
        token,
        tsaUrl: authority.url,
        tsa: check.tsa,
        attestedAtUtc: check.attestedAtUtc,
        tokenSha256,
        namedCertificate,
        attempts: row.attempts + 1,
        lastError: undefined,
      });
      await appendAudit(db, clock(), capture.metadata.capturedBy, {
        action: 'capture.timestamped',
        captureId: row.captureId,
        metadataSha256: row.metadataSha256,
        tsa: check.tsa,
        tsaUrl: authority.url,
        attestedAtUtc: check.attestedAtUtc,
        tokenSha256,
      });
    });
    return true;
  }

  return {
    /** One round: the pending captures due a try, oldest first; how many were stamped and are left. */
    async stampDue(): Promise<{ stamped: number; pending: number }> {
      const settings = await timestampSettingsOf(db);
      const now = clock().toISOString();
      const due = settings.enabled
        ? await db.timestamps
            .where('[state+nextTryAtUtc]')
            .between(['pending', ''], ['pending', now], true, true)
            .limit(ROUND)
            .toArray()
        : [];
      let stamped = 0;
      for (const row of due) if (await stampOne(row, settings)) stamped++;
      const pending = await db.timestamps
        .where('[state+nextTryAtUtc]')
        .between(['pending', ''], ['pending', '\uffff'])
        .count();
      return { stamped, pending };
    },
    /** A capture's timestamp: pending (with why the last try failed) or obtained. */
    of: (captureId: string) => db.timestamps.get(captureId),
  };
}

/** A capture's obtained token and the certificate named for its authority, for a bundle (issue #20). */
export async function storedTimestampOf(db: ExhibitDb, captureId: string) {
  const row = await db.timestamps.get(captureId);
  if (row?.state !== 'stamped' || !row.token || !row.namedCertificate || !row.attestedAtUtc) return undefined;
  return {
    token: row.token,
    namedCertificate: row.namedCertificate,
    attestedAtUtc: row.attestedAtUtc,
    tsa: row.tsa ?? '',
  };
}

/**
 * The export's side of trusted timestamps (issue #20): the school's authorities' certificates to name
 * in the bundle, and a token over manifest.json — nothing when timestamps are off.
 */
export function exportTimestampingOf(db: ExhibitDb, transport: TimestampTransport) {
  return {
    authorities: async (): Promise<Uint8Array[]> => {
      const settings = await timestampSettingsOf(db);
      if (!settings.enabled) return [];
      return settings.authorities.flatMap((authority) => certificateDerOf(authority.certificatePem) ?? []);
    },
    stamp: async (manifest: Uint8Array): Promise<ObtainedToken> =>
      obtainToken((await timestampSettingsOf(db)).authorities, manifest, transport),
  };
}
