import { postDetails } from '@/lib/extract/postDetails';
import { createCaseRepository, createPersonSearch } from '@/lib/store';
import { POLICE_REFERRAL, STAFF, caseDetails, worldReadingPages } from '../fixtures';

/** A store where one person, Jane Quillfeather (@jquill), appears in every kind of place, and others do not. */
export async function personWorld() {
  const world = await worldReadingPages();
  const cases = createCaseRepository(world.db, world.clock);
  const people = createPersonSearch(world.db);
  const asAuthor = await world.take({
    url: 'https://social.example/jquill/posts/1',
    title: 'A post',
    text: 'Jane Quillfeather wrote: the school is a disgrace',
    post: postDetails('generic', {
      authorName: 'Jane Quillfeather',
      authorHandle: '@jquill',
      authorProfileUrl: 'https://social.example/jquill',
      text: 'the school is a disgrace',
    }),
  });
  const inPageText = await world.take({
    url: 'https://social.example/posts/2',
    title: 'Another post',
    text: 'Sam Other wrote something. Reply from Jane Quillfeather: agreed',
    post: postDetails('generic', { authorName: 'Sam Other' }),
  });
  const inNote = await world.take(
    { url: 'https://social.example/posts/3' },
    { note: 'Sam told us Quillfeather shared it' },
  );
  const nowhere = await world.take({ url: 'https://social.example/posts/4', text: 'Nothing about anyone here' });
  // A note that named her, edited so it no longer does: her name is still in the capture's history.
  const editedAway = await world.take(
    { url: 'https://social.example/posts/5', text: 'A post' },
    { note: 'Forwarded by Jane Quillfeather' },
  );
  await world.evidence.editCapture(editedAway.id, { field: 'note', to: 'Forwarded by a parent' }, STAFF);

  const herCase = await cases.openCase(caseDetails('Disgrace posts', 'Jane Quillfeather'), STAFF);
  const affectedCase = await cases.openCase(caseDetails('Year 4 chat', 'Sam Other', 'Jane Quillfeather'), STAFF);
  const actionCase = await cases.openCase(caseDetails('Forum thread', 'Sam Other'), STAFF);
  await cases.recordAction(actionCase.id, { ...POLICE_REFERRAL, outcome: 'Officer spoke to J. Quillfeather' }, STAFF, [
    new File(['scan'], 'quillfeather-statement.pdf'),
  ]);
  const unrelatedCase = await cases.openCase(caseDetails('Other matter', 'Sam Other'), STAFF);
  return {
    world,
    people,
    ids: { asAuthor, inPageText, inNote, nowhere, editedAway, herCase, affectedCase, actionCase, unrelatedCase },
  };
}
