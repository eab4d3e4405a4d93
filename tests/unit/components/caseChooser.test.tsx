// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseField, type CaseChoice } from '@/components/CaseField';
import { CASES_OFFERED } from '@/components/useCaseChoices';
import { createCaseRepository } from '@/lib/store';
import { STAFF, testWorld } from '../fixtures';

const services = vi.hoisted((): { current: unknown } => ({ current: undefined }));
vi.mock('@/lib/browser/pageServices', () => ({ pageServices: () => services.current }));
afterEach(cleanup);

/** A store with more cases than the chooser offers at once; the first opened is the least recent. */
async function storeWithCases(count: number) {
  const world = await testWorld();
  const cases = createCaseRepository(world.db, world.clock);
  services.current = { cases };
  const ids: string[] = [];
  for (let n = 1; n <= count; n++) {
    const person = n === 1 ? 'Quentin Oldest' : `Parent ${n}`;
    const opened = await cases.openCase(
      {
        title: `Case ${n}`,
        personPosting: { name: person, profileUrls: [], relationship: '' },
        affected: '',
        owner: 'Jo',
      },
      STAFF,
    );
    ids.push(opened.id);
  }
  return ids;
}

const offered = () => [...screen.getByLabelText<HTMLSelectElement>('Case').options].map((o) => o.textContent).slice(2);

describe('the popup’s case chooser (issue #17)', () => {
  it('offers the most recently active cases and finds an older one by a person’s name', async () => {
    const ids = await storeWithCases(CASES_OFFERED + 5);
    let choice: CaseChoice = { kind: 'unfiled' };
    const { rerender } = render(<CaseField value={choice} onChange={(c) => (choice = c)} />);
    await waitFor(() => expect(offered()).toHaveLength(CASES_OFFERED));
    expect(offered()[0]).toBe(`Case ${CASES_OFFERED + 5} (open)`);
    expect(offered()).not.toContain('Case 1 (open)');
    expect(screen.getByText(/most recently active cases; find others/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Find a case'), { target: { value: 'quent' } });
    await waitFor(() => expect(offered()).toEqual(['Case 1 (open)']));
    fireEvent.change(screen.getByLabelText('Case'), { target: { value: ids[0] } });
    expect(choice).toEqual({ kind: 'existing', caseId: ids[0] });

    // Chosen and the search cleared: the older case stays offered, so the choice shows.
    rerender(<CaseField value={choice} onChange={(c) => (choice = c)} />);
    fireEvent.change(screen.getByLabelText('Find a case'), { target: { value: '' } });
    await waitFor(() => expect(offered()).toHaveLength(CASES_OFFERED + 1));
    expect(offered()[0]).toBe('Case 1 (open)');
    expect(screen.getByLabelText<HTMLSelectElement>('Case').value).toBe(ids[0]);
  });
});
