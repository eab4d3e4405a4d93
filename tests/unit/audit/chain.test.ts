import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, findChainBreaks, sealEntry, withhold, type AuditEntry } from '@/lib/audit';

const actor = { name: 'Jo Smith', email: 'jo@example.org' };
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < length; i++) {
    entries.push(
      sealEntry(
        {
          at: `2026-06-01T09:00:0${i}.000Z`,
          actor,
          event: { action: 'capture.created', captureId: id(i), metadataSha256: 'a'.repeat(64) },
        },
        entries.at(-1),
      ),
    );
  }
  return entries;
}

describe('audit chain', () => {
  it('links each entry to the one before, from genesis', () => {
    const entries = chain(3);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(findChainBreaks(entries)).toEqual([]);
  });

  it('detects a changed entry', () => {
    const entries = chain(3);
    entries[1] = { ...entries[1]!, actor: { ...actor, name: 'Someone else' } };
    expect(findChainBreaks(entries)).toEqual(['audit entry 2 has been changed since it was recorded']);
  });

  it('detects a removed entry', () => {
    const entries = chain(3);
    entries.splice(1, 1);
    const breaks = findChainBreaks(entries);
    expect(breaks).toContain('audit entry 3 is out of sequence (expected 2): an entry is missing or reordered');
    expect(breaks).toContain('audit entry 3 does not link to the entry before it');
  });

  it('detects an entry re-hashed after a change (the next link breaks)', () => {
    const entries = chain(3);
    const forged = sealEntry(
      {
        at: entries[1]!.at,
        actor,
        event: { action: 'capture.created', captureId: id(9), metadataSha256: 'b'.repeat(64) },
      },
      entries[0],
    );
    entries[1] = forged;
    expect(findChainBreaks(entries)).toEqual(['audit entry 3 does not link to the entry before it']);
  });

  it('still verifies with withheld entries, and detects a changed withheld hash', () => {
    const entries = chain(3);
    const exported = [withhold(entries[0]!), entries[1]!, withhold(entries[2]!)];
    expect(findChainBreaks(exported)).toEqual([]);
    const tampered = [{ ...withhold(entries[0]!), contentHash: 'c'.repeat(64) }, entries[1]!];
    expect(findChainBreaks(tampered)).toContain('audit entry 1 has been changed since it was recorded');
  });
});
