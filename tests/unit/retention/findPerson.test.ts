import { describe, expect, it } from 'vitest';
import { createErasure } from '@/lib/store';
import { STAFF } from '../fixtures';
import { personWorld as store } from './personWorld';

describe('finding a person (issue #18, subject access)', () => {
  it('lists every capture and case the person appears in, and each place they appear', async () => {
    const { people, ids } = await store();
    const found = await people.find('Jane Quillfeather');
    const places = Object.fromEntries([
      ...found.captures.map((hit) => [hit.captureId, hit.places.map((p) => p.place)]),
      ...found.cases.map((hit) => [hit.caseId, hit.places.map((p) => p.place)]),
    ]);
    expect(places).toEqual({
      [ids.asAuthor.id]: ['post author', 'page text', 'their post'],
      [ids.inPageText.id]: ['page text'],
      [ids.editedAway.id]: ['earlier values in its history'],
      [ids.herCase.id]: ['person posting'],
      [ids.affectedCase.id]: ['people affected'],
    });
    expect(found.more).toBe(false);
    // What each place says of her: names whole, prose only in the sentences that mention her.
    const textsOf = (captureId: string) =>
      Object.fromEntries(
        found.captures.find((hit) => hit.captureId === captureId)!.places.map((p) => [p.place, p.texts]),
      );
    expect(textsOf(ids.asAuthor.id)).toEqual({
      'post author': ['Jane Quillfeather', '@jquill', 'https://social.example/jquill'],
      'page text': ['Jane Quillfeather wrote: the school is a disgrace'],
      'their post': ['the school is a disgrace'],
    });
    expect(textsOf(ids.inPageText.id)).toEqual({ 'page text': ['Reply from Jane Quillfeather: agreed'] });
    expect(textsOf(ids.editedAway.id)).toEqual({ 'earlier values in its history': ['Forwarded by Jane Quillfeather'] });
    expect(found.cases.find((hit) => hit.caseId === ids.affectedCase.id)!.places).toEqual([
      { place: 'people affected', texts: ['Jane Quillfeather'] },
    ]);
    // Newest first.
    expect(found.captures.map((hit) => hit.captureId)).toEqual([ids.editedAway.id, ids.inPageText.id, ids.asAuthor.id]);
  });

  it('finds by a handle, a profile link or a surname, and the beginnings of words', async () => {
    const { people, ids } = await store();
    const idsOf = async (query: string) => {
      const { captures, cases } = await people.find(query);
      return [...captures.map((hit) => hit.captureId), ...cases.map((hit) => hit.caseId)].sort();
    };
    expect(await idsOf('@jquill')).toEqual([ids.asAuthor.id]);
    expect(await idsOf('https://social.example/jquill')).toEqual([ids.asAuthor.id]);
    expect(await idsOf('quillfeath')).toEqual(
      [
        ids.asAuthor.id,
        ids.inPageText.id,
        ids.inNote.id,
        ids.editedAway.id,
        ids.herCase.id,
        ids.affectedCase.id,
        ids.actionCase.id,
      ].sort(),
    );
    const { cases } = await people.find('Quillfeather');
    expect(cases.find((hit) => hit.caseId === ids.actionCase.id)?.places).toEqual([
      { place: 'action “Police referral”', texts: ['Officer spoke to J. Quillfeather'] },
      { place: 'attachment quillfeather-statement.pdf', texts: ['quillfeather-statement.pdf'] },
    ]);
    await expect(people.find('  ')).rejects.toThrow('Type a name, a handle or a profile link');
  });

  it('indexes page text stored before (or received), and finds nothing of what was erased', async () => {
    const { world, people, ids } = await store();
    const progress: string[] = [];
    await people.find('Quillfeather', 200, (done, of) => progress.push(`${done}/${of}`));
    expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(await world.db.pageWords.count()).toBe(5);
    await createErasure(world.db, world.clock).erase(
      { captureId: ids.inPageText.id },
      { reason: 'Reviewed', confirmation: ids.inPageText.reference ?? '' },
      STAFF,
    );
    const found = await people.find('Quillfeather');
    expect(found.captures.map((hit) => hit.captureId)).not.toContain(ids.inPageText.id);
    expect(await world.db.pageWords.count()).toBe(4);
  });
});
