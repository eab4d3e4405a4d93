import { describe, expect, it } from 'vitest';
import { planBundle } from '@/lib/bundle/bundlePlan';
import { draftStatements } from '@/lib/bundle/statement';
import { openZip } from '@/lib/bundle/zipReader';
import { createCaseRepository } from '@/lib/store';
import { STAFF, form, redactScreenshot, testWorld } from '../fixtures';

const CASE = {
  title: 'Year 4 posts',
  personPosting: { name: 'J. Parent', profileUrls: [], relationship: 'parent' },
  affected: 'Mrs Y',
  owner: 'Jo Smith',
};

/** A case of two captures, one redacted, an action with an attachment: every kind of file a bundle holds. */
async function caseWorld() {
  const world = await testWorld();
  const cases = createCaseRepository(world.db, world.clock);
  const first = await world.capture.captureTab(1, 'visible', form(), { filing: { newCase: CASE } });
  const [opened] = await cases.listCases();
  await world.capture.captureTab(1, 'visible', form(), { filing: { caseId: opened!.id } });
  await redactScreenshot(world, first.metadata.id);
  await cases.recordAction(
    opened!.id,
    { step: 'police-referral', date: '2026-06-05', who: 'Jo Smith', outcome: 'Reported', attachments: [] },
    STAFF,
    [new File(['crime report'], 'crime-report.txt')],
  );
  return { world, caseView: (await cases.getCase(opened!.id))! };
}

describe('the bundle plan (issue #16)', () => {
  it('is what the writer writes, in its order, and what the progress counts', async () => {
    const { world, caseView } = await caseWorld();
    const progress: { done: number; total: number; path: string }[] = [];
    const bundle = await world.exporter.exportBundle({
      captureIds: caseView.captureIds,
      caseView,
      exportedBy: STAFF,
      onProgress: (p) => progress.push(p),
    });
    const { entries, close } = await openZip(bundle.zip);
    const written = entries.map((e) => e.path);
    await close();

    const views = await Promise.all(caseView.captureIds.map(async (id) => (await world.evidence.getCapture(id))!));
    views.sort((a, b) => a.metadata.capturedAtUtc.localeCompare(b.metadata.capturedAtUtc));
    const plan = planBundle({
      views,
      caseView,
      statements: draftStatements(views),
      share: false,
      presentationCopies: false,
      pdf: true,
    });
    expect(written).toEqual(plan.files.map((f) => f.path));
    expect(progress.map((p) => p.path)).toEqual(written);
    expect(progress.map((p) => p.done)).toEqual(written.map((_, i) => i + 1));
    expect(new Set(progress.map((p) => p.total))).toEqual(new Set([written.length]));
    expect(plan.files.map((f) => f.source.kind)).toEqual(
      expect.arrayContaining([
        'original',
        'redacted-copy',
        'capture-metadata',
        'case',
        'attachment',
        'statement',
        'report-pdf',
        'sha256sums',
      ]),
    );
  });

  it('for a share copy holds each capture’s redacted copies and none of its originals, metadata or statements', async () => {
    const { world, caseView } = await caseWorld();
    const views = await Promise.all(caseView.captureIds.map(async (id) => (await world.evidence.getCapture(id))!));
    const plan = planBundle({ views, statements: [], share: true, presentationCopies: true, pdf: false });
    expect(plan.captures.flatMap((c) => c.files.map((f) => f.source.kind))).toEqual(['redacted-copy']);
    expect(plan.rest.map((f) => f.path)).toEqual([
      'audit.jsonl',
      'report.html',
      'manifest.schema.json',
      'verify.html',
      'manifest.json',
      'manifest.digest.json',
      'cover.txt',
      'SHA256SUMS',
    ]);
  });
});
