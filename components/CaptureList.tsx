import { ArtefactImage } from './ArtefactImage';
import { shownReference } from '@/lib/audit';
import { thumbnailOf } from '@/lib/capture/artefacts';
import { describeCategory } from '@/lib/policy';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import { showInvisible } from '@/lib/visibleText';
import { formatUtc } from '@/lib/time';

interface Props {
  captures: CaptureView[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onOpen: (id: string) => void;
}

/** Captures, newest first, with a checkbox each for export. */
export function CaptureList({ captures, selected, onToggle, onToggleAll, onOpen }: Props) {
  if (captures.length === 0)
    return <p>No captures yet. Use the Exhibit button in the toolbar on the page of a post.</p>;
  const allSelected = captures.every((c) => selected.has(c.metadata.id));
  return (
    <table className="captures">
      <thead>
        <tr>
          <th>
            <input type="checkbox" aria-label="Select all captures" checked={allSelected} onChange={onToggleAll} />
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
        {captures.map(({ metadata, current, receivedFrom }) => {
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
                <ArtefactImage captureId={metadata.id} fileName={thumbnailOf(metadata)?.fileName ?? ''} alt="" />
              </td>
              <td>{shownReference(metadata.reference, receivedFrom) ?? (receivedFrom ? 'received' : '—')}</td>
              <td>
                <button
                  className="link-text"
                  onClick={() => onOpen(metadata.id)}
                  aria-label={`Open capture of ${title}`}
                >
                  {title}
                </button>
              </td>
              <td>{describeCategory(current.category)}</td>
              <td>{siteOf(metadata.page.url)}</td>
              <td>
                <time dateTime={metadata.capturedAtUtc}>{formatUtc(metadata.capturedAtUtc, 'second')}</time>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
