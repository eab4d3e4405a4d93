import { describe, expect, it } from 'vitest';
import { describeEvent } from '@/lib/audit';
import { createSubjectAccessRequests } from '@/lib/store';
import { daysLeft, latestExtendedDueOn, responseDueOn } from '@/lib/subjectAccess/pack';
import { createSubjectAccessFlow } from '@/lib/subjectAccess/packFlow';
import { STAFF } from '../fixtures';
import { personWorld } from './personWorld';

describe('subject access requests and their deadline (issue #18)', () => {
  it('are logged with the day received, due a calendar month on, soonest first', async () => {
    const { world } = await personWorld();
    const requests = createSubjectAccessRequests(world.db, world.clock);
    await requests.log({ person: 'Jane Quillfeather', requestReceivedOn: '2026-03-31' }, STAFF);
    await requests.log({ person: 'Sam Other', requestReceivedOn: '2026-02-10' }, STAFF);
    expect((await requests.open()).map(({ person, receivedOn, dueOn }) => [person, receivedOn, dueOn])).toEqual([
      ['Sam Other', '2026-02-10', '2026-03-10'],
      ['Jane Quillfeather', '2026-03-31', '2026-04-30'],
    ]);
    const last = (await world.db.audit.orderBy('seq').last())!;
    expect(describeEvent(last.event)).toBe('logged a subject access request from Sam Other, received 2026-02-10');
    await expect(requests.log({ person: '', requestReceivedOn: '2026-02-10' }, STAFF)).rejects.toThrow(
      'Give the name of the person who asked.',
    );
  });

  it('may be put off by two further months at most, with a reason, and closed with one', async () => {
    const { world } = await personWorld();
    const requests = createSubjectAccessRequests(world.db, world.clock);
    const { requestId } = await requests.log({ person: 'Jane Quillfeather', requestReceivedOn: '2026-10-31' }, STAFF);
    const entries = await world.db.audit.count();
    await expect(requests.extend(requestId, { dueOn: '2027-02-01', reason: 'Complex' }, STAFF)).rejects.toThrow(
      'A reply may be put off by two further months at most: to 2027-01-31.',
    );
    await expect(requests.extend(requestId, { dueOn: '2026-11-30', reason: 'Complex' }, STAFF)).rejects.toThrow(
      'An extension must be later than the day now due (2026-11-30).',
    );
    await expect(requests.extend(requestId, { dueOn: '2027-01-31', reason: ' ' }, STAFF)).rejects.toThrow(
      'Say why the reply needs longer',
    );
    expect(await world.db.audit.count()).toBe(entries);
    await requests.extend(requestId, { dueOn: '2027-01-31', reason: 'Three years of posts to review' }, STAFF);
    expect(await requests.open()).toMatchObject([
      { dueOn: '2027-01-31', extendedBecause: 'Three years of posts to review' },
    ]);

    await expect(requests.close(requestId, '', STAFF)).rejects.toThrow('Say how the request was answered');
    await requests.close(requestId, 'Withdrawn by letter', STAFF);
    expect(await requests.open()).toEqual([]);
    await expect(requests.close(requestId, 'Again', STAFF)).rejects.toThrow('That request is not open');
  });

  it('is answered by the pack exported for it, which takes it off the due list', async () => {
    const { world, people } = await personWorld();
    const requests = createSubjectAccessRequests(world.db, world.clock);
    const { requestId } = await requests.log({ person: 'Jane Quillfeather', requestReceivedOn: '2026-06-01' }, STAFF);
    const found = await people.find('Jane Quillfeather');
    await createSubjectAccessFlow({
      exporter: world.exporter,
      evidence: world.evidence,
      settings: world.settings,
      saveFile: async () => undefined,
    })({
      request: { person: 'Jane Quillfeather', requestReceivedOn: '2026-06-01' },
      requestId,
      captures: found.captures,
      cases: found.cases,
      exportedBy: STAFF,
    });
    expect(await requests.open()).toEqual([]);
    expect((await world.db.audit.orderBy('seq').last())!.event).toMatchObject({
      action: 'subject-access.exported',
      requestId,
    });
  });

  it('counts due days over month ends, leap years and the clocks changing', () => {
    expect(responseDueOn('2026-01-31')).toBe('2026-02-28');
    expect(responseDueOn('2028-01-30')).toBe('2028-02-29');
    expect(responseDueOn('2026-03-28')).toBe('2026-04-28'); // the clocks go forward on 29 March 2026
    expect(latestExtendedDueOn('2026-11-30')).toBe('2027-02-28');
    expect(latestExtendedDueOn('2027-11-30')).toBe('2028-02-29');
    expect(daysLeft('2026-04-28', '2026-03-28')).toBe(31);
    expect(daysLeft('2026-10-26', '2026-10-24')).toBe(2); // over the clocks going back on 25 October
    expect(daysLeft('2026-03-01', '2026-03-02')).toBe(-1);
  });
});
