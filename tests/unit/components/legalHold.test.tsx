// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LegalHoldField } from '@/components/LegalHoldField';
import { createLegalHolds } from '@/lib/store/legalHold';
import { STAFF, form, testWorld } from '../fixtures';

const services = vi.hoisted((): { current: unknown } => ({ current: undefined }));
vi.mock('@/lib/browser/pageServices', () => ({ pageServices: () => services.current }));
afterEach(cleanup);

describe('the legal hold field (issue #18)', () => {
  it('places a hold with the suggested reason, and releases it only with one', async () => {
    const world = await testWorld();
    const holds = createLegalHolds(world.db, world.clock);
    services.current = { holds, currentActor: async () => STAFF };
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const target = { captureId: metadata.id };
    const { rerender } = render(
      <LegalHoldField target={target} heldSince={undefined} suggestion="Police referral recorded for 2026-06-03" />,
    );
    expect(screen.getByTestId('hold-status').textContent).toMatch(/usually needs one/);
    expect(screen.getByLabelText<HTMLInputElement>('Why it is placed on hold').value).toBe(
      'Police referral recorded for 2026-06-03',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Place on legal hold' }));
    await vi.waitFor(async () => expect(await holds.isHeld(target)).toBe(true));

    const since = (await world.db.captures.get(metadata.id))!.summary.heldSince!;
    rerender(<LegalHoldField key={since} target={target} heldSince={since} />);
    expect(screen.getByTestId('hold-status').textContent).toMatch(/^On legal hold since/);
    fireEvent.click(screen.getByRole('button', { name: 'Release the hold' }));
    await screen.findByText(/Say why/);
    expect(await holds.isHeld(target)).toBe(true);
    fireEvent.change(screen.getByLabelText('Why the hold is released'), { target: { value: 'Police closed it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Release the hold' }));
    await vi.waitFor(async () => expect(await holds.isHeld(target)).toBe(false));
  });
});
