import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createErasure } from '@/lib/store/erasure';
import { createTimestamps, type TimestampTransport } from '@/lib/store/timestamps';
import { chainLines } from '@/lib/store/auditLog';
import { findChainBreaks } from '@/lib/audit';
import { TimeStampReq } from 'pkijs';
import { checkToken, timeStampRequest } from '@/lib/timestamp';
import { canonicalJson } from '@/lib/canonicalJson';
import { form, STAFF, testWorld } from '../fixtures';
import { postToTsa, startLocalTsa, type LocalTsa } from './localTsa';

// Issue #20: after a capture, only its metadata's digest goes to the school's TSA; the token is kept
// beside the capture with an audit entry; offline or refused, the capture waits and says why.
let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
}, 60_000);
afterAll(() => tsa.close());

async function worldWithTimestamps(enabled = true) {
  const world = await testWorld();
  if (enabled)
    await world.settings.saveTimestamping({
      enabled: true,
      authorities: [{ url: tsa.url, certificatePem: tsa.rootPem }],
    });
  let now = new Date('2026-06-01T10:00:00Z');
  const sent: Uint8Array[] = [];
  const transport: TimestampTransport = async (url, request) => {
    sent.push(request);
    return postToTsa(url, request);
  };
  const timestamps = createTimestamps(world.db, transport, () => now);
  return { ...world, timestamps, sent, later: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

describe('trusted timestamps after a capture (issue #20)', () => {
  it('are off by default: nothing is queued and nothing is sent', async () => {
    const world = await worldWithTimestamps(false);
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    expect(await world.timestamps.of(metadata.id)).toBeUndefined();
    expect(await world.timestamps.stampDue()).toEqual({ stamped: 0, pending: 0 });
    expect(world.sent).toEqual([]);
  });

  it('on, a capture is queued with it and stamped after: only its digest is sent, the token checks, an entry records it', async () => {
    const world = await worldWithTimestamps();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    // Stored without asking the TSA: the capture's path sends nothing.
    expect(world.sent).toEqual([]);
    expect(await world.timestamps.of(metadata.id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await world.timestamps.stampDue()).toEqual({ stamped: 1, pending: 0 });

    const bytes = new TextEncoder().encode(canonicalJson(metadata));
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', Uint8Array.from(bytes))).toString('hex');
    expect(world.sent).toHaveLength(1);
    writeFileSync(join(tsa.dir, 'sent.tsq'), world.sent[0]!);
    const query = execFileSync('openssl', ['ts', '-query', '-in', 'sent.tsq', '-text'], {
      cwd: tsa.dir,
      encoding: 'utf8',
    });
    expect(query).toContain('Hash Algorithm: sha256');
    expect(Buffer.from(world.sent[0]!).includes(Buffer.from(digest, 'hex'))).toBe(true);
    // A request is its digest, a nonce and the framing: nothing of the capture's text or images.
    expect(world.sent[0]!.length).toBeLessThan(100);

    const row = (await world.timestamps.of(metadata.id))!;
    expect(row).toMatchObject({ state: 'stamped', tsa: 'CN=Exhibit Test TSA, O=Exhibit tests, C=GB', tsaUrl: tsa.url });
    expect((await checkToken(row.token!, bytes, [tsa.rootDer])).ok).toBe(true);
    const entry = (await world.db.audit.where('event.captureId').equals(metadata.id).toArray()).at(-1)!;
    expect(entry.event).toEqual({
      action: 'capture.timestamped',
      captureId: metadata.id,
      metadataSha256: digest,
      tsa: 'CN=Exhibit Test TSA, O=Exhibit tests, C=GB',
      tsaUrl: tsa.url,
      attestedAtUtc: row.attestedAtUtc,
      tokenSha256: row.tokenSha256,
    });
    expect(findChainBreaks(await chainLines(world.db))).toEqual([]);
  });

  it('offline or refused, it waits longer each time and says why; a token obtained later is kept then', async () => {
    const world = await worldWithTimestamps();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    tsa.behave({ status: 503 });
    expect(await world.timestamps.stampDue()).toEqual({ stamped: 0, pending: 1 });
    const waiting = (await world.timestamps.of(metadata.id))!;
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, nextTryAtUtc: '2026-06-01T10:01:00.000Z' });
    expect(waiting.lastError).toBe(`${new URL(tsa.url).host}: HTTP 503`);
    // Not due yet: nothing is sent.
    expect(await world.timestamps.stampDue()).toEqual({ stamped: 0, pending: 1 });
    expect(world.sent).toHaveLength(1);
    world.later(2);
    expect(await world.timestamps.stampDue()).toEqual({ stamped: 1, pending: 0 });
    expect((await world.timestamps.of(metadata.id))?.state).toBe('stamped');
  });

  it('refuses a token that does not check (another digest’s) and changes nothing but the wait', async () => {
    const world = await worldWithTimestamps();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const before = await world.db.audit.count();
    const hostile = createTimestamps(world.db, async (url, request) => {
      // A TSA answering with a token for another digest, echoing the request's nonce.
      const nonce = new Uint8Array(
        TimeStampReq.fromBER(Uint8Array.from(request).buffer).nonce!.valueBlock.valueHexView,
      );
      return postToTsa(url, timeStampRequest(new Uint8Array(32).fill(9), nonce));
    });
    expect(await hostile.stampDue()).toEqual({ stamped: 0, pending: 1 });
    const row = (await world.timestamps.of(metadata.id))!;
    expect(row.state).toBe('pending');
    expect(row.lastError).toMatch(/: The token stamps another digest \(0909090909090909…\), not this one/);
    expect(await world.db.audit.count()).toBe(before);
  });

  it('an erased capture leaves no timestamp behind', async () => {
    const world = await worldWithTimestamps();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    await world.timestamps.stampDue();
    await createErasure(world.db, world.clock).erase(
      { captureId: metadata.id },
      { reason: 'Not about the school', confirmation: metadata.reference ?? '' },
      STAFF,
    );
    expect(await world.db.timestamps.count()).toBe(0);
  });
});
