import { describeEventNamingCapture, entryLabel, exhibitNames, type ExportedAuditLine } from '../audit';
import type { StaffMember } from '../capture/metadata';
import { stepById } from '../policy';
import { showInvisible } from '../visibleText';
import type { CaseView } from '../store/caseRepository';
import type { CaptureView } from '../store/evidenceRepository';
import { captureSection, sharedCaptureSection } from './reportExhibit';
import { subjectAccessSection } from './reportSubjectAccess';
import type { PersonData } from '../subjectAccess/pack';

export interface ReportCapture {
  view: CaptureView;
  folder: string;
  /** Its trusted timestamp's files in the bundle (issue #20), when it carries one. */
  timestampFiles?: { token: string; certificate: string };
}

export interface ReportInput {
  exportedAtUtc: string;
  exportedBy: StaffMember;
  generatorVersion: string;
  captures: readonly ReportCapture[];
  caseView?: CaseView;
  /** A share copy: redacted copies only, no originals, notes or post details (issue #5). */
  share?: boolean;
  /** Paths of presentation copies in the bundle; the report shows those in place of the originals. */
  presentationCopies?: ReadonlySet<string>;
  /** The bundle's audit.jsonl: entries about its captures in full, others withheld to their hashes. */
  auditLines?: readonly ExportedAuditLine[];
  /** Fingerprint of the key that signs this bundle's manifest (manifest.digest.json). */
  keyFingerprint: string;
  auditHeadHash: string;
  /** A subject access pack's data (issue #18): shown after the cover. */
  subjectAccess?: PersonData;
  /** The certificates named for the school's time-stamp authorities (issue #20), when the export is stamped. */
  timestampAuthorities?: readonly string[];
}

/** One row of a label/value list; `remark` is said after the value, in italics. */
export interface Field {
  label: string;
  value: string;
  /** A hash, id or address: set in a fixed-width face and free to break anywhere. */
  code?: boolean;
  /** The value is a statement about the value (e.g. "not found on the page"), not the value itself. */
  absent?: boolean;
  /** Free text from a person or a page: line breaks kept. */
  prose?: boolean;
  remark?: string;
}

export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'policy' | 'warning' }
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: string[]; rows: string[][]; code?: number[] }
  | { kind: 'figure'; path: string; alt: string; caption: string };

export interface ReportSection {
  kind: 'cover' | 'case' | 'capture' | 'audit' | 'subject-access';
  blocks: Block[];
}

/** The report as content (issue #5): what report.html and report.pdf both show, in the same words. */
export interface ReportDocument {
  title: string;
  school: string;
  sections: ReportSection[];
}

export const HOW_TO_CHECK =
  'How to check this bundle: every file is listed with its SHA-256 in manifest.json and in SHA256SUMS (run “sha256sum -c SHA256SUMS” in the unzipped folder, open verify.html from the unzipped folder in any browser, or use Exhibit’s “npm run verify” on the zip or the folder). Any changed, missing or added file makes the check fail; files an operating system leaves in a folder it shows (.DS_Store, Thumbs.db) are named and set aside. manifest.digest.json holds the manifest’s SHA-256 and an ECDSA P-256 signature over it by the key above.';

/**
 * The export's trusted timestamp is made after this report (it is over the manifest, which lists the
 * report): so the report says where it is and how to check it; the verifier states the attested time
 * with the key's fingerprint and the manifest's SHA-256.
 */
function exportTimestampWords(authorities: readonly string[]): string {
  return `Trusted timestamp of the export: manifest.timestamp.tsr, when present, is a time-stamp authority’s token over manifest.json, made as the bundle was saved. Every checker above states the time it attests beside the key’s fingerprint and the manifest’s SHA-256; to check it without Exhibit: openssl ts -verify -data manifest.json -in manifest.timestamp.tsr -token_in -CAfile ${authorities[0] ?? ''} (the certificate of the authority that answered: ${authorities.join(', ')}). It does not depend on the signing key, so it holds if that key is later replaced.`;
}

export const SHARE_NOTICE =
  'SHARE COPY — NOT THE FULL EVIDENCE. This bundle holds redacted copies only: the original screenshots, page text and page source, the notes and the post details were left out and stay with the school. Each original is named below with its SHA-256, so it can be matched with the school’s full bundle.';

export function reportDocument(input: ReportInput): ReportDocument {
  const cover: ReportSection = {
    kind: 'cover',
    blocks: [
      ...(input.share ? [{ kind: 'paragraph', tone: 'warning', text: SHARE_NOTICE } as const] : []),
      {
        kind: 'fields',
        fields: [
          ...(input.share
            ? [{ label: 'Contents', value: 'Share copy: redacted copies only, originals left out' }]
            : []),
          ...(input.subjectAccess
            ? [
                {
                  label: 'Subject access request',
                  value: `${input.subjectAccess.person}: received ${input.subjectAccess.requestReceivedOn}, reply due by ${input.subjectAccess.responseDueOn}`,
                },
              ]
            : []),
          {
            label: 'Exported by',
            value: `${input.exportedBy.name}, ${input.exportedBy.role} (${input.exportedBy.email})`,
          },
          { label: 'Exported at (UTC)', value: input.exportedAtUtc },
          {
            label: 'Case',
            value: input.caseView ? input.caseView.details.title : 'none (captures exported on their own)',
          },
          { label: 'Captures', value: String(input.captures.length) },
          { label: 'Audit log head', value: input.auditHeadHash, code: true },
          {
            label: 'Signing key fingerprint',
            value: input.keyFingerprint,
            code: true,
            remark: '(the school can check it against Exhibit’s options)',
          },
          { label: 'Made with', value: `Exhibit ${input.generatorVersion}` },
        ],
      },
      { kind: 'paragraph', text: HOW_TO_CHECK },
      ...(input.timestampAuthorities?.length
        ? [{ kind: 'paragraph', text: exportTimestampWords(input.timestampAuthorities) } as const]
        : []),
    ],
  };
  const nameOf = exhibitNames(input.captures.map((capture) => capture.view));
  return withInvisibleShown({
    title: `Evidence report — ${input.exportedBy.school}`,
    school: input.exportedBy.school,
    sections: [
      cover,
      ...(input.subjectAccess ? [subjectAccessSection(input.subjectAccess)] : []),
      ...(input.caseView ? [caseSection(input.caseView, nameOf)] : []),
      ...input.captures.map((capture, index) =>
        input.share ? sharedCaptureSection(capture, index + 1) : captureSection(capture, index + 1, input),
      ),
      ...(input.auditLines?.length ? [auditSection(input.auditLines, nameOf)] : []),
    ],
  });
}

/**
 * Every string the report shows with control, bidi and invisible characters made visible (issue
 * #15): a post, a note or a received bundle's names can carry a right-to-left override or a
 * zero-width character that makes the report read differently from what is stored. report.html and
 * report.pdf are both drawn from this document, so both show the same marks. Line breaks stay where
 * text is free prose (notes, post text, outcomes), and are marked in one-line values.
 */
function withInvisibleShown(document: ReportDocument): ReportDocument {
  const line = (text: string) => showInvisible(text);
  const prose = (text: string) => showInvisible(text, { keepLineBreaks: true });
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'heading':
        return { ...b, text: line(b.text) };
      case 'paragraph':
        return { ...b, text: prose(b.text) };
      case 'fields':
        return {
          ...b,
          fields: b.fields.map((f) => ({
            ...f,
            label: line(f.label),
            value: f.prose ? prose(f.value) : line(f.value),
            remark: f.remark === undefined ? undefined : f.prose ? prose(f.remark) : line(f.remark),
          })),
        };
      case 'list':
        return { ...b, items: b.items.map(prose) };
      case 'table':
        return { ...b, columns: b.columns.map(line), rows: b.rows.map((row) => row.map(prose)) };
      case 'figure':
        return { ...b, alt: line(b.alt), caption: line(b.caption) };
    }
  };
  return {
    title: line(document.title),
    school: line(document.school),
    sections: document.sections.map((s) => ({ ...s, blocks: s.blocks.map(block) })),
  };
}

/** A case's summary, its actions and its chronology (issue #4). */
function caseSection(view: CaseView, nameOf: (captureId: string) => string | undefined): ReportSection {
  const d = view.details;
  const action = ({ current: a, history }: CaseView['actions'][number]) =>
    [
      a.outcome,
      a.reference ? ` (ref. ${a.reference})` : '',
      a.police
        ? ` Police: ${[a.police.force, a.police.crimeReference, a.police.officer].filter(Boolean).join(', ')}`
        : '',
      ...a.attachments.map((f) => ` Attachment ${f.fileName}, SHA-256 ${f.sha256}.`),
      history.length > 1 ? ` (corrected; ${history.map(entryLabel).join(', ')})` : '',
    ].join('');
  return {
    kind: 'case',
    blocks: [
      { kind: 'heading', level: 2, text: `Case: ${d.title}` },
      {
        kind: 'fields',
        fields: [
          { label: 'Status', value: view.status },
          { label: 'Opened (UTC)', value: view.openedAtUtc },
          {
            label: 'Person posting',
            value: [d.personPosting.name, d.personPosting.relationship].filter(Boolean).join(', ') || '—',
          },
          {
            label: 'Profiles',
            value: d.personPosting.profileUrls.join(' ') || '—',
            code: d.personPosting.profileUrls.length > 0,
          },
          { label: 'Affected', value: d.affected || '—' },
          { label: 'Owner', value: d.owner },
        ],
      },
      { kind: 'heading', level: 3, text: 'Actions' },
      view.actions.length === 0
        ? { kind: 'paragraph', text: 'None recorded.' }
        : {
            kind: 'table',
            columns: ['Step', 'Date', 'Who', 'Outcome and references'],
            rows: view.actions.map((a) => [stepById(a.current.step).label, a.current.date, a.current.who, action(a)]),
          },
      { kind: 'heading', level: 3, text: 'Chronology' },
      {
        kind: 'list',
        items: view.chronology.map(
          (entry) =>
            `${entry.at} — ${entry.actor.name}: ${describeEventNamingCapture(entry.event, nameOf)} (${entryLabel(entry)})`,
        ),
      },
    ],
  };
}

function auditSection(
  lines: readonly ExportedAuditLine[],
  nameOf: (captureId: string) => string | undefined,
): ReportSection {
  const items: string[] = [];
  let withheld: number[] = [];
  const flush = () => {
    if (withheld.length)
      items.push(
        `Entries ${withheld[0]}–${withheld.at(-1)}: withheld (about other matters); their hashes are in audit.jsonl, so the chain can still be checked.`.replace(
          /^Entries (\d+)–\1:/,
          'Entry $1:',
        ),
      );
    withheld = [];
  };
  for (const line of lines) {
    if ('withheld' in line) withheld.push(line.seq);
    else {
      flush();
      items.push(
        `Entry ${line.seq}, ${line.at} — ${line.actor.name}: ${describeEventNamingCapture(line.event, nameOf)} (hash ${line.hash.slice(0, 16)}…)`,
      );
    }
  }
  flush();
  return {
    kind: 'audit',
    blocks: [
      { kind: 'heading', level: 2, text: 'Audit trail' },
      {
        kind: 'paragraph',
        text: 'Every entry is chained to the one before by its SHA-256 (audit.jsonl); the last entry’s hash is the audit log head on the cover.',
      },
      { kind: 'list', items },
    ],
  };
}
