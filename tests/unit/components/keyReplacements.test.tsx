// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyReplacements } from '@/components/KeyReplacements';
import { readableFingerprint } from '@/lib/bundle/signing';

afterEach(cleanup);

describe('a replaced signing key', () => {
  it('is said with when, why, and the old and new fingerprints in groups of four', () => {
    const [oldKey, newKey] = ['a'.repeat(64), 'b'.repeat(64)];
    render(
      <KeyReplacements
        replacements={[
          {
            atUtc: '2026-12-06T10:00:00.000Z',
            oldFingerprint: oldKey,
            newFingerprint: newKey,
            reason: 'the stored private key could not be read',
          },
        ]}
      />,
    );
    const text = screen.getByTestId('key-replaced').textContent;
    expect(text).toContain(
      'On 2026-12-06 (2026-12-06T10:00:00.000Z UTC) Exhibit made a new signing key, because the stored private key could not be read.',
    );
    expect(text).toContain(
      `signed with ${readableFingerprint(oldKey)}; from then on with ${readableFingerprint(newKey)}`,
    );
  });

  it('says nothing when the key was never replaced', () => {
    const { container } = render(<KeyReplacements replacements={[]} />);
    expect(container.textContent).toBe('');
  });
});
