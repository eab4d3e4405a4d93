import type { AuditEntry } from '../audit';
import { timestampOf } from './timestampWords';
import { describeMethod, imageArtefacts } from '../capture/artefacts';
import { referenceInitials, type CaptureMetadata } from '../capture/metadata';
import { describeCategory } from '../policy';
import { showInvisible } from '../visibleText';
import { foldedName } from './limits';
import { required } from '../required';

export interface DraftStatement {
  path: string;
  text: string;
}

const DRAFT_NOTICE =
  'DRAFT — prepared by Exhibit from the records of each capture, for the person named to check, correct and sign. It is not legal advice, and it is not a statement until they have made it their own.';

/**
 * A draft witness statement per capturer (issue #5): who they are, when and how they viewed and
 * captured each post, and the exhibits they produce. Plain text, one file per person.
 */
export function draftStatements(
  captures: readonly { metadata: CaptureMetadata; receivedFrom?: string; history?: readonly AuditEntry[] }[],
): DraftStatement[] {
  // One statement per person per installation: a capture received from another key is never drafted
  // into the statement of someone here, even one of the same name and email (issue #15).
  const byPerson = new Map<string, { receivedFrom?: string; own: CaptureMetadata[] }>();
  const stamps = new Map(captures.map((c) => [c.metadata.id, timestampOf(c.history ?? [])]));
  for (const { metadata, receivedFrom } of captures) {
    const key = `${receivedFrom ?? 'here'} ${metadata.capturedBy.email.toLowerCase()}`;
    const group = byPerson.get(key) ?? { receivedFrom, own: [] };
    group.own.push(metadata);
    byPerson.set(key, group);
  }
  // Two people can share initials and the part of their email before the @ (one of them received
  // from another school): each file name is made unique by construction, never left to chance.
  const taken = new Set<string>();
  const uniquePath = (stem: string) => {
    let path = `statements/${stem}-draft-statement.txt`;
    for (let n = 2; taken.has(foldedName(path)); n++) path = `statements/${stem}-${n}-draft-statement.txt`;
    taken.add(foldedName(path));
    return path;
  };
  return [...byPerson.values()].map(({ receivedFrom, own }) => {
    const sorted = [...own].sort((a, b) => a.capturedAtUtc.localeCompare(b.capturedAtUtc));
    // Every group holds at least the capture that made it.
    const person = required(sorted[0], 'a capture in each statement').capturedBy;
    const paragraphs = sorted.map((m, i) => {
      const images = imageArtefacts(m).map((a) => `${a.fileName} (${describeMethod(a)}, SHA-256 ${a.sha256})`);
      return [
        `${i + 2}. On ${m.capturedAtLocal} (${m.timeZone}; ${m.capturedAtUtc} UTC) I viewed the page at ${m.page.url}` +
          (m.page.title ? `, titled "${m.page.title}"` : '') +
          `, in ${m.environment.browserName} ${m.environment.browserVersion} on ${m.environment.os}.`,
        m.page.documentUrl
          ? `   The page's own code reported its address as ${m.page.documentUrl}; the address above is the one the browser showed for the tab.`
          : undefined,
        `   I used the Exhibit extension (version ${m.environment.extensionVersion}) to record it, under the category "${describeCategory(m.category)}".` +
          (m.reference ? ` I produce this as exhibit ${m.reference}.` : ''),
        `   The records made at that moment are: ${images.join('; ')}.`,
        m.note ? `   My note at the time: "${m.note}"` : undefined,
        stampSentence(stamps.get(m.id)),
      ]
        .filter(Boolean)
        .join('\n');
    });
    const references = sorted.map((m) => m.reference).filter(Boolean);
    const received = receivedFrom
      ? [
          `RECEIVED — these captures were received from the installation whose signing key is ${receivedFrom}, and are given here as its records give them. ${person.name} must check each against their own records before signing.`,
          '',
        ]
      : [];
    // Everything but the line breaks that could act instead of showing (a bidi override in a title or
    // note) is marked, so the person signing reads what is there (issue #15).
    const text = showInvisible(
      [
        DRAFT_NOTICE,
        '',
        ...received,
        `Draft witness statement of ${person.name}`,
        '',
        `1. I am ${person.name}, ${person.role} at ${person.school}. My work email address is ${person.email}.`,
        ...paragraphs,
        `${sorted.length + 2}. ${references.length ? `I produce the exhibits ${references.join(', ')}.` : 'The captures above are in the accompanying bundle.'} The bundle lists each file's SHA-256 in manifest.json and SHA256SUMS. Its cover sheet (cover.txt) gives the fingerprint of the key that signed it, the SHA-256 of its manifest.json and the time a trusted timestamp attests for it, if one does; I sign that sheet with this statement.`,
        '',
        'Signed: ............................................   Date: ....................',
        '',
      ].join('\n'),
      { keepLineBreaks: true },
    );
    const initials = referenceInitials(person.name);
    return {
      path: uniquePath(`${initials}-${(person.email.split('@')[0] ?? person.email).replace(/[^A-Za-z0-9._-]/g, '-')}`),
      text,
    };
  });
}

/** A capture's trusted timestamp in the words of its statement (issue #20). */
function stampSentence(stamp: ReturnType<typeof timestampOf>): string | undefined {
  return (
    stamp &&
    `   A trusted timestamp from ${stamp.tsa} attests that the record of this capture (SHA-256 ${stamp.metadataSha256}) existed at ${stamp.attestedAtUtc} UTC.`
  );
}
