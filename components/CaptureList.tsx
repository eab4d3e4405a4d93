import { ArtefactImage } from './ArtefactImage';
import { shownReference } from '@/lib/audit';
import { thumbnailOf } from '@/lib/capture/artefacts';
import { describeCategory } from '@/lib/policy';
import type { CaptureRow } from '@/lib/store/db';
import { showInvisible } from '@/lib/visibleText';
import { formatUtc } from '@/lib/time';

interface Props {
  /** The rows shown: the newest passing the filters, with their kept summaries (issue #17). */
  captures: CaptureRow[];
  /** Whether more rows pass the filters than are shown. */
  more: boolean;
  filtered: boolean;
  /** The words these rows were found by, marked on the list for whoever waits for a search's results. */
  resultsFor?: string;
  /** Rows for earlier filters or a narrower window, shown while the new ones are read. */
  busy?: boolean;
  onShowMore: () => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onOpen: (id: string) => void;
}

/** Captures, newest first, with a checkbox each for export; a window of rows, widened on request. */
export function CaptureList({
  captures,
  more,
  filtered,
  resultsFor = '',
  busy = false,
  onShowMore,
  selected,
  onToggle,
  onToggleAll,
  onOpen,
}: Props) {
  if (captures.length === 0)
    return (
      <p data-results-for={resultsFor}>
        {filtered
          ? 'No capture matches these filters.'
          : 'No captures yet. Use the Exhibit button in the toolbar on the page of a post.'}
      </p>
    );
  const allSelected = captures.every((c) => selected.has(c.metadata.id));
  return (
    <>
      <table className="captures" aria-busy={busy} data-results-for={resultsFor}>
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label="Select all captures shown"
                checked={allSelected}
                onChange={onToggleAll}
              />
            </th>
            <th>Capture</th>
            <th>Exhibit</th>
            <th>Page</th>
            <th>Category</th>
            <th>Site</th>
            <th>Captured (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {captures.map(({ metadata, summary, site }, index) => {
            // A page's title can carry a bidi override or zero-width characters; they are shown, not obeyed (issue #15).
            const title = showInvisible(metadata.page.title || metadata.page.url);
            return (
              <tr key={metadata.id} data-capture-id={metadata.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select capture of ${title}`}
                    checked={selected.has(metadata.id)}
                    onChange={() => onToggle(metadata.id)}
                  />
                </td>
                {/* The thumbnail opens the capture for the mouse; the page's title is the control, one Tab stop a row. */}
                <td className="opens" onClick={() => onOpen(metadata.id)}>
                  <ArtefactImage
                    captureId={metadata.id}
                    fileName={thumbnailOf(metadata)?.fileName ?? ''}
                    alt=""
                    whenVisible={index >= ROWS_READ_AT_ONCE}
                  />
                </td>
                <td>
                  {shownReference(metadata.reference, summary.receivedFrom) ??
                    (summary.receivedFrom ? 'received' : '—')}
                </td>
                <td>
                  <button
                    className="link-text"
                    onClick={() => onOpen(metadata.id)}
                    aria-label={`Open capture of ${title}`}
                  >
                    {title}
                  </button>
                </td>
                <td>{describeCategory(summary.category)}</td>
                <td>{site}</td>
                <td>
                  <time dateTime={metadata.capturedAtUtc}>{formatUtc(metadata.capturedAtUtc, 'second')}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {more && (
        <button className="secondary" onClick={onShowMore}>
          Show {CAPTURES_PER_WINDOW} more
        </button>
      )}
    </>
  );
}

/**
 * The first rows' thumbnails are read at once (a screen holds about this many): waiting to be told
 * they are in view costs the first screen a frame; the rest are read as they come into view.
 */
const ROWS_READ_AT_ONCE = 12;

/** How many rows the list shows at first, and adds each time more are asked for. */
export const CAPTURES_PER_WINDOW = 50;
