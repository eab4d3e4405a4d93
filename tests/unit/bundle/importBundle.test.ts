import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js/index-native.js';
import { describe, expect, it } from 'vitest';
import { findChainBreaks } from '@/lib/audit';
import { createImportFlow } from '@/lib/bundle/importFlow';
import { verifyBundle } from '@/lib/bundle/verify';
import { openZip } from '@/lib/bundle/zipReader';
import { ExhibitError } from '@/lib/errors';
import { sha256Hex } from '@/lib/hash';
import {
  createBundleReceiver,
  createCaseRepository,
  createRedactionRepository,
  loadSigningKey,
  type ExhibitDb,
} from '@/lib/store';
import { POLICE_REFERRAL, STAFF, form, redactScreenshot, testWorld } from '../fixtures';
import { fromUtf8, rezip, utf8 } from './zipFixtures';

const DSL = {
  name: 'Dee Lead',
  role: 'Designated Safeguarding Lead',
  email: 'dee.lead@northwick.example',
  school: 'Northwick Park Primary',
};
const CASE = {
  title: 'Year 4 posts',
  personPosting: { name: 'J. Parent', profileUrls: [], relationship: 'parent' },
  affected: 'Mrs Y',
  owner: 'Jo Smith',
};

/** A case bundle from Jo's installation: a capture in a case, its note edited, an action with a file. */
async function sentCaseBundle() {
  const sender = await testWorld();
  const cases = createCaseRepository(sender.db, sender.clock);
  const { metadata } = await sender.capture.captureTab(1, 'visible', form({ note: 'first note' }), {
    filing: { newCase: CASE },
  });
  await sender.evidence.editCapture(metadata.id, { field: 'note', to: 'note <b>edited</b> by Jo' }, STAFF);
  await redactScreenshot(sender, metadata.id);
  const [opened] = await cases.listCases();
  await cases.recordAction(opened!.id, POLICE_REFERRAL, STAFF, [new File(['crime report'], 'crime-report.txt')]);
  const caseView = (await cases.getCase(opened!.id))!;
  const bundle = await sender.exporter.exportBundle({ captureIds: caseView.captureIds, caseView, exportedBy: STAFF });
  return { sender, bundle, captureId: metadata.id, caseId: caseView.id, senderKey: await loadSigningKey(sender.db) };
}

async function receivingWorld(profile = DSL) {
  const world = await testWorld({ profile });
  const flow = createImportFlow({
    receiver: createBundleReceiver(world.db, world.clock),
    actor: async () => profile,
    trustedSenders: world.settings.getTrustedSenders,
  });
  return { ...world, flow };
}

/** Every table's rows, to show that a refused or repeated import changed nothing. */
async function snapshot(db: ExhibitDb) {
  // Every table the database has, so a table added later is covered without being named here.
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(
    tables.map(async (t) => JSON.stringify(await t.toArray(), (_k, v) => (v instanceof Blob ? `blob:${v.size}` : v))),
  );
}

async function refusal(promise: Promise<unknown>): Promise<ExhibitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExhibitError);
  return error as ExhibitError;
}

describe('receiving a bundle', () => {
  it('stores the captures, case, files and audit entries with a custody entry, and folds the sender’s edits', async () => {
    const { bundle, captureId, caseId, senderKey } = await sentCaseBundle();
    const receiver = await receivingWorld();
    const stages: string[] = [];
    const outcome = await receiver.flow.importBundle(bundle.zip, ({ stage, done, total }) =>
      stages.push(total ? `${stage} ${done}/${total}` : stage),
    );
    expect(outcome).toEqual({
      status: 'imported',
      captureIds: [captureId],
      caseId,
      fromKeyFingerprint: senderKey.fingerprint,
    });
    const files = bundle.manifest.files.length;
    expect(stages).toEqual([
      'checking',
      ...bundle.manifest.files.map((_, i) => `checking ${i + 1}/${files}`),
      'reading 1/1',
      'storing',
    ]);

    const view = (await receiver.evidence.getCapture(captureId))!;
    expect(view.metadata.capturedBy).toEqual(STAFF);
    expect(view.current.note).toBe('note <b>edited</b> by Jo');
    for (const artefact of view.metadata.artefacts) {
      const stored = (await receiver.evidence.getFile(captureId, artefact.fileName))!;
      expect(sha256Hex(new Uint8Array(await stored.blob.arrayBuffer()))).toBe(artefact.sha256);
    }
    const custody = view.history.at(-1)!;
    expect(custody).toMatchObject({
      actor: { name: 'Dee Lead' },
      event: {
        action: 'capture.received',
        captureId,
        fromKeyFingerprint: senderKey.fingerprint,
        manifestSha256: bundle.manifestSha256,
      },
    });
    expect(view.history.map((e) => e.event.action)).toEqual([
      'capture.created',
      'capture.filed',
      'capture.edited',
      'capture.redacted',
      'capture.received',
    ]);
    expect(await (await receiver.db.derivedFiles.get([captureId, 'redacted-screenshot.png']))!.blob.text()).toBe(
      'blacked out',
    );

    const caseView = (await createCaseRepository(receiver.db).getCase(caseId))!;
    expect(caseView.details.title).toBe('Year 4 posts');
    expect(caseView.captureIds).toEqual([captureId]);
    expect(caseView.actions).toHaveLength(1);
    const [file] = caseView.actions[0]!.current.attachments;
    expect(
      await (await receiver.db.attachments.get([caseView.actions[0]!.actionId, file!.fileName]))!.blob.text(),
    ).toBe('crime report');
    // This installation's own chain is still one unbroken chain, ending in the bundle's receipt.
    const own = await receiver.db.audit.orderBy('seq').toArray();
    expect(findChainBreaks(own)).toEqual([]);
    expect(own.at(-1)!.event).toMatchObject({
      action: 'bundle.received',
      manifestSha256: bundle.manifestSha256,
      captureIds: [captureId],
      caseId,
    });
  });

  it.each(['checking', 'reading'])(
    'can be cancelled while %s, storing nothing; the same bundle then imports',
    async (stage) => {
      const { bundle, captureId } = await sentCaseBundle();
      const receiver = await receivingWorld();
      const before = await snapshot(receiver.db);
      const cancel = new AbortController();
      const cancelled = receiver.flow.importBundle(
        bundle.zip,
        (p) => p.stage === stage && p.done === 1 && cancel.abort(),
        cancel.signal,
      );
      expect((await refusal(cancelled)).code).toBe('import-cancelled');
      expect(await snapshot(receiver.db)).toEqual(before);
      expect(await receiver.flow.importBundle(bundle.zip)).toMatchObject({
        status: 'imported',
        captureIds: [captureId],
      });
    },
  );

  it('keeps the redacted copy a sender made after an earlier bundle, never over one made here nor an older over a newer', async () => {
    const sender = await testWorld();
    const { metadata } = await sender.capture.captureTab(1, 'visible', form());
    const redact = (world: Awaited<ReturnType<typeof testWorld>>, text: string, actor = STAFF) =>
      createRedactionRepository(world.db, world.clock).saveRedaction(
        metadata.id,
        'screenshot.png',
        [{ x: 0, y: 0, width: 1, height: 1 }],
        async () => new Blob([text], { type: 'image/png' }),
        actor,
      );
    const exported = async (captureIds = [metadata.id]) =>
      (await sender.exporter.exportBundle({ captureIds, exportedBy: STAFF })).zip;
    const first = await exported();
    await redact(sender, 'redacted once');
    const another = await sender.capture.captureTab(1, 'visible', form());
    const second = await exported([metadata.id, another.metadata.id]); // holds something new even after the third
    await redact(sender, 'redacted again');
    const third = await exported();
    const copyIn = async (world: Awaited<ReturnType<typeof receivingWorld>>) =>
      (await world.db.derivedFiles.get([metadata.id, 'redacted-screenshot.png']))?.blob.text();

    const dsl = await receivingWorld();
    await dsl.flow.importBundle(first);
    expect(await copyIn(dsl)).toBeUndefined();
    await dsl.flow.importBundle(third);
    expect(await copyIn(dsl)).toBe('redacted again');
    expect(await dsl.flow.importBundle(second)).toMatchObject({
      status: 'imported',
      captureIds: [another.metadata.id],
    }); // older, arriving late
    expect(await copyIn(dsl)).toBe('redacted again');

    const other = await receivingWorld();
    await other.flow.importBundle(first);
    await redact(other, 'redacted here', DSL);
    await other.flow.importBundle(third);
    expect(await copyIn(other)).toBe('redacted here');
  });

  it('changes nothing when the same bundle is imported again', async () => {
    const { bundle, senderKey } = await sentCaseBundle();
    const receiver = await receivingWorld();
    await receiver.flow.importBundle(bundle.zip);
    const before = await snapshot(receiver.db);
    expect(await receiver.flow.importBundle(bundle.zip)).toEqual({
      status: 'already-imported',
      fromKeyFingerprint: senderKey.fingerprint,
    });
    expect(await snapshot(receiver.db)).toEqual(before);
  });

  it('changes nothing when the bundle holds only what is already here (the sender’s own bundle)', async () => {
    const { sender, bundle } = await sentCaseBundle();
    const flow = createImportFlow({
      receiver: createBundleReceiver(sender.db, sender.clock),
      actor: async () => STAFF,
    });
    const before = await snapshot(sender.db);
    expect((await flow.importBundle(bundle.zip)).status).toBe('nothing-new');
    expect(await snapshot(sender.db)).toEqual(before);
  });

  it('lets the receiver pass a received capture on: the custody entry goes with it and the bundle verifies', async () => {
    const { bundle, captureId, caseId, senderKey } = await sentCaseBundle();
    const receiver = await receivingWorld();
    await receiver.flow.importBundle(bundle.zip);
    const onward = await receiver.exporter.exportBundle({ captureIds: [captureId], exportedBy: DSL });
    const report = await verifyBundle(onward.zip);
    expect(report.failures).toEqual([]);
    expect(report.signedBy).toBe((await loadSigningKey(receiver.db)).fingerprint);
    const { entries } = await openZip(onward.zip);
    const audit = fromUtf8(await entries.find((e) => e.path === 'audit.jsonl')!.read());
    expect(audit).toContain(`"fromKeyFingerprint":"${senderKey.fingerprint}"`);
    // A received case's actions point into the sender's log; exporting it again as a case is refused plainly.
    const caseView = (await createCaseRepository(receiver.db).getCase(caseId))!;
    expect(
      (await refusal(receiver.exporter.exportBundle({ captureIds: caseView.captureIds, caseView, exportedBy: DSL })))
        .message,
    ).toMatch(/received from another installation/);
  });

  it('lets the receiver share a redacted copy of a received capture, and the share copy verifies', async () => {
    const { bundle, captureId } = await sentCaseBundle();
    const receiver = await receivingWorld();
    await receiver.flow.importBundle(bundle.zip);
    await createRedactionRepository(receiver.db, receiver.clock).saveRedaction(
      captureId,
      'screenshot.png',
      [{ x: 0, y: 0, width: 1, height: 1 }],
      async () => new Blob(['blacked out here'], { type: 'image/png' }),
      DSL,
    );
    const shared = await receiver.exporter.exportBundle({ captureIds: [captureId], exportedBy: DSL, share: true });
    expect((await verifyBundle(shared.zip)).failures).toEqual([]);
  });

  it('refuses a capture that has the identity of one here but other content, and changes nothing', async () => {
    const { bundle, captureId } = await sentCaseBundle();
    const receiver = await receivingWorld();
    const { metadata } = await receiver.capture.captureTab(1, 'visible', form());
    const row = (await receiver.db.captures.get(metadata.id))!;
    await receiver.db.captures.delete(metadata.id);
    await receiver.db.captures.add({ ...row, id: captureId, metadata: { ...row.metadata, id: captureId } });
    const before = await snapshot(receiver.db);
    const error = await refusal(receiver.flow.importBundle(bundle.zip));
    expect(error.message).toMatch(/same identity as one already here but different content/);
    expect(await snapshot(receiver.db)).toEqual(before);
  });
});

describe('refusing hostile and broken bundles on import', () => {
  const hostile: [string, (zip: Blob) => Promise<Blob>, RegExp][] = [
    ['a ../ path', (zip) => rezip(zip, (files) => void files.set('../evil.sh', utf8('rm -rf /'))), /unsafe path/],
    [
      'an absolute path',
      (zip) => rezip(zip, (files) => void files.set('/etc/cron.d/evil', utf8('* * * * * root true'))),
      /unsafe path/,
    ],
    ['a zip bomb', () => bomb(), /zip bomb/],
    [
      'a manifest that fails its schema',
      (zip) =>
        rezip(
          zip,
          (files) =>
            void files.set(
              'manifest.json',
              utf8(JSON.stringify({ format: 'exhibit-evidence-bundle', files: 'all of them' })),
            ),
        ),
      /manifest\.json does not match the bundle format/,
    ],
    [
      'a missing file',
      (zip) => rezip(zip, (files) => void files.delete([...files.keys()].find((p) => p.endsWith('/screenshot.png'))!)),
      /screenshot\.png is listed in the manifest but missing/,
    ],
    [
      'an extra file',
      (zip) => rezip(zip, (files) => void files.set('captures/extra.png', utf8('not ours'))),
      /captures\/extra\.png is in the bundle but not listed/,
    ],
    [
      'an altered file',
      (zip) => rezip(zip, (files) => flipFirstByte(files, '/screenshot.png')),
      /screenshot\.png (has been changed|does not match)/,
    ],
    ['a bad signature', (zip) => rezip(zip, (files) => badSignature(files)), /signature does not match manifest\.json/],
    ['a truncated zip', async (zip) => zip.slice(0, Math.floor(zip.size * 0.7)), /damaged or cut short/],
  ];
  it.each(hostile)('refuses %s with a clear list of problems and changes nothing', async (_name, spoil, expected) => {
    const { bundle } = await sentCaseBundle();
    const receiver = await receivingWorld();
    const before = await snapshot(receiver.db);
    const error = await refusal(receiver.flow.importBundle(await spoil(bundle.zip)));
    expect(error.code).toBe('import-refused');
    expect(error.message).toMatch(/^This bundle was not imported, and nothing here was changed/);
    expect(error.problems.join('\n')).toMatch(expected);
    expect(await snapshot(receiver.db)).toEqual(before);
  });
});

async function bomb(): Promise<Blob> {
  const writer = new ZipWriter(new BlobWriter('application/zip'));
  await writer.add('manifest.json', new Uint8ArrayReader(new Uint8Array(64 * 2 ** 20)), { level: 9 });
  return writer.close();
}

function flipFirstByte(files: Map<string, Uint8Array>, suffix: string) {
  const path = [...files.keys()].find((p) => p.endsWith(suffix))!;
  const bytes = files.get(path)!.slice();
  bytes[0] = bytes[0]! ^ 0xff;
  files.set(path, bytes);
}

function badSignature(files: Map<string, Uint8Array>) {
  const digest = JSON.parse(fromUtf8(files.get('manifest.digest.json')));
  const value = atob(digest.signature.value);
  digest.signature.value = btoa(String.fromCharCode(value.charCodeAt(0) ^ 1) + value.slice(1));
  files.set('manifest.digest.json', utf8(JSON.stringify(digest)));
}
