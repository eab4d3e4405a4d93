// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetentionField } from '@/components/RetentionField';
import { ReviewList } from '@/components/ReviewList';
import { createCaseRepository } from '@/lib/store';
import { createRetentionReview } from '@/lib/store/retentionReview';
import { STAFF, form, testWorld } from '../fixtures';

const services = vi.hoisted((): { current: unknown } => ({ current: undefined }));
vi.mock('@/lib/browser/pageServices', () => ({ pageServices: () => services.current }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function world() {
  const w = await testWorld();
  services.current = {
    settings: w.settings,
    cases: createCaseRepository(w.db, w.clock),
    review: createRetentionReview(w.db, w.settings),
  };
  return w;
}

describe('retention in the options and the dashboard (issue #18)', () => {
  it('saves the periods, refuses one out of bounds with its reason, and restores the defaults', async () => {
    const w = await world();
    render(<RetentionField />);
    const years = await screen.findByLabelText('Review a closed case, with its captures, after (years)');
    expect(screen.getByText(/Limitation Act 1980/)).toBeTruthy();
    fireEvent.change(years, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    await screen.findByText('Retention saved.');
    expect((await w.settings.getRetention()).closedCaseYears).toBe(7);
    fireEvent.change(years, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    await screen.findByText(/Keep a closed case for at least a year/);
    expect((await w.settings.getRetention()).closedCaseYears).toBe(7);
    fireEvent.click(screen.getByRole('button', { name: 'Restore the defaults' }));
    await waitFor(async () => expect((await w.settings.getRetention()).closedCaseYears).toBe(6));
  });

  it('lists what has reached its review date, each linking to it, with its text shown, not obeyed', async () => {
    const { fakeTabs } = await import('../fixtures');
    const w = await testWorld({ tabs: fakeTabs({ page: { title: 'Posts <img src=x onerror=alert(1)> \u202eevil' } }) });
    services.current = {
      settings: w.settings,
      review: createRetentionReview(w.db, w.settings),
      currentActor: async () => STAFF,
    };
    const { metadata } = await w.capture.captureTab(1, 'visible', form());
    await w.settings.saveRetention({ closedCaseYears: 6, unfiledCaptureMonths: 1, inactiveCaseMonths: 12 });
    vi.useFakeTimers({ now: new Date('2026-07-02T12:00:00Z'), toFake: ['Date'] });
    render(<ReviewList />);
    const link = await screen.findByRole('link', { name: /Posts <img src=x onerror=alert\(1\)> ⟨U\+202E⟩evil/ });
    expect(link.getAttribute('href')).toBe(`#capture=${metadata.id}`);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('2026-07-01')).toBeTruthy();

    // Kept until a later day, with a reason: gone from the list, and recorded.
    const keep = screen.getByRole('form', { name: /^Keep Posts/ });
    fireEvent.change(within(keep).getByLabelText('Keep until'), { target: { value: '2026-07-01' } });
    fireEvent.change(within(keep).getByLabelText('Why'), { target: { value: 'Still posting' } });
    fireEvent.submit(keep);
    await within(keep).findByText('Keep it until a day after today.');
    fireEvent.change(within(keep).getByLabelText('Keep until'), { target: { value: '2026-09-01' } });
    fireEvent.submit(keep);
    await screen.findByText('Nothing has reached its review date.');
    expect((await w.db.captures.get(metadata.id))!.summary.keptUntil).toBe('2026-09-01');
  });
});
