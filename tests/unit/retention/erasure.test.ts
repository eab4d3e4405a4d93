import { describe, expect, it, vi } from 'vitest';
import { describeEvent, findChainBreaks, type AuditEntry } from '@/lib/audit';
import { verifyBundle } from '@/lib/bundle/verify';
import { openZip } from '@/lib/bundle/zipReader';
import { postDetails } from '@/lib/extract/postDetails';
import { createImportFlow } from '@/lib/bundle/importFlow';
import {
  chainLines,
  createBundleReceiver,
  createCaseRepository,
  createErasure,
  createLegalHolds,
  indexMissingPageWords,
  type ExhibitDb,
} from '@/lib/store';
import { caseSummaryFolded } from '@/lib/store/caseFold';
import {
  POLICE_REFERRAL,
  STAFF,
  caseDetails,
  caseRowSummaryOf,
  redactScreenshot,
  testWorld,
  worldReadingPages,
} from '../fixtures';

/** Strings and image bytes of one capture, each found nowhere else in the store. */
function secretsOf(tag: string) {
  return {
    text: `${tag} wrote that the head teacher lies`,
    title: `${tag} page title`,
    author: `${tag} Author`,
    url: `https://social.example/${tag}/posts/1`,
    note: `${tag} note first`,
    editedNote: `${tag} note edited`,
    imageMarker: `${tag}-PIXELS`,
    sourceMarker: `${tag}-MHTML`,
  };
}
type Secrets = ReturnType<typeof secretsOf>;

/** A world whose next capture reads the page (and pixels, and source) of the secrets given. */
async function worldOfPages() {
  const world = await worldReadingPages();
  const take = (secrets: Secrets, filing?: Parameters<typeof world.capture.captureTab>[3]) =>
    world.take(
      {
        url: secrets.url,
        title: secrets.title,
        text: secrets.text,
        post: postDetails('generic', { authorName: secrets.author, permalink: secrets.url }),
        pixels: secrets.imageMarker,
        source: secrets.sourceMarker,
      },
      { note: secrets.note },
      filing,
    );
  return { ...world, take };
}

/** Every row of every table, Blobs as their bytes, as one text to search. */
async function dumpEveryTable(db: ExhibitDb): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) {
    for (const row of await table.toArray()) {
      const blobs: Blob[] = [];
      parts.push(
        JSON.stringify(row, (_key, value: unknown) => (value instanceof Blob ? (blobs.push(value), '') : value)),
      );
      for (const blob of blobs) parts.push(new TextDecoder('latin1').decode(await blob.arrayBuffer()));
    }
  }
  return parts.join('\n');
}

function secretsFoundIn(dump: string, secrets: Secrets): string[] {
  return Object.values(secrets).filter((value) => dump.includes(value));
}

describe('erasure (issue #18)', () => {
  it('erases a case and its captures leaving no trace of their data, while the chain and bundles verify', async () => {
    const world = await worldOfPages();
    const cases = createCaseRepository(world.db, world.clock);
    const erasure = createErasure(world.db, world.clock);
    const gone = secretsOf('Gonezq');
    const kept = secretsOf('Keptzq');
    const person = 'Erasable Poster';
    const opened = await cases.openCase(caseDetails('Case to erase', person, 'Pupil Affected'), STAFF);
    const keptMetadata = await world.take(kept);
    const goneMetadata = await world.take(gone, { filing: { caseId: opened.id } });
    // Its history holds personal data in entries: a note edited, a redaction, an action with a file, a hold released.
    await world.evidence.editCapture(goneMetadata.id, { field: 'note', to: gone.editedNote }, STAFF);
    await redactScreenshot(world, goneMetadata.id, 'Gonezq-REDACTED-COPY');
    await cases.recordAction(opened.id, { ...POLICE_REFERRAL, outcome: 'Gonezq-OUTCOME' }, STAFF, [
      new File(['Gonezq-ATTACHMENT'], 'Gonezq-letter.txt'),
    ]);
    const holds = createLegalHolds(world.db, world.clock);
    await holds.place({ caseId: opened.id }, 'Gonezq-HOLD police', STAFF);
    await holds.release({ caseId: opened.id }, 'Gonezq-RELEASE done', STAFF);
    const caseView = (await cases.getCase(opened.id))!;
    const earlier = await world.exporter.exportBundle({
      captureIds: caseView.captureIds,
      caseView,
      exportedBy: STAFF,
    });

    // Its page text's words are kept for finding a person: they must go too.
    expect(await indexMissingPageWords(world.db)).toBe(2);
    const plan = await erasure.plan({ caseId: opened.id });
    expect(plan).toMatchObject({
      confirmWith: 'Case to erase',
      captures: [{ id: goneMetadata.id }],
      attachments: { count: 1 },
      receivedEntries: 0,
    });
    expect(plan.refusal).toBeUndefined();
    const [captureRecord, caseRecord] = await erasure.erase(
      { caseId: opened.id },
      { reason: 'Reviewed: retention period over', confirmation: 'Case to erase' },
      STAFF,
    );

    // Nothing of the case, its capture or its files is anywhere in the store; the other capture is whole.
    const dump = await dumpEveryTable(world.db);
    expect(secretsFoundIn(dump, gone)).toEqual([]);
    for (const left of ['Case to erase', person, 'Pupil Affected']) expect(dump).not.toContain(left);
    // Nor any word of it, as the search indexes hold them (lower case).
    expect(dump.toLowerCase()).not.toContain('gonezq');
    expect(dump).toContain('keptzq'); // the kept capture's words stay
    expect(secretsFoundIn(dump, kept)).toEqual(Object.values(kept).filter((v) => v !== kept.editedNote));
    expect(await world.evidence.getCapture(goneMetadata.id)).toBeUndefined();
    expect(await cases.getCase(opened.id)).toBeUndefined();

    // The chain verifies with the erased entries kept as hashes, and says what went, when, by whom and why.
    const chain = await chainLines(world.db);
    expect(findChainBreaks(chain)).toEqual([]);
    expect(chain.map((l) => l.seq)).toEqual(chain.map((_, i) => i + 1));
    const records = [captureRecord!, caseRecord!].map((r) => r.event);
    expect(records).toMatchObject([
      {
        action: 'capture.erased',
        captureId: goneMetadata.id,
        caseId: opened.id,
        reason: 'Reviewed: retention period over',
      },
      { action: 'case.erased', caseId: opened.id, captureIds: [goneMetadata.id] },
    ]);
    expect(caseRecord!.actor).toEqual({ name: STAFF.name, email: STAFF.email });
    expect(describeEvent(caseRecord!.event)).toContain('erased the case, its 1 capture(s), 1 attachment(s)');

    // A bundle exported before still verifies, and its files are matched by the record's hashes.
    expect((await verifyBundle(earlier.zip)).ok).toBe(true);
    const erasedCapture = captureRecord!.event as Extract<AuditEntry['event'], { action: 'capture.erased' }>;
    const { entries: sentEntries } = await openZip(earlier.zip);
    const sentAudit = new TextDecoder().decode(await sentEntries.find((e) => e.path === 'audit.jsonl')!.read());
    const sentCreated = sentAudit
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Partial<AuditEntry>)
      .find((line) => line.event?.action === 'capture.created' && line.event.captureId === goneMetadata.id)!;
    expect(erasedCapture.metadataSha256).toBe((sentCreated.event as { metadataSha256: string }).metadataSha256);
    const sentFiles = earlier.manifest.files.filter(
      (f) =>
        f.path.startsWith(`${earlier.manifest.captures.find((c) => c.id === goneMetadata.id)!.folder}/`) &&
        /(screenshot|thumbnail|page-text|page-source|redacted)/.test(f.path),
    );
    expect(sentFiles.length).toBeGreaterThanOrEqual(4);
    for (const file of sentFiles) expect(erasedCapture.files).toContain(file.sha256);
    const sentAttachment = earlier.manifest.files.find((f) => f.path.endsWith('Gonezq-letter.txt'))!;
    expect((caseRecord!.event as { files: string[] }).files).toEqual([sentAttachment.sha256]);

    // Later exports of what is kept verify; an entry made after the erasure is salted.
    const later = await world.exporter.exportBundle({ captureIds: [keptMetadata.id], exportedBy: STAFF });
    expect((await verifyBundle(later.zip)).ok).toBe(true);
    expect((await world.db.audit.orderBy('seq').last())!.salt).toMatch(/^[0-9a-f]{64}$/);
  });

  it('erases one capture out of its case, which stays and says so in its chronology', async () => {
    const world = await worldOfPages();
    const cases = createCaseRepository(world.db, world.clock);
    const opened = await cases.openCase(caseDetails('Kept case'), STAFF);
    const gone = await world.take(secretsOf('Onezq'), { filing: { caseId: opened.id } });
    const other = await world.take(secretsOf('Twozq'), { filing: { caseId: opened.id } });
    const activityBefore = (await world.db.cases.get(opened.id))!.lastActivityUtc;
    await createErasure(world.db, world.clock).erase(
      { captureId: gone.id },
      { reason: 'Not about the school', confirmation: gone.reference ?? '' },
      STAFF,
    );
    const view = (await cases.getCase(opened.id))!;
    expect(view.captureIds).toEqual([other.id]);
    expect(view.chronology.map((e) => describeEvent(e.event))).toContain(
      `erased exhibit ${gone.reference}, 4 file(s) and 2 audit entries (kept as hashes): “Not about the school”`,
    );
    // The row is in step with its fold; an erasure is not activity in the matter.
    const row = (await world.db.cases.get(opened.id))!;
    expect(caseRowSummaryOf(row)).toEqual(await caseSummaryFolded(world.db, opened.id));
    expect(row.summary.captureCount).toBe(1);
    expect(row.lastActivityUtc >= activityBefore).toBe(true);
    expect((await dumpEveryTable(world.db)).toLowerCase()).not.toContain('onezq');
    expect(findChainBreaks(await chainLines(world.db))).toEqual([]);
    // The case's next bundle carries the record of the erasure, and verifies.
    const bundle = await world.exporter.exportBundle({
      captureIds: view.captureIds,
      caseView: view,
      exportedBy: STAFF,
    });
    const report = await verifyBundle(bundle.zip);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('refuses anything on legal hold, a wrong confirmation or no reason, and changes nothing', async () => {
    const world = await worldOfPages();
    const cases = createCaseRepository(world.db, world.clock);
    const holds = createLegalHolds(world.db, world.clock);
    const erasure = createErasure(world.db, world.clock);
    const heldCase = await cases.openCase(caseDetails('Held case'), STAFF);
    const inHeldCase = await world.take(secretsOf('A'), { filing: { caseId: heldCase.id } });
    await holds.place({ caseId: heldCase.id }, 'Police referral', STAFF);
    const freeCase = await cases.openCase(caseDetails('Free case'), STAFF);
    const heldCapture = await world.take(secretsOf('B'), { filing: { caseId: freeCase.id } });
    await holds.place({ captureId: heldCapture.id }, 'Legal advice', STAFF);
    const unfiled = await world.take(secretsOf('C'));
    const before = await dumpEveryTable(world.db);

    const reason = 'Retention over';
    await expect(
      erasure.erase({ captureId: inHeldCase.id }, { reason, confirmation: inHeldCase.reference ?? '' }, STAFF),
    ).rejects.toThrow('Its case is on legal hold');
    await expect(erasure.erase({ caseId: heldCase.id }, { reason, confirmation: 'Held case' }, STAFF)).rejects.toThrow(
      'The case is on legal hold',
    );
    await expect(erasure.erase({ caseId: freeCase.id }, { reason, confirmation: 'Free case' }, STAFF)).rejects.toThrow(
      `Exhibit ${heldCapture.reference} is on legal hold`,
    );
    expect((await erasure.plan({ captureId: heldCapture.id })).refusal).toContain('on legal hold');
    await expect(erasure.erase({ captureId: unfiled.id }, { reason, confirmation: 'JS/99' }, STAFF)).rejects.toThrow(
      `Type “${unfiled.reference}” exactly`,
    );
    await expect(
      erasure.erase({ captureId: unfiled.id }, { reason: ' ', confirmation: unfiled.reference ?? '' }, STAFF),
    ).rejects.toThrow('Say why it is erased');
    await expect(
      erasure.erase({ captureId: crypto.randomUUID() }, { reason, confirmation: 'x' }, STAFF),
    ).rejects.toThrow('That capture no longer exists.');
    expect(await dumpEveryTable(world.db)).toBe(before);

    // Released, it can go.
    await holds.release({ captureId: heldCapture.id }, 'Advice given', STAFF);
    await erasure.erase({ captureId: heldCapture.id }, { reason, confirmation: heldCapture.reference ?? '' }, STAFF);
    expect(await world.evidence.getCapture(heldCapture.id)).toBeUndefined();
  });

  it('leaves everything as it was when the erasure fails part-way (all or nothing)', async () => {
    const world = await worldOfPages();
    const cases = createCaseRepository(world.db, world.clock);
    const opened = await cases.openCase(caseDetails('Half erased?'), STAFF);
    const first = await world.take(secretsOf('Firstzq'), { filing: { caseId: opened.id } });
    await world.take(secretsOf('Secondzq'), { filing: { caseId: opened.id } });
    await indexMissingPageWords(world.db);
    const before = await dumpEveryTable(world.db);
    // The second capture's last step fails, after the first capture and the second's files are gone.
    const failing = vi.spyOn(world.db.captures, 'delete');
    failing.mockImplementationOnce((key) =>
      world.db.captures
        .where('id')
        .equals(key)
        .delete()
        .then(() => undefined),
    );
    failing.mockRejectedValueOnce(new Error('The disk went away'));
    await expect(
      createErasure(world.db, world.clock).erase(
        { caseId: opened.id },
        { reason: 'Retention over', confirmation: 'Half erased?' },
        STAFF,
      ),
    ).rejects.toThrow('The disk went away');
    expect(failing).toHaveBeenCalledTimes(2);
    failing.mockRestore();
    expect(await dumpEveryTable(world.db)).toBe(before);
    expect(await world.evidence.getCapture(first.id)).toBeDefined();
  });

  it('erases a case received from another installation with the sender’s entries and attachments', async () => {
    const sender = await worldOfPages();
    const secrets = secretsOf('Sentzq');
    const sent = await sender.take(secrets, { filing: { newCase: caseDetails('Received case', 'Sent Poster') } });
    await sender.evidence.editCapture(sent.id, { field: 'note', to: secrets.editedNote }, STAFF);
    const senderCases = createCaseRepository(sender.db, sender.clock);
    const [opened] = await senderCases.listCases();
    await senderCases.recordAction(opened!.id, { ...POLICE_REFERRAL, outcome: 'Sentzq-OUTCOME' }, STAFF, [
      new File(['Sentzq-ATTACHMENT'], 'Sentzq-letter.txt'),
    ]);
    const caseView = (await senderCases.getCase(opened!.id))!;
    const bundle = await sender.exporter.exportBundle({ captureIds: [sent.id], caseView, exportedBy: STAFF });

    const receiver = await testWorld();
    const flow = createImportFlow({
      receiver: createBundleReceiver(receiver.db, receiver.clock),
      actor: async () => STAFF,
      trustedSenders: receiver.settings.getTrustedSenders,
    });
    expect(await flow.importBundle(bundle.zip)).toMatchObject({ status: 'imported' });
    expect(await indexMissingPageWords(receiver.db)).toBe(1);
    const erasure = createErasure(receiver.db, receiver.clock);
    const plan = await erasure.plan({ caseId: caseView.id });
    expect(plan.receivedEntries).toBeGreaterThanOrEqual(4);
    expect(plan.attachments.count).toBe(1);
    await erasure.erase({ caseId: caseView.id }, { reason: 'Matter closed', confirmation: 'Received case' }, STAFF);

    const dump = await dumpEveryTable(receiver.db);
    expect(secretsFoundIn(dump, secrets)).toEqual([]);
    for (const left of ['Received case', 'Sent Poster']) expect(dump).not.toContain(left);
    expect(dump.toLowerCase()).not.toContain('sentzq');
    expect(await receiver.db.receivedAudit.count()).toBe(0);
    expect(findChainBreaks(await chainLines(receiver.db))).toEqual([]);

    // The same bundle again (or any holding what was erased) is refused, and changes nothing.
    const before = await dumpEveryTable(receiver.db);
    await expect(flow.importBundle(bundle.zip)).rejects.toThrow(
      /^This bundle was not imported: it holds exhibit JS\/1 that was erased here on \d{4}-\d{2}-\d{2} \(audit entry \d+\), and what is erased is not taken back in\. Nothing was changed\.$/,
    );
    expect(await dumpEveryTable(receiver.db)).toBe(before);
  });
});
