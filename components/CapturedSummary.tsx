import { ArtefactImage } from './ArtefactImage';
import { openDashboard } from '@/lib/browser/pageServices';
import { primaryImage, thumbnailOf } from '@/lib/capture/artefacts';
import type { CaptureMetadata } from '@/lib/capture/metadata';
import { UNCLEAR_POST_WORDS } from '@/lib/extract/postDetails';
import { shortHash } from '@/lib/hash';

/** After a capture: the thumbnail, the time and the short hash (issue #2, item 4). */
export function CapturedSummary({ captured, onAnother }: { captured: CaptureMetadata; onAnother: () => void }) {
  const image = primaryImage(captured);
  return (
    <main className="popup">
      <h1>Captured</h1>
      {captured.reference && (
        <p>
          Exhibit reference <strong data-testid="exhibit-reference">{captured.reference}</strong>
        </p>
      )}
      <p className="success" role="status">
        Saved at <time dateTime={captured.capturedAtUtc}>{captured.capturedAtUtc}</time> (UTC)
      </p>
      <ArtefactImage
        captureId={captured.id}
        fileName={thumbnailOf(captured)?.fileName ?? ''}
        alt="Thumbnail of the capture"
      />
      {captured.post?.foundBy === 'unclear' && <p className="help">{UNCLEAR_POST_WORDS}</p>}
      <p>
        SHA-256 <code data-testid="short-hash">{image && shortHash(image.sha256)}</code>
      </p>
      <div className="row">
        <button onClick={() => void openDashboard(`#capture=${captured.id}`)}>Open dashboard</button>
        <button className="secondary" onClick={onAnother}>
          Capture another
        </button>
      </div>
    </main>
  );
}
