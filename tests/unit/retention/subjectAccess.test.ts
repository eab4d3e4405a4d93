import { describe, expect, it } from 'vitest';
import { describeEvent } from '@/lib/audit';
import { verifyBundle } from '@/lib/bundle/verify';
import { openZip } from '@/lib/bundle/zipReader';
import { createImportFlow } from '@/lib/bundle/importFlow';
import { createBundleReceiver } from '@/lib/store';
import { PersonDataSchema, responseDueOn } from '@/lib/subjectAccess/pack';
import { createSubjectAccessFlow } from '@/lib/subjectAccess/packFlow';
import { STAFF, redactScreenshot, testWorld } from '../fixtures';
import { personWorld } from './personWorld';

async function packWorld() {
  const w = await personWorld();
  const saved: { zip: Blob; fileName: string }[] = [];
  const exportPack = createSubjectAccessFlow({
    exporter: w.world.exporter,
    evidence: w.world.evidence,
    settings: w.world.settings,
    saveFile: async (zip, fileName) => void saved.push({ zip, fileName }),
    clock: w.world.clock,
  });
  return { ...w, saved, exportPack };
}

async function filesOf(zip: Blob): Promise<Map<string, string>> {
  const { entries } = await openZip(zip);
  const texts = new Map<string, string>();
  for (const entry of entries) texts.set(entry.path, new TextDecoder('latin1').decode(await entry.read()));
  return texts;
}

describe('a subject access pack (issue #18)', () => {
  it('gives the person their data from each place found, redacted images only, a cover letter, and verifies', async () => {
    const { world, people, ids, saved, exportPack } = await packWorld();
    await redactScreenshot(world, ids.asAuthor.id, 'REDACTED-COPY-BYTES');
    const found = await people.find('Jane Quillfeather');
    const request = { person: 'Jane <b>Quillfeather</b>', requestReceivedOn: '2026-01-31' };
    const { fileName } = await exportPack({ request, captures: found.captures, cases: found.cases, exportedBy: STAFF });

    const [pack] = saved;
    expect(pack!.fileName).toBe(fileName);
    expect(fileName).toMatch(/^exhibit-sar-northwick-park-primary-\d{8}T\d{6}Z-[0-9a-f]{8}\.zip$/);
    const report = await verifyBundle(pack!.zip);
    expect(report.failures).toEqual([]);
    expect(report.manifest).toMatchObject({
      share: true,
      subjectAccess: { person: request.person, requestReceivedOn: '2026-01-31', responseDueOn: '2026-02-28' },
    });
    const files = await filesOf(pack!.zip);
    const paths = [...files.keys()];
    // No original, page text, page source or metadata: only the redacted copy of the one capture redacted.
    expect(paths.filter((p) => p.startsWith('captures/'))).toEqual([
      expect.stringMatching(/^captures\/\d{3}-JS-1\/redacted-screenshot\.png$/),
    ]);
    expect(paths).toEqual(
      expect.arrayContaining(['subject-access/cover-letter.html', 'subject-access/your-data.json', 'verify.html']),
    );

    const data = PersonDataSchema.parse(JSON.parse(files.get('subject-access/your-data.json')!));
    expect(data.captures.map((c) => c.captureId)).toEqual(found.captures.map((hit) => hit.captureId));
    expect(data.captures.find((c) => c.captureId === ids.inPageText.id)!.places).toEqual([
      { place: 'page text', texts: ['Reply from Jane Quillfeather: agreed'] },
    ]);
    expect(data.cases.map((c) => c.caseId)).toEqual(found.cases.map((hit) => hit.caseId));
    // Nothing of the other people on those pages: Sam Other wrote the second post.
    expect(files.get('subject-access/your-data.json')).not.toContain('Sam Other');

    const letter = files.get('subject-access/cover-letter.html')!;
    expect(letter).toContain('Dear Jane &lt;b&gt;Quillfeather&lt;/b&gt;,');
    expect(letter).toContain('received on 2026-01-31');
    expect(letter).toContain('by 2026-02-28');
    expect(letter).toContain('3 record(s) of posts and 2 case record(s)');
    expect(files.get('report.html')).toContain('What Exhibit holds about Jane &lt;b&gt;Quillfeather&lt;/b&gt;');

    // Recorded: for whom, when asked, what went, in which file.
    const last = (await world.db.audit.orderBy('seq').last())!;
    expect(last.event).toMatchObject({
      action: 'subject-access.exported',
      person: request.person,
      requestReceivedOn: '2026-01-31',
      caseIds: found.cases.map((hit) => hit.caseId),
      fileName,
      manifestSha256: report.manifestSha256,
    });
    expect(describeEvent(last.event)).toContain('exported a subject access pack for Jane <b>Quillfeather</b>');

    // A pack is not evidence another installation can receive: it holds no originals.
    const receiver = await testWorld();
    const flow = createImportFlow({
      receiver: createBundleReceiver(receiver.db, receiver.clock),
      actor: async () => STAFF,
      trustedSenders: receiver.settings.getTrustedSenders,
    });
    await expect(flow.importBundle(pack!.zip)).rejects.toThrow('It is a share copy');
    expect(await receiver.db.captures.count()).toBe(0);
  });

  it('can hold cases alone, and refuses an incomplete request, changing nothing', async () => {
    const { world, people, saved, exportPack } = await packWorld();
    const onlyCases = await people.find('Quillfeather statement');
    expect(onlyCases.captures).toEqual([]);
    expect(onlyCases.cases).toHaveLength(1);
    const entries = await world.db.audit.count();
    await expect(
      exportPack({
        request: { person: ' ', requestReceivedOn: '2026-02-01' },
        captures: [],
        cases: onlyCases.cases,
        exportedBy: STAFF,
      }),
    ).rejects.toThrow('Give the name of the person who asked.');
    await expect(
      exportPack({ request: { person: 'J Q', requestReceivedOn: '' }, captures: [], cases: [], exportedBy: STAFF }),
    ).rejects.toThrow('Give the day the request was received.');
    await expect(
      exportPack({
        request: { person: 'J Q', requestReceivedOn: '2026-02-01' },
        captures: [],
        cases: [],
        exportedBy: STAFF,
      }),
    ).rejects.toThrow('Choose at least one capture or case for the pack.');
    expect(saved).toEqual([]);
    expect(await world.db.audit.count()).toBe(entries);

    await exportPack({
      request: { person: 'J Quillfeather', requestReceivedOn: '2026-02-01' },
      captures: [],
      cases: onlyCases.cases,
      exportedBy: STAFF,
    });
    const report = await verifyBundle(saved[0]!.zip);
    expect(report.failures).toEqual([]);
    expect(report.manifest?.captures).toEqual([]);
  });

  it('counts the reply’s due day in calendar months, as the ICO does', () => {
    expect(responseDueOn('2026-09-03')).toBe('2026-10-03');
    expect(responseDueOn('2026-01-31')).toBe('2026-02-28');
    expect(responseDueOn('2028-01-31')).toBe('2028-02-29');
    expect(responseDueOn('2026-12-15')).toBe('2027-01-15');
  });
});
