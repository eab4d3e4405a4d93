// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostDetailsPanel } from '@/components/PostDetailsPanel';
import { postDetails } from '@/lib/extract/postDetails';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import { form, testWorld } from '../fixtures';

// Saving goes through the page's services; here only what the form keeps while the store changes.
vi.mock('@/lib/browser/pageServices', () => ({ pageServices: vi.fn() }));
afterEach(cleanup);

let view: CaptureView;
beforeAll(async () => {
  const { fakeTabs } = await import('../fixtures');
  const world = await testWorld({
    tabs: fakeTabs({ page: { post: postDetails('x', { authorName: 'Pat' }, 'only-in-view') } }),
  });
  const { metadata } = await world.capture.captureTab(1, 'visible', form());
  view = (await world.evidence.getCapture(metadata.id))!;
});

const handle = () => screen.getByLabelText<HTMLInputElement>(/Author’s handle/);

describe('the post details form while the store changes', () => {
  it('keeps what is being typed when the list is read again for another capture (same capture, new object)', () => {
    const { rerender } = render(<PostDetailsPanel view={view} />);
    fireEvent.change(handle(), { target: { value: '@typed' } });
    rerender(<PostDetailsPanel view={structuredClone(view)} />);
    expect(handle().value).toBe('@typed');
  });

  it('shows the stored values again when this capture itself changed', () => {
    const { rerender } = render(<PostDetailsPanel view={view} />);
    fireEvent.change(handle(), { target: { value: '@typed' } });
    const corrected = structuredClone(view);
    corrected.current.post.authorHandle = '@saved';
    corrected.history.push({ ...view.history.at(-1)!, seq: view.history.at(-1)!.seq + 1, hash: 'f'.repeat(64) });
    rerender(<PostDetailsPanel view={corrected} />);
    expect(handle().value).toBe('@saved');
  });
});
