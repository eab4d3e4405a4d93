import { describe, expect, it } from 'vitest';
import { renderReport } from '@/lib/bundle/report';
import { verifyBundle } from '@/lib/bundle/verify';
import { openZip } from '@/lib/bundle/zipReader';
import { createCaseRepository } from '@/lib/store';
import { POLICE_REFERRAL, STAFF, form, testWorld } from '../fixtures';
import { fromUtf8, rezip, utf8 } from './zipFixtures';

async function exportedCase() {
  const world = await testWorld();
  const cases = createCaseRepository(world.db, world.clock);
  const details = {
    title: 'Year 4 <posts>',
    personPosting: { name: 'J. Parent', profileUrls: [], relationship: 'parent' },
    affected: 'Mrs Y',
    owner: 'Jo Smith',
  };
  await world.capture.captureTab(1, 'visible', form({ note: 'about another matter' })); // not in the case
  await world.capture.captureTab(1, 'visible', form(), { filing: { newCase: details } });
  const [view] = await cases.listCases();
  const actionId = await cases.recordAction(view!.id, POLICE_REFERRAL, STAFF, [
    new File(['crime report'], 'crime-report.txt'),
  ]);
  await cases.correctAction(view!.id, actionId, { ...POLICE_REFERRAL, date: '2026-06-04' }, 'Wrong date', STAFF);
  const caseView = (await cases.getCase(view!.id))!;
  const bundle = await world.exporter.exportBundle({ captureIds: caseView.captureIds, caseView, exportedBy: STAFF });
  return { bundle, caseView, world };
}

describe('exporting a case', () => {
  it('carries case.json with its actions and their history, the case’s audit entries, and verifies', async () => {
    const { bundle, caseView } = await exportedCase();
    expect((await verifyBundle(bundle.zip)).failures).toEqual([]);
    expect(bundle.manifest.case).toEqual({ id: caseView.id, title: 'Year 4 <posts>', path: 'case/case.json' });
    const { entries } = await openZip(bundle.zip);
    const caseJson = JSON.parse(fromUtf8(await entries.find((e) => e.path === 'case/case.json')!.read()));
    expect(caseJson.actions[0]).toMatchObject({
      current: { date: '2026-06-04' },
      auditEntries: expect.arrayContaining([expect.any(Number), expect.any(Number)]),
    });
    const audit = fromUtf8(await entries.find((e) => e.path === 'audit.jsonl')!.read());
    expect(audit).toContain('"action":"case.opened"');
    expect(audit).toContain('"action":"action.corrected"');
    expect(audit).not.toContain('about another matter');
    expect(
      fromUtf8(
        await entries
          .find((e) => e.path === `case/attachments/${caseJson.actions[0].actionId}/crime-report.txt`)!
          .read(),
      ),
    ).toBe('crime report');
  });

  it('stops the export when a stored attachment no longer matches the hash recorded with its action', async () => {
    const world = await testWorld();
    const cases = createCaseRepository(world.db, world.clock);
    const details = {
      title: 'Year 4',
      personPosting: { name: 'J. Parent', profileUrls: [], relationship: 'parent' },
      affected: 'Mrs Y',
      owner: 'Jo Smith',
    };
    await world.capture.captureTab(1, 'visible', form(), { filing: { newCase: details } });
    const [opened] = await cases.listCases();
    const actionId = await cases.recordAction(
      opened!.id,
      { step: 'police-referral', date: '2026-06-05', who: 'Jo Smith', outcome: 'Reported', attachments: [] },
      STAFF,
      [new File(['crime report'], 'crime-report.txt')],
    );
    await world.db.attachments.update([actionId, 'crime-report.txt'], { blob: new Blob(['another report']) });
    const caseView = (await cases.getCase(opened!.id))!;
    await expect(
      world.exporter.exportBundle({ captureIds: caseView.captureIds, caseView, exportedBy: STAFF }),
    ).rejects.toMatchObject({
      code: 'export-failed',
      message:
        'The attachment crime-report.txt is missing or no longer matches its recorded hash; the export was stopped.',
    });
  });

  it('fails verification when an attachment is replaced', async () => {
    const { bundle } = await exportedCase();
    const tampered = await rezip(bundle.zip, (files) => {
      const path = [...files.keys()].find((p) => p.endsWith('/crime-report.txt'))!;
      files.set(path, utf8('a different report'));
    });
    expect((await verifyBundle(tampered)).failures.join('\n')).toMatch(
      /crime-report\.txt has (been changed|\d+ bytes)/,
    );
  });

  it('fails verification when case.json names actions the audit log does not record', async () => {
    const { bundle } = await exportedCase();
    const tampered = await rezip(bundle.zip, (files) => {
      const caseJson = JSON.parse(fromUtf8(files.get('case/case.json')));
      caseJson.actions[0].auditEntries = [999];
      files.set('case/case.json', utf8(JSON.stringify(caseJson)));
    });
    const failures = (await verifyBundle(tampered)).failures.join('\n');
    expect(failures).toMatch(/case\/case.json (has been changed|has \d+ bytes)/);
    expect(failures).toContain('points at audit entry 999');
  });

  it('shows the case, its actions and chronology in the report, escaped', async () => {
    const { caseView } = await exportedCase();
    const html = renderReport({
      exportedAtUtc: '2026-06-10T00:00:00.000Z',
      exportedBy: STAFF,
      generatorVersion: '0.1.0',
      captures: [],
      caseView,
      keyFingerprint: 'e'.repeat(64),
      auditHeadHash: 'a'.repeat(64),
    });
    expect(html).toContain('Case: Year 4 &lt;posts&gt;');
    expect(html).toContain('Police referral');
    expect(html).toContain('CR/1/26');
    expect(html).toMatch(/corrected; audit entry \d+, audit entry \d+/);
    expect(html).toContain('opened the case “Year 4 &lt;posts&gt;”');
  });

  it('names the exhibit each chronology entry is about', async () => {
    const { caseView, world } = await exportedCase();
    const view = (await world.evidence.getCapture(caseView.captureIds[0]!))!;
    const html = renderReport({
      exportedAtUtc: '2026-06-10T00:00:00.000Z',
      exportedBy: STAFF,
      generatorVersion: '0.1.0',
      captures: [{ view, folder: 'captures/001' }],
      caseView,
      keyFingerprint: 'e'.repeat(64),
      auditHeadHash: 'a'.repeat(64),
    });
    expect(view.metadata.reference).toBe('JS/2');
    expect(html).toContain('Jo Smith: captured (exhibit JS/2)');
    expect(html).toContain('Jo Smith: filed the capture in a case (exhibit JS/2)');
  });
});
