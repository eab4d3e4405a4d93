import { describe, expect, it } from 'vitest';
import { describeEvent } from '@/lib/audit';
import { DEFAULT_RETENTION } from '@/lib/retention/rules';
import { createImportFlow } from '@/lib/bundle/importFlow';
import { createBundleReceiver, createCaseRepository, createErasure } from '@/lib/store';
import { caseSummaryFolded } from '@/lib/store/caseFold';
import { createLegalHolds } from '@/lib/store/legalHold';
import { reviewDue } from '@/lib/store/retentionReview';
import { STAFF, caseDetails, caseRowSummaryOf, form, testWorld } from '../fixtures';

async function store() {
  const world = await testWorld();
  const cases = createCaseRepository(world.db, world.clock);
  const holds = createLegalHolds(world.db, world.clock);
  const opened = await cases.openCase(caseDetails('Referred to the police'), STAFF);
  const unfiled = (await world.capture.captureTab(1, 'visible', form())).metadata;
  const due = async (on: string) =>
    (await reviewDue(world.db, new Date(on), DEFAULT_RETENTION, 'Europe/London')).items.map((i) =>
      'captureId' in i ? i.captureId : i.caseId,
    );
  return { world, cases, holds, opened, unfiled, due };
}

describe('legal hold (issue #18)', () => {
  it('keeps a capture or case from review until released, each step an audit entry with its reason', async () => {
    const { world, cases, holds, opened, unfiled, due } = await store();
    expect(await due('2027-07-01T12:00:00Z')).toEqual([opened.id, unfiled.id]);

    await holds.place({ captureId: unfiled.id }, 'Police referral, crime ref 12/3456', STAFF);
    await holds.place({ caseId: opened.id }, 'Legal advice taken', STAFF);
    expect(await due('2027-07-01T12:00:00Z')).toEqual([]);
    expect(await holds.isHeld({ captureId: unfiled.id })).toBe(true);
    expect(await holds.isHeld({ caseId: opened.id })).toBe(true);
    // The case's row is in step with its fold, and says since when it is held.
    const row = (await world.db.cases.get(opened.id))!;
    expect(row.summary.heldSince).toBeDefined();
    expect(caseRowSummaryOf(row)).toEqual(await caseSummaryFolded(world.db, opened.id));
    // Closed while held: still not reviewed, six years on.
    await cases.setStatus(opened.id, 'closed', 'Court case over', STAFF);
    expect(await due('2033-07-01T12:00:00Z')).toEqual([]);

    await holds.release({ captureId: unfiled.id }, 'Police closed the matter', STAFF);
    await holds.release({ caseId: opened.id }, 'Solicitor confirmed', STAFF);
    expect((await due('2033-07-01T12:00:00Z')).sort()).toEqual([unfiled.id, opened.id].sort());

    const history = (await world.evidence.getCapture(unfiled.id))!.history.map((e) => describeEvent(e.event));
    expect(history).toContain('placed on legal hold: “Police referral, crime ref 12/3456”');
    expect(history).toContain('released from legal hold: “Police closed the matter”');
    const chronology = (await cases.getCase(opened.id))!.chronology.map((e) => describeEvent(e.event));
    expect(chronology).toContain('placed on legal hold: “Legal advice taken”');
  });

  it('needs a reason, refuses holding twice or releasing what is not held, and changes nothing then', async () => {
    const { world, holds, unfiled, opened } = await store();
    const before = await world.db.audit.count();
    await expect(holds.place({ captureId: unfiled.id }, '  ', STAFF)).rejects.toThrow('Say why');
    await expect(holds.release({ caseId: opened.id }, 'done', STAFF)).rejects.toThrow('It is not on legal hold.');
    await expect(holds.place({ caseId: crypto.randomUUID() }, 'x', STAFF)).rejects.toThrow(
      'That case no longer exists.',
    );
    expect(await world.db.audit.count()).toBe(before);
    await holds.place({ caseId: opened.id }, 'Complaint', STAFF);
    await expect(holds.place({ caseId: opened.id }, 'Again', STAFF)).rejects.toThrow('It is on legal hold already.');
    expect(await world.db.audit.count()).toBe(before + 1);
  });
});

describe('a hold no path gets round (issue #18)', () => {
  it('stays when the sender releases its own hold and sends the capture again, and still refuses erasure', async () => {
    const sender = await testWorld();
    const { metadata } = await sender.capture.captureTab(1, 'visible', form());
    const first = await sender.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const here = await testWorld();
    const flow = createImportFlow({
      receiver: createBundleReceiver(here.db, here.clock),
      actor: async () => STAFF,
      trustedSenders: here.settings.getTrustedSenders,
    });
    await flow.importBundle(first.zip);
    const holds = createLegalHolds(here.db, here.clock);
    await holds.place({ captureId: metadata.id }, 'Police referral here', STAFF);

    // The sender holds and releases it in its own store, then sends it again with those entries.
    const senderHolds = createLegalHolds(sender.db, sender.clock);
    await senderHolds.place({ captureId: metadata.id }, 'Sender’s own hold', STAFF);
    await senderHolds.release({ captureId: metadata.id }, 'Sender’s own release', STAFF);
    const second = await sender.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    await flow.importBundle(second.zip);

    expect(await holds.isHeld({ captureId: metadata.id })).toBe(true);
    const history = (await here.evidence.getCapture(metadata.id))!.history.map((e) => describeEvent(e.event));
    expect(history).toContain('released from legal hold: “Sender’s own release”'); // shown, not binding
    await expect(
      createErasure(here.db, here.clock).erase(
        { captureId: metadata.id },
        { reason: 'Try', confirmation: metadata.reference ?? '' },
        STAFF,
      ),
    ).rejects.toThrow('This capture is on legal hold');
  });
});
