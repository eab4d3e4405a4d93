// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaptureDetail } from '@/components/CaptureDetail';
import { CaptureList } from '@/components/CaptureList';
import { postDetails } from '@/lib/extract/postDetails';
import { createCaseRepository } from '@/lib/store';
import { form, testWorld } from '../fixtures';

// The dashboard's pieces read images and cases through the page's services: here, a test store's.
const services = vi.hoisted((): { current: unknown } => ({ current: undefined }));
vi.mock('@/lib/browser/pageServices', () => ({ pageServices: () => services.current }));
afterEach(cleanup);

// A title that reverses what follows it, a zero-width joiner, and a terminal escape: each must be seen, not obeyed.
const TITLE = 'Invoice \u202egnp.exe\u200d\u001b[2J';
const SHOWN_TITLE = 'Invoice ⟨U+202E⟩gnp.exe⟨U+200D⟩⟨U+001B⟩[2J';

async function hostileCapture() {
  const { fakeTabs } = await import('../fixtures');
  const world = await testWorld({
    tabs: fakeTabs({
      page: { title: TITLE, selectedText: 'one\ntwo\u2066', post: postDetails('x', { authorName: 'Pat\u200bSmith' }) },
    }),
  });
  services.current = {
    evidence: world.evidence,
    cases: createCaseRepository(world.db, world.clock),
    redactions: { getCopy: async () => undefined },
  };
  const { metadata } = await world.capture.captureTab(1, 'visible', form({ note: 'first\u202e' }));
  return { view: (await world.evidence.getCapture(metadata.id))!, row: (await world.db.captures.get(metadata.id))! };
}

describe('the dashboard shows what cannot be seen', () => {
  it('in the capture list: the title is marked in the text and in the control’s name', async () => {
    const { row } = await hostileCapture();
    render(
      <CaptureList
        captures={[row]}
        more={false}
        filtered={false}
        onShowMore={() => undefined}
        selected={new Set()}
        onToggle={() => undefined}
        onToggleAll={() => undefined}
        onOpen={() => undefined}
      />,
    );
    expect(screen.getByRole('button', { name: `Open capture of ${SHOWN_TITLE}` }).textContent).toBe(SHOWN_TITLE);
  });

  it('in the capture’s details: heading, recorded fields (line breaks kept in free text) and post details', async () => {
    const { view } = await hostileCapture();
    const { container } = render(<CaptureDetail view={view} onClose={() => undefined} />);
    expect(screen.getByRole('heading', { level: 2, name: `JS/1: ${SHOWN_TITLE}` })).toBeTruthy();
    const field = (label: string) =>
      [...container.querySelectorAll('dt')].find((dt) => dt.textContent === label)?.nextElementSibling?.textContent;
    expect(field('Page title')).toBe(SHOWN_TITLE);
    expect(field('Selected text')).toBe('one\ntwo⟨U+2066⟩');
    expect(field('Note at capture')).toBe('first⟨U+202E⟩');
    expect(screen.getByTestId('post-authorName-invisible').textContent).toBe(
      'Holds characters that do not show: Pat⟨U+200B⟩Smith',
    );
    expect(screen.getByTestId('note-invisible').textContent).toBe('Holds characters that do not show: first⟨U+202E⟩');
    // Only the editable fields hold the characters themselves, so a correction starts from what is stored.
    const fields = [...container.querySelectorAll('input, textarea')];
    for (const field of fields) field.remove();
    expect(container.textContent).not.toMatch(/[\u202e\u200b\u200d\u2066\u001b]/);
  });
});
