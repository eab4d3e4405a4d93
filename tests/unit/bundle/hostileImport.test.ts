import { describe, expect, it } from 'vitest';
import { sealEntry, type AuditContent, type AuditEntry } from '@/lib/audit';
import { createImportFlow } from '@/lib/bundle/importFlow';
import { readReceivedBundle, type ReceivedBundle } from '@/lib/bundle/readBundle';
import { draftStatements } from '@/lib/bundle/statement';
import { createBundleReceiver, createCaseRepository, loadSigningKey } from '@/lib/store';
import { STAFF, form, testWorld } from '../fixtures';

const CASE = {
  title: 'Year 4 posts',
  personPosting: { name: 'J. Parent', profileUrls: [], relationship: 'parent' },
  affected: 'Mrs Y',
  owner: 'Jo Smith',
};
const CALENDAR = { extraNonWorkingDays: [], workedBankHolidays: [] };

/** Jo's installation: a capture in a case with an action, and a comment on the school's account awaiting an answer. */
async function victim() {
  const world = await testWorld();
  const cases = createCaseRepository(world.db, world.clock);
  const filed = await world.capture.captureTab(1, 'visible', form({ note: 'Jo’s own note' }), {
    filing: { newCase: CASE },
  });
  const caseId = (await cases.listCases())[0]!.id;
  const actionId = await cases.recordAction(
    caseId,
    { step: 'removal-request', date: '2026-06-05', who: 'Jo Smith', outcome: 'Asked', attachments: [] },
    STAFF,
  );
  const comment = await world.capture.captureTab(1, 'visible', { ...form(), needsResponse: true });
  return { ...world, cases, captureId: filed.metadata.id, caseId, actionId, commentId: comment.metadata.id };
}

/**
 * A bundle that passes every check, made by a hostile installation (its profile named like the
 * victim) around one capture of its own, carrying extra sealed entries about the victim's ids. The
 * receiver must hold against whatever such a bundle carries: its signature only proves some key.
 */
async function forgedBundle(
  events: (fabricatedId: string) => AuditContent['event'][],
  withCase?: { id: string; actionId?: string },
) {
  const forger = await testWorld(); // profile: Jo Smith, as the victim's
  const fabricated = await forger.capture.captureTab(1, 'visible', form({ note: 'fabricated post' }));
  const { zip } = await forger.exporter.exportBundle({ captureIds: [fabricated.metadata.id], exportedBy: STAFF });
  const bundle: ReceivedBundle = await readReceivedBundle(zip);
  let last: AuditEntry | undefined = bundle.auditEntries.at(-1);
  for (const event of events(fabricated.metadata.id)) {
    last = sealEntry({ at: '2026-06-06T10:00:00.000Z', actor: { name: 'Jo Smith', email: STAFF.email }, event }, last);
    bundle.auditEntries.push(last);
  }
  if (withCase) {
    bundle.caseExport = {
      id: withCase.id,
      openedAtUtc: '2026-06-01T09:00:00.000Z',
      status: 'open',
      details: { ...CASE, title: 'Forged' },
      captureIds: [fabricated.metadata.id],
      actions: [],
    } as unknown as ReceivedBundle['caseExport'];
    if (withCase.actionId)
      bundle.attachments.push({
        actionId: withCase.actionId,
        fileName: 'slipped-in.txt',
        blob: new Blob(['forged']),
        sha256: '0'.repeat(64),
      });
  }
  return { bundle, fabricatedId: fabricated.metadata.id, forgerKey: (await loadSigningKey(forger.db)).fingerprint };
}

describe('a received bundle adds only what it delivers (issue #15)', () => {
  it('cannot change a local capture, answer a local comment, close or add to a local case, or slip a file into a local action', async () => {
    const here = await victim();
    const before = await Promise.all([
      here.evidence.getCapture(here.captureId),
      here.cases.getCase(here.caseId),
      here.evidence.pendingResponses(new Date(), CALENDAR as never),
    ]);
    const { bundle, fabricatedId, forgerKey } = await forgedBundle(
      (fabricatedId) => [
        {
          action: 'capture.edited',
          captureId: here.captureId,
          change: { field: 'note', from: 'Jo’s own note', to: 'changed by a bundle' },
        },
        {
          action: 'capture.edited',
          captureId: here.captureId,
          change: { field: 'category', from: { id: 'defamation' }, to: { id: 'racist-comments' } },
        },
        { action: 'response.answered', captureId: here.commentId, how: 'Answered (forged)' },
        { action: 'case.status', caseId: here.caseId, from: 'open', to: 'closed', note: 'closed by a bundle' },
        { action: 'capture.filed', captureId: fabricatedId, caseId: here.caseId, previousCaseId: 'unfiled' },
        {
          action: 'action.corrected',
          caseId: here.caseId,
          actionId: here.actionId,
          details: {
            step: 'removal-request',
            date: '2026-06-05',
            who: 'Jo Smith',
            outcome: 'forged outcome',
            attachments: [],
          },
          reason: 'forged',
        },
      ],
      { id: here.caseId, actionId: here.actionId },
    );
    const receiver = createBundleReceiver(here.db, here.clock);
    expect(before[2]).toHaveLength(1);
    const plan = await receiver.plan(bundle);
    expect(plan).toMatchObject({
      newCaptureIds: [fabricatedId],
      case: { id: here.caseId, outcome: 'not-taken' },
      entriesLeftOut: 6,
    });

    const outcome = await receiver.receive(bundle, STAFF);
    expect(outcome).toMatchObject({ status: 'imported', captureIds: [fabricatedId], caseId: undefined });
    const after = await Promise.all([
      here.evidence.getCapture(here.captureId),
      here.cases.getCase(here.caseId),
      here.evidence.pendingResponses(new Date(), CALENDAR as never),
    ]);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]!.status).toBe('open');
    expect(after[1]!.captureIds).toEqual([here.captureId]);
    expect(after[1]!.actions[0]!.current.outcome).toBe('Asked');
    expect(after[1]!.details.title).toBe('Year 4 posts');
    expect(after[2].map((p) => p.captureId)).toEqual(before[2].map((p) => p.captureId));
    expect(await here.db.attachments.where('actionId').equals(here.actionId).count()).toBe(0);
    expect(await here.db.receivedAudit.count()).toBe(bundle.auditEntries.length - 6);

    // The fabricated capture is there, unfiled, and marked received from the forger's key everywhere it is read.
    const fabricated = (await here.evidence.getCapture(fabricatedId))!;
    expect(fabricated).toMatchObject({ caseId: 'unfiled', receivedFrom: forgerKey });
    expect((await here.evidence.getCapture(here.captureId))!.receivedFrom).toBeUndefined();
    // Its statement is not the victim's: a capture received from another key is drafted apart.
    const statements = draftStatements([(await here.evidence.getCapture(here.captureId))!, fabricated]);
    expect(statements).toHaveLength(2);
    expect(statements[1]!.text).toContain(`received from the installation whose signing key is ${forgerKey}`);
    expect(statements[0]!.text).not.toContain('fabricated post');
  });

  it('cannot add to a local action through a case of its own that reuses the action’s id', async () => {
    const here = await victim();
    const ownCase = crypto.randomUUID();
    const { bundle } = await forgedBundle(
      () => [
        {
          action: 'action.recorded',
          caseId: ownCase,
          actionId: here.actionId,
          details: { step: 'removal-request', date: '2026-06-05', who: 'x', outcome: 'x', attachments: [] },
        },
      ],
      { id: ownCase, actionId: here.actionId },
    );
    const receiver = createBundleReceiver(here.db, here.clock);
    expect(await receiver.plan(bundle)).toMatchObject({ case: { outcome: 'new' }, entriesLeftOut: 1 });
    await receiver.receive(bundle, STAFF);
    expect(await here.db.attachments.where('actionId').equals(here.actionId).count()).toBe(0);
    expect((await here.cases.getCase(ownCase))!).toMatchObject({
      actions: [],
      receivedFrom: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('shows the sender’s key and whether the school trusts it before anything is stored', async () => {
    const sender = await testWorld();
    const { metadata } = await sender.capture.captureTab(1, 'visible', form());
    const { zip } = await sender.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const key = (await loadSigningKey(sender.db)).fingerprint;
    const here = await testWorld();
    const flow = createImportFlow({
      receiver: createBundleReceiver(here.db, here.clock),
      actor: async () => STAFF,
      trustedSenders: here.settings.getTrustedSenders,
    });

    const unknown = await flow.prepare(zip);
    expect(unknown.preview).toMatchObject({
      trustedAs: undefined,
      plan: { fromKeyFingerprint: key, newCaptureIds: [metadata.id] },
      captures: [{ id: metadata.id, reference: 'JS/1', capturedBy: 'Jo Smith' }],
    });
    expect(await here.db.captures.count()).toBe(0); // nothing until confirmed

    await here.settings.saveTrustedSenders([{ name: 'Dee Lead (DSL)', fingerprint: key }]);
    await expect(
      here.settings.saveTrustedSenders([
        { name: 'a', fingerprint: key },
        { name: 'b', fingerprint: key },
      ]),
    ).rejects.toThrow(/on the list already/);
    const trusted = await flow.prepare(zip);
    expect(trusted.preview.trustedAs).toBe('Dee Lead (DSL)');
    expect(await trusted.confirm()).toMatchObject({ status: 'imported', captureIds: [metadata.id] });
    expect((await here.evidence.getCapture(metadata.id))!.receivedFrom).toBe(key);
  });
});
