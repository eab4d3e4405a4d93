import type { SyntheticEvent } from 'react';
import { ArtefactImage } from './ArtefactImage';
import { CategoryField } from './CategoryField';
import { ErrorMessage } from './ErrorMessage';
import { InvisibleCharacters } from './InvisibleCharacters';
import { CaptureCaseField } from './CaptureCaseField';
import { PostDetailsPanel } from './PostDetailsPanel';
import { RedactionEditor } from './RedactionEditor';
import { LegalHoldField } from './LegalHoldField';
import { ErasureForm } from './ErasureForm';
import { TimestampStatus } from './TimestampStatus';
import { useResettableState } from './useResettableState';
import { describeEvent, entryLabel, shownReference } from '@/lib/audit';
import { DOCUMENT_ADDRESS_REMARK } from '@/lib/bundle/reportExhibit';
import { readableFingerprint } from '@/lib/bundle/signing';
import { describeMethod, imageArtefacts } from '@/lib/capture/artefacts';
import { pageServices } from '@/lib/browser/pageServices';
import { CategoryChoiceSchema, describeCategory, type CategoryChoice } from '@/lib/policy';
import { revisionOf, type CaptureView } from '@/lib/store/evidenceRepository';
import { heldSinceOf } from '@/lib/store/captureSummary';
import { showInvisible } from '@/lib/visibleText';
import { useAction } from './useAction';

// Values from the page, the sender or a person, shown with invisible characters marked (issue #15);
// line breaks kept only in free text.
const PROSE_ROWS = new Set(['Selected text', 'Note at capture']);

/** One capture: the full image, everything recorded, an edit form and the audit history. */
export function CaptureDetail({
  view,
  onClose,
  onErased = onClose,
}: {
  view: CaptureView;
  onClose: () => void;
  /** After the capture is erased (issue #18): the page it was on is gone. */
  onErased?: () => void;
}) {
  const m = view.metadata;
  const { error, run } = useAction();
  // Follows the view's content, not its identity: a list read again for another capture keeps what is typed.
  const revision = revisionOf(view);
  const [note, setNote] = useResettableState(view.current.note, revision);
  const [category, setCategory] = useResettableState<CategoryChoice | undefined>(view.current.category, revision);

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    await run(async () => {
      const parsed = CategoryChoiceSchema.safeParse(category);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Choose a category.');
      await pageServices().editAsCurrentUser(m.id, [
        { field: 'note', to: note },
        { field: 'category', to: parsed.data },
      ]);
    });
  }

  const rows: [string, string][] = [
    ['Page address', m.page.url],
    ...(m.page.documentUrl
      ? [['Address the page gave itself', `${m.page.documentUrl} ${DOCUMENT_ADDRESS_REMARK}`] as [string, string]]
      : []),
    ['Page title', m.page.title],
    ['Captured (UTC)', m.capturedAtUtc],
    ['Captured (local)', `${m.capturedAtLocal} (${m.timeZone})`],
    ['Captured by', `${m.capturedBy.name}, ${m.capturedBy.role} (${m.capturedBy.email}), ${m.capturedBy.school}`],
    ['Post author', [m.author.name, m.author.profileUrl].filter(Boolean).join(' — ') || '—'],
    ['Selected text', m.page.selectedText || '—'],
    [
      'Viewport',
      `${m.page.viewport.width} × ${m.page.viewport.height} CSS px at device pixel ratio ${m.page.devicePixelRatio}`,
    ],
    [
      'Browser',
      `${m.environment.browserName} ${m.environment.browserVersion} on ${m.environment.os}; Exhibit ${m.environment.extensionVersion}`,
    ],
    ['Category at capture', describeCategory(m.category)],
    ['Note at capture', m.note || '—'],
  ];
  return (
    <section className="detail" aria-labelledby="detail-heading">
      <div className="row">
        <h2 id="detail-heading">
          {m.reference ? `${shownReference(m.reference, view.receivedFrom)}: ` : ''}
          {showInvisible(m.page.title || m.page.url)}
        </h2>
        <button className="secondary" onClick={onClose}>
          Back to list
        </button>
      </div>
      {view.receivedFrom && (
        <p className="warning" data-testid="received-from">
          Received in a bundle from the installation whose signing key is{' '}
          <code>{readableFingerprint(view.receivedFrom)}</code>. Its details are as the sender recorded them; this
          installation did not capture it.
        </p>
      )}
      {imageArtefacts(m).map((image) => (
        <figure key={image.fileName}>
          <ArtefactImage
            captureId={m.id}
            fileName={image.fileName}
            alt={`${image.fileName} of ${m.page.url}`}
            className="capture-image"
          />
          <figcaption className="help">
            {image.fileName}: {describeMethod(image)}
            {image.note && `. ${image.note}`}
          </figcaption>
        </figure>
      ))}
      <TimestampStatus captureId={m.id} capturedAtUtc={m.capturedAtUtc} />
      <dl className="metadata">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{showInvisible(v, { keepLineBreaks: PROSE_ROWS.has(k) })}</dd>
          </div>
        ))}
        {m.artefacts.map((a) => (
          <div key={a.kind}>
            <dt>SHA-256 of {a.fileName}</dt>
            <dd className="hash">{a.sha256}</dd>
          </div>
        ))}
      </dl>
      {/* Each screenshot gets its own redacted copy: the post and the page around it may both name a child. */}
      {imageArtefacts(m)
        .filter((image) => image.kind !== 'rendered')
        .map((image, index) => (
          <details key={image.fileName} className="redaction-choice" open={index === 0}>
            <summary>Redact a copy of {image.fileName}</summary>
            <RedactionEditor view={view} image={image} />
          </details>
        ))}
      <CaptureCaseField view={view} />
      <LegalHoldField
        key={heldSinceOf(view.history) ?? 'not held'}
        target={{ captureId: view.metadata.id }}
        heldSince={heldSinceOf(view.history)}
      />
      <ErasureForm target={{ captureId: view.metadata.id }} what="this capture" onErased={onErased} />
      <PostDetailsPanel view={view} />
      <form onSubmit={(event) => void save(event)}>
        <h2>Edit</h2>
        <p className="help">
          Edits never change what was recorded at capture; each one is added to the audit log below.
        </p>
        <CategoryField value={category} onChange={setCategory} />
        <label htmlFor="edit-note">Note</label>
        <textarea id="edit-note" value={note} onChange={(e) => setNote(e.target.value)} />
        <InvisibleCharacters value={note} prose testId="note-invisible" />
        <ErrorMessage error={error} />
        <div className="row">
          <button type="submit">Save changes</button>
        </div>
      </form>
      <h2>History</h2>
      <ol className="history">
        {view.history.map((entry) => (
          <li key={entry.hash}>
            <time dateTime={entry.at}>{entry.at}</time> — {showInvisible(entry.actor.name)}:{' '}
            {showInvisible(describeEvent(entry.event), { keepLineBreaks: true })}{' '}
            <span className="hash">
              {entryLabel(entry)}, {entry.hash.slice(0, 12)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
