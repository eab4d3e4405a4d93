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

describe('where each value came from (issue #19)', () => {
  it('says it under the field, a derived value as derived, and describes the field by it', async () => {
    const { fakeTabs } = await import('../fixtures');
    const post = postDetails('x', {
      authorHandle: { value: '@pat', source: { kind: 'text', element: 'span' } },
      postedAtIso: { value: '2026-06-02T19:45:10.123Z', source: { kind: 'post-id', derivation: 'from the status id' } },
    });
    const world = await testWorld({ tabs: fakeTabs({ page: { post } }) });
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    render(<PostDetailsPanel view={(await world.evidence.getCapture(metadata.id))!} />);
    const description = (field: HTMLElement) =>
      document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(description(handle())).toBe('From: the text of span');
    const time = screen.getByLabelText<HTMLInputElement>(/Posted \(machine-readable\)/);
    expect(description(time)).toBe('Derived: not shown on the page: from the status id');
    expect(screen.getByLabelText(/Post text/).hasAttribute('aria-describedby')).toBe(false);
  });
});
