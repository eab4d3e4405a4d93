import { canonicalJson } from '../canonicalJson';
import { sha256Hex, type Sha256Hex } from '../hash';
import type { AuditContent, AuditEntry, ExportedAuditLine, WithheldAuditEntry } from './entry';

/** The chain starts from a hash of zeros, as a blockchain's genesis block does. */
export const GENESIS_HASH: Sha256Hex = '0'.repeat(64);

export function contentHashOf(content: AuditContent): Sha256Hex {
  const { seq, at, actor, event, salt } = content;
  return sha256Hex(canonicalJson(salt === undefined ? { seq, at, actor, event } : { seq, at, actor, event, salt }));
}

/** A new entry's salt: 32 random bytes, hex. */
export function newSalt(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function linkHash(prevHash: Sha256Hex, contentHash: Sha256Hex): Sha256Hex {
  return sha256Hex(`${prevHash}\n${contentHash}`);
}

/** Seals new content, salted, onto the entry before it (or onto genesis for the first entry). */
export function sealEntry(
  content: Omit<AuditContent, 'seq' | 'salt'>,
  previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
): AuditEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const full = { ...content, seq, salt: newSalt() };
  return { ...full, prevHash, hash: linkHash(prevHash, contentHashOf(full)) };
}

/**
 * Every break in a chain, in plain words: an entry whose content no longer matches its hash,
 * a missing or reordered entry, or a link that does not point at the entry before.
 */
export function findChainBreaks(lines: readonly ExportedAuditLine[]): string[] {
  const breaks: string[] = [];
  let expectedPrev = GENESIS_HASH;
  lines.forEach((line, index) => {
    const label = `audit entry ${line.seq}`;
    if (line.seq !== index + 1)
      breaks.push(`${label} is out of sequence (expected ${index + 1}): an entry is missing or reordered`);
    if (line.prevHash !== expectedPrev) breaks.push(`${label} does not link to the entry before it`);
    const contentHash = 'withheld' in line ? line.contentHash : contentHashOf(line);
    if (linkHash(line.prevHash, contentHash) !== line.hash)
      breaks.push(`${label} has been changed since it was recorded`);
    expectedPrev = line.hash;
  });
  return breaks;
}

export function withhold(entry: AuditEntry): WithheldAuditEntry {
  return {
    seq: entry.seq,
    withheld: true,
    contentHash: contentHashOf(entry),
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}
