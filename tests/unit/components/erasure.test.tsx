// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErasureForm } from '@/components/ErasureForm';
import { createErasure, createLegalHolds } from '@/lib/store';
import { STAFF, form, testWorld } from '../fixtures';

const services = vi.hoisted((): { current: unknown } => ({ current: undefined }));
vi.mock('@/lib/browser/pageServices', () => ({ pageServices: () => services.current }));
afterEach(cleanup);

async function world() {
  const w = await testWorld();
  services.current = { erasure: createErasure(w.db, w.clock), currentActor: async () => STAFF };
  const { metadata } = await w.capture.captureTab(1, 'visible', form({ note: 'Posted <script>alert(1)</script>' }));
  return { ...w, metadata, holds: createLegalHolds(w.db, w.clock) };
}

function openDetails(container: HTMLElement) {
  const details = container.querySelector('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

describe('the erasure form (issue #18)', () => {
  it('says what goes and what stays, and erases only with a reason and the reference typed', async () => {
    const { db, metadata } = await world();
    const onErased = vi.fn();
    const { container } = render(
      <ErasureForm target={{ captureId: metadata.id }} what="this capture" onErased={onErased} />,
    );
    expect(await db.captures.count()).toBe(1);
    openDetails(container);
    await screen.findByRole('form', { name: 'Erase this capture' });
    const plan = container.querySelector('.erasure-plan')!.textContent;
    // (happy-dom's Blobs lose their size in fake-indexeddb, so the sizes are not checked here.)
    expect(plan).toMatch(/4 file\(s\), [^:]+: screenshots, page text and source, thumbnails/);
    expect(plan).toContain('the content of 1 audit log entry (their hashes stay');
    expect(plan).toContain('Bundles already exported and kept elsewhere are not affected');

    fireEvent.change(screen.getByLabelText('Why it is erased'), { target: { value: 'Retention period over' } });
    fireEvent.change(screen.getByLabelText(`Type ${metadata.reference} to confirm`), { target: { value: 'JS/2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Erase for good' }));
    await screen.findByText(`Type “${metadata.reference}” exactly to confirm the erasure.`);
    expect(await db.captures.count()).toBe(1);

    fireEvent.change(screen.getByLabelText(`Type ${metadata.reference} to confirm`), {
      target: { value: metadata.reference },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Erase for good' }));
    await screen.findByRole('status');
    expect(onErased).toHaveBeenCalledOnce();
    expect(await db.captures.count()).toBe(0);
  });

  it('shows a hold instead of the form', async () => {
    const { metadata, holds } = await world();
    await holds.place({ captureId: metadata.id }, 'Police referral', STAFF);
    const { container } = render(<ErasureForm target={{ captureId: metadata.id }} what="this capture" />);
    openDetails(container);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This capture is on legal hold: it cannot be erased until the hold is released.',
    );
    expect(screen.queryByRole('button', { name: 'Erase for good' })).toBeNull();
  });
});
