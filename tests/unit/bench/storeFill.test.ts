import { describe, expect, it } from 'vitest';
import { findChainBreaks } from '@/lib/audit';
import { canonicalJson } from '@/lib/canonicalJson';
import { sha256Hex, sha256OfBlob } from '@/lib/hash';
import { createCaseRepository, createPersonSearch, indexPageWords } from '@/lib/store';
import { summaryOf } from '@/lib/store/captureSummary';
import { caseSummaryFolded } from '@/lib/store/caseFold';
import { fillStore } from '@/lib/store/scaleFill';
import { STAFF, caseRowSummaryOf, form, testWorld } from '../fixtures';

// The store-scale bench fills its stores by a fast path (issue #17): it must write exactly what the
// repositories write, or the bench would time a store the extension never makes.
describe('the store-scale bench’s fast fill', () => {
  it('writes rows, summaries, files, one unbroken chain and open responses as the repositories do', async () => {
    const world = await testWorld();
    const { metadata: template } = await world.capture.captureTab(1, 'visible', form());
    const filled = await fillStore(world.db, template, 300, 30, STAFF);
    expect(filled).toMatchObject({ captures: 300, cases: 30 });
    expect(filled.entries / filled.captures).toBeGreaterThan(4.5);

    const chain = await world.db.audit.orderBy('seq').toArray();
    expect(findChainBreaks(chain)).toEqual([]);
    expect(chain).toHaveLength(filled.entries + 1); // and the template's own entry

    const rows = await world.db.captures.toArray();
    expect(rows).toHaveLength(301);
    const unanswered: string[] = [];
    for (const row of rows) {
      const view = (await world.evidence.getCapture(row.id))!;
      expect(row.summary).toEqual(summaryOf(view.metadata, view.history));
      const created = view.history.find((e) => e.event.action === 'capture.created');
      expect(created?.event).toMatchObject({ metadataSha256: sha256Hex(canonicalJson(row.metadata)) });
      expect(await world.db.files.where('captureId').equals(row.id).count()).toBe(template.artefacts.length);
      // Each file is the one its metadata vouches for (an export checks), and the page text's words
      // are what the background keeps after a capture.
      for (const artefact of row.metadata.artefacts)
        expect(await sha256OfBlob((await world.db.files.get([row.id, artefact.fileName]))!.blob)).toBe(artefact.sha256);
      if (row.id !== template.id) {
        const kept = await world.db.pageWords.get(row.id);
        await indexPageWords(world.db, row.id);
        expect(await world.db.pageWords.get(row.id)).toEqual(kept);
      }
      if (row.metadata.responseReceivedAtUtc && !view.history.some((e) => e.event.action === 'response.answered'))
        unanswered.push(row.id);
    }
    for (const row of await world.db.cases.toArray()) {
      expect(caseRowSummaryOf(row)).toEqual(await caseSummaryFolded(world.db, row.id));
    }
    // The open responses are those with no answer in their history.
    const open = (await world.db.openResponses.toArray()).map((r) => r.captureId);
    expect(open.sort()).toEqual(unanswered.sort());
    expect(open.length).toBeGreaterThan(0);
    // And the store goes on working through the repositories.
    const cases = createCaseRepository(world.db, world.clock);
    const someTitle = (await world.db.cases.toArray())[5]!.details.title;
    expect((await cases.findCases(someTitle, 5)).map((c) => c.summary.title)).toContain(someTitle);
    // And a person named in page text is found, with where.
    const named = await createPersonSearch(world.db).find(filled.personName);
    expect(named.captures.length).toBeGreaterThan(0);
    for (const hit of named.captures) expect(hit.places.map((p) => p.place)).toContain('page text');
    expect((await createPersonSearch(world.db).find(filled.rareName)).captures).toHaveLength(10);
    const sample = filled.sampleCaseId ? await cases.getCase(filled.sampleCaseId) : undefined;
    expect(sample?.captureIds.length).toBeGreaterThan(0);
  });
});
