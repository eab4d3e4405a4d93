import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '@/lib/bundle';
import { openZip } from '@/lib/bundle/zipReader';
import { createTimestamps } from '@/lib/store/timestamps';
import { describeTimestampFinding } from '@/lib/bundle/verifyTimestamps';
import { describeCheck } from '@/lib/bundle/verdict';
import { readableFingerprint } from '@/lib/bundle/signing';
import { form, STAFF, testWorld } from '../fixtures';
import { postToTsa, startLocalTsa, type LocalTsa } from './localTsa';

// Issue #20: a bundle carries each capture's token and the certificate named for its authority; the
// verifier checks each offline and gives the attested time beside the capture's own clock; openssl
// agrees from the bundle's files alone.
let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
}, 60_000);
afterAll(() => tsa.close());

async function stampedWorld(captures = 1) {
  const world = await testWorld({ timestampTransport: postToTsa });
  await world.settings.saveTimestamping({
    enabled: true,
    authorities: [{ url: tsa.url, certificatePem: tsa.rootPem }],
  });
  const ids: string[] = [];
  for (let i = 0; i < captures; i++) ids.push((await world.capture.captureTab(1, 'visible', form())).metadata.id);
  await createTimestamps(world.db, postToTsa).stampDue();
  return { ...world, ids };
}

describe('trusted timestamps in a bundle (issue #20)', () => {
  it('carries each token and its authority’s certificate; the verifier and openssl both check them', async () => {
    const world = await stampedWorld();
    const bundle = await world.exporter.exportBundle({ captureIds: world.ids, exportedBy: STAFF });
    const stamp = bundle.manifest.timestamps!.captures[0]!;
    expect(stamp.token).toMatch(/^captures\/001-[A-Z]+-1\/timestamp\.tsr$/);
    expect(stamp.certificate).toMatch(/^timestamps\/authority-[0-9a-f]{16}\.pem$/);
    expect(bundle.manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining([stamp.token, stamp.certificate]));

    const report = await verifyBundle(bundle.zip);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    const finding = report.timestamps![0]!;
    expect(finding).toMatchObject({
      tsa: 'CN=Exhibit Test TSA, O=Exhibit tests, C=GB',
      attestedAtUtc: stamp.attestedAtUtc,
    });
    // The test's capture clock says June; the TSA attests today: flagged, and said so.
    expect(finding.flagged).toBe(true);
    expect(describeTimestampFinding(finding)).toMatch(
      /minutes after the capture's own clock: the token attests only that the capture existed by then$/,
    );
    // The verdict every checker shows (CLI, verify.html, dashboard) says it.
    const words = describeCheck('bundle.zip', { report });
    expect(words.lines).toContainEqual(
      expect.stringMatching(
        /^Trusted timestamp — captures\/001-[A-Z]+-1: captured 2026-06-01T.+ by its own clock; CN=Exhibit Test TSA, O=Exhibit tests, C=GB attests /,
      ),
    );

    // A recipient with openssl and the bundle's files alone: the digest is the capture.created entry's.
    const { entries } = await openZip(bundle.zip);
    const file = async (path: string) => new Uint8Array(await entries.find((e) => e.path === path)!.read());
    const created = (await world.db.audit.where('event.captureId').equals(world.ids[0]!).first())!;
    const digest = (created.event as { metadataSha256: string }).metadataSha256;
    const verdict = tsa.opensslVerify(
      { 'bundle-token.tsr': await file(stamp.token), 'bundle-authority.pem': await file(stamp.certificate) },
      ['-digest', digest, '-in', 'bundle-token.tsr', '-token_in', '-CAfile', 'bundle-authority.pem'],
    );
    expect(verdict).toContain('Verification: OK');
  });

  it('a bundle whose token is another capture’s fails, naming the capture and why', async () => {
    const world = await stampedWorld(2);
    const [a, b] = world.ids as [string, string];
    // An exporter handed the wrong token (a damaged store, or a tampered one): the files still match the manifest.
    const other = (await world.db.timestamps.get(b))!;
    await world.db.timestamps.update(a, { token: other.token, attestedAtUtc: other.attestedAtUtc });
    const bundle = await world.exporter.exportBundle({ captureIds: [a, b], exportedBy: STAFF });
    const report = await verifyBundle(bundle.zip);
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      expect.stringMatching(
        /^captures\/001-[A-Z]+-1: trusted timestamp: The token stamps another digest \([0-9a-f]{16}…\), not this one/,
      ),
    ]);
  });

  it('a share copy carries no capture’s token (it holds no metadata for one to stamp); its export is stamped', async () => {
    const world = await stampedWorld();
    const bundle = await world.exporter.exportBundle({ captureIds: world.ids, exportedBy: STAFF, share: true });
    expect(bundle.manifest.timestamps?.captures).toEqual([]);
    expect(bundle.manifest.files.some((f) => f.path.endsWith('timestamp.tsr'))).toBe(false);
    const report = await verifyBundle(bundle.zip);
    expect(report.failures).toEqual([]);
    expect(report.exportTimestamp?.tsa).toBe('CN=Exhibit Test TSA, O=Exhibit tests, C=GB');
  });

  it('stamps the export too: a token over manifest.json, checked by the verifier and by openssl', async () => {
    const world = await stampedWorld();
    const bundle = await world.exporter.exportBundle({ captureIds: world.ids, exportedBy: STAFF });
    expect(bundle.exportStamp).toMatchObject({ tsa: 'CN=Exhibit Test TSA, O=Exhibit tests, C=GB' });
    expect(bundle.manifest.timestamps?.authorities).toEqual([
      expect.stringMatching(/^timestamps\/authority-[0-9a-f]{16}\.pem$/),
    ]);
    const report = await verifyBundle(bundle.zip);
    expect(report.failures).toEqual([]);
    expect(report.exportTimestamp).toMatchObject({
      exportedAtUtc: bundle.manifest.exportedAtUtc,
      tsa: 'CN=Exhibit Test TSA, O=Exhibit tests, C=GB',
    });
    expect(describeCheck('bundle.zip', { report }).lines).toContainEqual(
      expect.stringMatching(
        /^Trusted timestamp of the export — exported .+; CN=Exhibit Test TSA, O=Exhibit tests, C=GB attests manifest\.json at /,
      ),
    );
    const { entries } = await openZip(bundle.zip);
    const file = async (path: string) => new Uint8Array(await entries.find((e) => e.path === path)!.read());
    const verdict = tsa.opensslVerify(
      {
        'manifest.json': await file('manifest.json'),
        'manifest.timestamp.tsr': await file('manifest.timestamp.tsr'),
        'authority.pem': await file(bundle.manifest.timestamps!.authorities![0]!),
      },
      ['-data', 'manifest.json', '-in', 'manifest.timestamp.tsr', '-token_in', '-CAfile', 'authority.pem'],
    );
    expect(verdict).toContain('Verification: OK');
    expect(describeCheck('bundle.zip', { report }).lines).toContainEqual(
      `Together: the key ${readableFingerprint(report.signedBy!)} signed manifest.json (SHA-256 ${bundle.manifestSha256}), which CN=Exhibit Test TSA, O=Exhibit tests, C=GB attests existed at ${report.exportTimestamp!.attestedAtUtc}.`,
    );
    // The report's cover says where it is and how to check it; each capture's section and statement its own.
    const reportHtml = new TextDecoder().decode(await file('report.html'));
    expect(reportHtml).toContain(
      'openssl ts -verify -data manifest.json -in manifest.timestamp.tsr -token_in -CAfile timestamps/authority-',
    );
    const stamp = bundle.manifest.timestamps!.captures[0]!;
    const created = (await world.db.audit.where('event.captureId').equals(world.ids[0]!).first())!;
    const digest = (created.event as { metadataSha256: string }).metadataSha256;
    expect(reportHtml).toContain(
      `openssl ts -verify -digest ${digest} -in ${stamp.token} -token_in -CAfile ${stamp.certificate}`,
    );
    expect(reportHtml).toContain(`CN=Exhibit Test TSA, O=Exhibit tests, C=GB attests ${stamp.attestedAtUtc} (UTC)`);
    const statement = entries.find((e) => e.path.startsWith('statements/'))!;
    expect(new TextDecoder().decode(await statement.read())).toContain(
      `A trusted timestamp from CN=Exhibit Test TSA, O=Exhibit tests, C=GB attests that the record of this capture (SHA-256 ${digest}) existed at ${stamp.attestedAtUtc} UTC.`,
    );
    // Covered by SHA256SUMS, like the manifest's signature.
    expect(new TextDecoder().decode(await file('SHA256SUMS'))).toContain('  manifest.timestamp.tsr');
  });

  it('exports whole when the TSA cannot be reached at export, and says why there is no export timestamp', async () => {
    const world = await stampedWorld();
    tsa.behave({ status: 503 });
    const bundle = await world.exporter.exportBundle({ captureIds: world.ids, exportedBy: STAFF });
    expect(bundle.exportStamp).toEqual({ failed: `${new URL(tsa.url).host}: HTTP 503` });
    const { entries } = await openZip(bundle.zip);
    expect(entries.some((e) => e.path === 'manifest.timestamp.tsr')).toBe(false);
    const report = await verifyBundle(bundle.zip);
    expect(report.ok).toBe(true);
    expect(report.exportTimestamp).toBeUndefined();
    expect(report.timestamps).toHaveLength(1);
  });

  it('refuses a manifest timestamp that is not over this manifest', async () => {
    const world = await stampedWorld();
    const first = await world.exporter.exportBundle({ captureIds: world.ids, exportedBy: STAFF });
    const second = await world.exporter.exportBundle({ captureIds: world.ids, exportedBy: STAFF });
    // The first export's token put in the second: every listed file still matches.
    const { rezip } = await import('../bundle/zipFixtures');
    const token = new Uint8Array(
      await (await openZip(first.zip)).entries.find((e) => e.path === 'manifest.timestamp.tsr')!.read(),
    );
    const swapped = await rezip(second.zip, (files) => void files.set('manifest.timestamp.tsr', token));
    const report = await verifyBundle(swapped);
    expect(report.ok).toBe(false);
    expect(report.failures).toContainEqual(
      expect.stringMatching(/^manifest\.timestamp\.tsr: The token stamps another digest/),
    );
  });

  it('a bundle stamped before its signing key was replaced still verifies after, timestamp and all', async () => {
    const world = await stampedWorld();
    const before = await world.exporter.exportBundle({ captureIds: world.ids, exportedBy: STAFF });
    // The stored key damaged: the next export replaces it, and records that it did.
    await world.db.settings.put({ key: 'signingKey', value: { damaged: true } });
    const after = await world.exporter.exportBundle({ captureIds: world.ids, exportedBy: STAFF });
    const [old, fresh] = [await verifyBundle(before.zip), await verifyBundle(after.zip)];
    expect(old.signedBy).not.toBe(fresh.signedBy);
    expect(old.failures).toEqual([]);
    expect(old.exportTimestamp?.attestedAtUtc).toBe((before.exportStamp as { attestedAtUtc: string }).attestedAtUtc);
    expect(fresh.ok).toBe(true);
  });

  it('never keeps a capture waiting on a slow authority: the capture is stored before anything is sent', async () => {
    const queriesBefore = tsa.queries.length;
    const world = await testWorld();
    await world.settings.saveTimestamping({
      enabled: true,
      authorities: [{ url: tsa.url, certificatePem: tsa.rootPem }],
    });
    tsa.behave({ delayMs: 3000 });
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    // Stored, and the authority not yet asked: its slowness cannot reach the capture.
    expect(await world.db.timestamps.get(metadata.id)).toMatchObject({ state: 'pending' });
    expect(tsa.queries.length).toBe(queriesBefore);
    // The slow answer comes in its own round, after.
    expect(await createTimestamps(world.db, postToTsa).stampDue()).toEqual({ stamped: 1, pending: 0 });
  });

  it('puts the key, the manifest’s SHA-256 and the attested export time on one cover sheet, which must agree with the bundle', async () => {
    const world = await stampedWorld();
    const bundle = await world.exporter.exportBundle({ captureIds: world.ids, exportedBy: STAFF });
    const report = await verifyBundle(bundle.zip);
    expect(report.failures).toEqual([]);
    const { entries } = await openZip(bundle.zip);
    const cover = new TextDecoder().decode(await entries.find((e) => e.path === 'cover.txt')!.read());
    expect(cover).toContain(`Signing key fingerprint: ${readableFingerprint(report.signedBy!)}`);
    expect(cover).toContain(`manifest.json SHA-256: ${bundle.manifestSha256}`);
    expect(cover).toContain(
      `Trusted timestamp of the export: ${report.exportTimestamp!.attestedAtUtc} by CN=Exhibit Test TSA`,
    );
    const statement = new TextDecoder().decode(await entries.find((e) => e.path.startsWith('statements/'))!.read());
    expect(statement).toContain('Its cover sheet (cover.txt) gives the fingerprint of the key that signed it');

    // A sheet edited to name another manifest, its SHA256SUMS line made to match: the checkers say so.
    const { rezip } = await import('../bundle/zipFixtures');
    const forged = await rezip(bundle.zip, (files) => {
      const edited = new TextEncoder().encode(cover.replace(bundle.manifestSha256, 'a'.repeat(64)));
      files.set('cover.txt', edited);
      const sums = new TextDecoder().decode(files.get('SHA256SUMS'));
      const hash = createHash('sha256').update(edited).digest('hex');
      files.set('SHA256SUMS', new TextEncoder().encode(sums.replace(/^[0-9a-f]{64}(?= {2}cover\.txt$)/m, hash)));
    });
    const forgedReport = await verifyBundle(forged);
    expect(forgedReport.failures).toEqual(["cover.txt gives another SHA-256 than manifest.json's"]);
  });
});
