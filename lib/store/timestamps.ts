import { canonicalJson } from '../canonicalJson';
import { sha256Hex } from '../hash';
import { checkToken, timeStampRequest, tokenFromReply } from '../timestamp';
import { certificateDerOf, TimestampSettingsSchema, type TimestampSettings } from '../timestamp/settings';
import { appendAudit } from './auditLog';
import type { ExhibitDb } from './db';
import type { TimestampRow } from './timestampRow';

/** Sends a request's DER to a TSA and gives back its reply's DER (lib/browser/timestampTransport.ts). */
export type TimestampTransport = (url: string, request: Uint8Array) => Promise<Uint8Array>;

/** After a failure, the next try: a minute, five, a quarter of an hour, an hour, then every six hours. */
const BACKOFF_MINUTES = [1, 5, 15, 60, 360];
/** At most this many captures are sent in one round; the rest wait for the next. */
const ROUND = 20;

export async function timestampSettingsOf(db: ExhibitDb): Promise<TimestampSettings> {
  const parsed = TimestampSettingsSchema.safeParse((await db.settings.get('timestamping'))?.value);
  return parsed.success ? parsed.data : { enabled: false, authorities: [] };
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
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(stamped)));
    const errors: string[] = [];
    for (const authority of settings.authorities) {
      try {
        const nonce = crypto.getRandomValues(new Uint8Array(16));
        const token = tokenFromReply(await transport(authority.url, timeStampRequest(digest, nonce)), nonce);
        const named = certificateDerOf(authority.certificatePem);
        const check = await checkToken(token, stamped, named ? [named] : []);
        if (!check.ok || !check.attestedAtUtc) throw new Error(check.failures.join(' '));
        const attestedAtUtc = check.attestedAtUtc;
        await db.transaction('rw', [db.timestamps, db.audit, db.captures], async () => {
          if (!(await db.captures.get(row.captureId))) return; // erased meanwhile: nothing to keep
          const tokenSha256 = sha256Hex(token);
          const at = clock();
          await db.timestamps.put({
            ...row,
            state: 'stamped',
            token,
            tsaUrl: authority.url,
            tsa: check.tsa ?? authority.url,
            attestedAtUtc,
            tokenSha256,
            namedCertificate: named ?? undefined,
            attempts: row.attempts + 1,
            lastError: undefined,
          });
          await appendAudit(db, at, capture.metadata.capturedBy, {
            action: 'capture.timestamped',
            captureId: row.captureId,
            metadataSha256: row.metadataSha256,
            tsa: check.tsa ?? authority.url,
            tsaUrl: authority.url,
            attestedAtUtc,
            tokenSha256,
          });
        });
        return true;
      } catch (error) {
        errors.push(`${new URL(authority.url).host}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const wait = BACKOFF_MINUTES[Math.min(row.attempts, BACKOFF_MINUTES.length - 1)] ?? 360;
    await db.timestamps.update(row.captureId, {
      attempts: row.attempts + 1,
      nextTryAtUtc: new Date(clock().getTime() + wait * 60_000).toISOString(),
      lastError: errors.join(' · ') || 'No time-stamp authority is named.',
    });
    return false;
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
