import { gapWords, opensslCheck, timestampOf } from './timestampWords';
import { isDerived, valueSourceWords } from '../extract/valueSource';
import {
  describeEvent,
  exportableRedactions,
  entryLabel,
  shownReference,
  type AuditEntry,
  type Redaction,
} from '../audit';
import { describeMethod, imageArtefacts } from '../capture/artefacts';
import type { CaptureMetadata } from '../capture/metadata';
import {
  POST_FIELDS,
  POST_FIELD_LABELS,
  UNCLEAR_POST_WORDS,
  postSourceWords,
  type PostDetails,
} from '../extract/postDetails';
import { categoryById, describeCategory } from '../policy';
import type { CaptureView } from '../store/evidenceRepository';
import { presentationCopyName, shownImageName } from '../derived/derivedImages';
import type { Block, Field, ReportCapture, ReportInput, ReportSection } from './reportDocument';

// One section of the report per exhibit (issue #5): its reference, images, category and policy
// wording, address, post details, capture facts, hashes and edits; or, in a share copy, only what
// may be shared.

export function captureSection(
  { view, folder, timestampFiles }: ReportCapture,
  number: number,
  input: Pick<ReportInput, 'presentationCopies'>,
): ReportSection {
  const m = view.metadata;
  const edits = view.history.filter((entry) => entry.event.action === 'capture.edited');
  const redactions = exportableRedactions(view.history);
  const fields: Field[] = [
    { label: 'Page address', value: m.page.url, code: true },
    ...documentAddressField(m),
    { label: 'Page title', value: m.page.title },
    { label: 'Captured (UTC)', value: m.capturedAtUtc },
    { label: 'Captured (local)', value: `${m.capturedAtLocal} (${m.timeZone}, UTC${m.utcOffset})` },
    {
      label: 'Captured by',
      value: `${m.capturedBy.name}, ${m.capturedBy.role} (${m.capturedBy.email}), ${m.capturedBy.school}`,
    },
    ...(m.author.name ? [{ label: 'Post author', value: m.author.name }] : []),
    ...(m.author.profileUrl ? [{ label: 'Author profile', value: m.author.profileUrl, code: true }] : []),
    { label: 'Note', value: view.current.note || '—', prose: true },
    ...(m.page.selectedText ? [{ label: 'Selected text', value: m.page.selectedText, prose: true }] : []),
    { label: 'Page source', value: pageSourceLabel(m) },
    {
      label: 'Captured',
      value: `${MODE_WORDS[m.mode ?? 'visible']}; viewport ${m.page.viewport.width} × ${m.page.viewport.height} CSS px at device pixel ratio ${m.page.devicePixelRatio}`,
    },
    {
      label: 'Browser',
      value: `${m.environment.browserName} ${m.environment.browserVersion} on ${m.environment.os}; Exhibit ${m.environment.extensionVersion}`,
    },
    { label: 'Capture id', value: m.id, code: true },
    ...timestampFields(view, timestampFiles),
    ...(view.receivedFrom
      ? [
          {
            label: 'Received from',
            value: `the installation whose signing key is ${view.receivedFrom}; its details are as that installation recorded them`,
            code: false,
          },
        ]
      : []),
  ];
  const figures: Block[] = imageArtefacts(m).map((image, i) => {
    const shown = shownImageName(
      image.fileName,
      i,
      input.presentationCopies?.has(`${folder}/${presentationCopyName(image.fileName)}`) ?? false,
    );
    const label =
      shown === image.fileName
        ? ''
        : ` Shown as the presentation copy ${shown} (caption added beneath; not the original). The original is ${image.fileName}.`;
    return {
      kind: 'figure',
      path: `${folder}/${shown}`,
      alt: `${image.fileName} for capture ${number}`,
      caption: `${folder}/${image.fileName}: ${describeMethod(image)}${image.note ? `. ${image.note}` : ''}.${label}`,
    };
  });
  return {
    kind: 'capture',
    blocks: [
      {
        kind: 'heading',
        level: 2,
        text: `${m.reference ? `Exhibit ${shownReference(m.reference, view.receivedFrom)}` : `Capture ${number}`}: ${describeCategory(view.current.category)}`,
      },
      { kind: 'paragraph', tone: 'policy', text: `Policy: “${categoryById(view.current.category.id).policyWording}”` },
      { kind: 'fields', fields },
      ...(m.post ? postDetailsBlocks(m.post, view.current.post) : []),
      ...(m.pageSourceError ? [{ kind: 'paragraph', tone: 'warning', text: m.pageSourceError } as const] : []),
      ...(edits.length > 0 ? editHistory(m, edits) : []),
      ...figures,
      ...redactions.map((r) =>
        redactionFigure(r, folder, number, `The original ${r.image} is unaltered in this bundle.`),
      ),
      {
        kind: 'table',
        columns: ['File', 'Bytes', 'SHA-256'],
        rows: [
          ...m.artefacts.map((a) => [`${folder}/${a.fileName}`, String(a.bytes), a.sha256]),
          ...redactions.map((r) => [
            `${folder}/${r.copy.fileName} (redacted copy)`,
            String(r.copy.bytes),
            r.copy.sha256,
          ]),
        ],
        code: [2],
      },
    ],
  };
}

/** Its trusted timestamp (issue #20): who attests what time, and how to check it without Exhibit. */
function timestampFields(view: CaptureView, files: ReportCapture['timestampFiles']): Field[] {
  const stamp = timestampOf(view.history);
  if (!stamp) return [];
  return [
    {
      label: 'Trusted timestamp',
      value: `${stamp.tsa} attests ${stamp.attestedAtUtc} (UTC)`,
      remark: `(${gapWords(view.metadata.capturedAtUtc, stamp.attestedAtUtc)}; over the SHA-256 of this capture’s record, ${stamp.metadataSha256})`,
    },
    ...(files
      ? [
          {
            label: 'Check the timestamp',
            value: opensslCheck(stamp.metadataSha256, files.token, files.certificate),
            code: true,
          },
        ]
      : []),
  ];
}

function redactionFigure(r: Redaction, folder: string, number: number, whereTheOriginalIs: string): Block {
  return {
    kind: 'figure',
    path: `${folder}/${r.copy.fileName}`,
    alt: `${r.copy.fileName} for capture ${number}`,
    caption: `${folder}/${r.copy.fileName}: a redacted copy of ${r.image}, NOT the original: ${r.boxes.length} area(s) blacked out by ${r.entry.actor.name} at ${r.entry.at} (${entryLabel(r.entry)}). ${whereTheOriginalIs}`,
  };
}

/** A capture in a share copy: what it is and when, its redacted copies, and its originals by hash only. */
export function sharedCaptureSection({ view, folder }: ReportCapture, number: number): ReportSection {
  const m = view.metadata;
  const redactions = exportableRedactions(view.history);
  return {
    kind: 'capture',
    blocks: [
      {
        kind: 'heading',
        level: 2,
        text: `${m.reference ? `Exhibit ${shownReference(m.reference, view.receivedFrom)}` : `Capture ${number}`}: ${describeCategory(view.current.category)} (share copy)`,
      },
      { kind: 'paragraph', tone: 'policy', text: `Policy: “${categoryById(view.current.category.id).policyWording}”` },
      {
        kind: 'fields',
        fields: [
          { label: 'Page address', value: m.page.url, code: true },
          { label: 'Captured (UTC)', value: m.capturedAtUtc },
          { label: 'Captured by', value: `${m.capturedBy.name}, ${m.capturedBy.role}, ${m.capturedBy.school}` },
          { label: 'Capture id', value: m.id, code: true },
        ],
      },
      ...(redactions.length === 0
        ? [
            {
              kind: 'paragraph',
              tone: 'warning',
              text: 'No redacted copy was made of this capture, so no image of it is shared.',
            } as const,
          ]
        : []),
      ...redactions.map((r) => redactionFigure(r, folder, number, 'The original is not in this share copy.')),
      {
        kind: 'table',
        columns: ['File', 'Bytes', 'SHA-256'],
        rows: [
          ...redactions.map((r) => [
            `${folder}/${r.copy.fileName} (redacted copy, in this bundle)`,
            String(r.copy.bytes),
            r.copy.sha256,
          ]),
          ...m.artefacts.map((a) => [`${a.fileName} (original, left out)`, String(a.bytes), a.sha256]),
        ],
        code: [2],
      },
    ],
  };
}

/** The audit trail as the bundle carries it, in plain words; withheld entries said as runs. */
function postDetailsBlocks(extracted: PostDetails, current: CaptureView['current']['post']): Block[] {
  const fields = POST_FIELDS.map((key): Field => {
    const value = current[key] ?? null;
    const corrected = value !== (extracted[key] ?? null);
    const source = extracted.sources?.[key];
    const remarks = [
      source && `(${isDerived(source) ? '' : 'from '}${valueSourceWords(source)})`,
      corrected && `(corrected; the page showed “${extracted[key] ?? 'nothing'}”)`,
    ].filter(Boolean);
    return {
      label: POST_FIELD_LABELS[key],
      value:
        value ??
        (extracted.foundBy === 'unclear'
          ? 'not taken: several posts, none picked on its own'
          : 'not found on the page'),
      absent: value === null,
      prose: key === 'text',
      remark: remarks.length > 0 ? remarks.join(' ') : undefined,
    };
  });
  return [
    { kind: 'heading', level: 3, text: `Post details (read from ${postSourceWords(extracted)})` },
    ...(extracted.foundBy === 'unclear' ? [{ kind: 'paragraph', text: UNCLEAR_POST_WORDS } as const] : []),
    { kind: 'fields', fields },
  ];
}

function editHistory(original: CaptureMetadata, edits: readonly AuditEntry[]): Block[] {
  return [
    { kind: 'heading', level: 3, text: 'Edits after capture' },
    {
      kind: 'paragraph',
      text: `Recorded at capture: category “${describeCategory(original.category)}”, note “${original.note}”.`,
    },
    {
      kind: 'list',
      items: edits.map(
        (entry) => `${entry.at} — ${entry.actor.name} ${describeEvent(entry.event)} (${entryLabel(entry)})`,
      ),
    },
  ];
}

/** The address the page's own code gave, when it was not the browser's (schemaVersion 3). */
export function documentAddressField(m: CaptureMetadata): Field[] {
  return m.page.documentUrl
    ? [
        {
          label: 'Address the page gave itself',
          value: m.page.documentUrl,
          code: true,
          remark: DOCUMENT_ADDRESS_REMARK,
        },
      ]
    : [];
}

export const DOCUMENT_ADDRESS_REMARK =
  '(not the address the browser showed for the tab, which is the page address above; the page’s own code reported this one)';

const MODE_WORDS = {
  visible: 'the visible area of the tab',
  element: 'one element of the page (“This post”), with the visible area as context',
  'full-page': 'the whole page',
} as const;

function pageSourceLabel(m: CaptureMetadata): string {
  const source = m.artefacts.find((a) => a.kind === 'page-source');
  if (!source) return 'not kept';
  return source.method === 'pageCapture.saveAsMHTML'
    ? `${source.fileName} (MHTML saved by the browser)`
    : `${source.fileName} (the page’s DOM serialised at capture)`;
}
