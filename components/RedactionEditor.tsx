import { useState, type PointerEvent } from 'react';
import { ArtefactImage } from './ArtefactImage';
import { ErrorMessage } from './ErrorMessage';
import { currentRedactions, entryLabel, exportableRedactions } from '@/lib/audit';
import { pageServices } from '@/lib/browser/pageServices';
import type { Artefact } from '@/lib/capture/metadata';
import type { RedactionBox } from '@/lib/capture/redaction';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import { useAction } from './useAction';

type Scale = { x: number; y: number };

/**
 * Draw boxes over children's names and faces on a copy of an image (issue #5). Boxes are drawn
 * with the pointer, or typed in image pixels for keyboard users; saving makes the redacted copy
 * beside the untouched original and records it in the audit log.
 */
export function RedactionEditor({ view, image }: { view: CaptureView; image: Artefact }) {
  const [boxes, setBoxes] = useState<RedactionBox[]>([]);
  const [drag, setDrag] = useState<{ x: number; y: number; box: RedactionBox }>();
  const [scale, setScale] = useState<Scale>({ x: 1, y: 1 });
  const [typed, setTyped] = useState({ x: '', y: '', width: '', height: '' });
  const { error, setError, run, busy: saving } = useAction();
  const existing = exportableRedactions(view.history).find((r) => r.image === image.fileName);
  // A copy the sending installation made, received with its bundle; one made here takes its place.
  const received = existing
    ? undefined
    : currentRedactions(view.history.filter((e) => 'receivedFrom' in e)).find((r) => r.image === image.fileName);

  // Pointer positions are in CSS pixels of the shown image; boxes are kept in the image's own pixels.
  const at = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: Math.round((event.clientX - rect.left) * scale.x),
      y: Math.round((event.clientY - rect.top) * scale.y),
    };
  };
  const boxBetween = (a: { x: number; y: number }, b: { x: number; y: number }): RedactionBox => ({
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  });

  function addTyped() {
    const box = { x: Number(typed.x), y: Number(typed.y), width: Number(typed.width), height: Number(typed.height) };
    if (Object.values(box).some((n) => !Number.isInteger(n) || n < 0) || box.width === 0 || box.height === 0) {
      setError(new Error('Give whole numbers of image pixels; width and height above 0.'));
      return;
    }
    setError(undefined);
    setBoxes((b) => [...b, box]);
  }

  async function save() {
    await run(async () => {
      await pageServices().redactCopy(view.metadata.id, image.fileName, boxes);
      setBoxes([]);
    });
  }

  const shown = drag ? [...boxes, drag.box] : boxes;
  return (
    <section className="redaction" aria-labelledby={`redact-${image.fileName}`}>
      <h3 id={`redact-${image.fileName}`}>Redacted copy of {image.fileName}</h3>
      <p className="help">
        Drag over children’s names and faces to black them out on a copy for sharing. The original is never changed; the
        copy goes in exports beside it, with its own hash.
      </p>
      <div
        className="redaction-canvas"
        data-testid="redaction-canvas"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const start = at(e);
          setDrag({ ...start, box: { ...start, width: 0, height: 0 } });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, box: boxBetween(drag, at(e)) })}
        onPointerUp={() => {
          if (drag && drag.box.width > 0 && drag.box.height > 0) setBoxes((b) => [...b, drag.box]);
          setDrag(undefined);
        }}
      >
        <ArtefactImage
          captureId={view.metadata.id}
          fileName={image.fileName}
          alt={`${image.fileName} to redact`}
          className="capture-image"
          onLoad={(img) => setScale({ x: img.naturalWidth / img.clientWidth, y: img.naturalHeight / img.clientHeight })}
        />
        {shown.map((box, i) => (
          <div
            key={i}
            className="redaction-box"
            style={{
              left: box.x / scale.x,
              top: box.y / scale.y,
              width: box.width / scale.x,
              height: box.height / scale.y,
            }}
          />
        ))}
      </div>
      <fieldset>
        <legend>Or add a box by its position in image pixels</legend>
        <div className="row">
          {(['x', 'y', 'width', 'height'] as const).map((key) => (
            <label key={key}>
              {key}{' '}
              <input
                inputMode="numeric"
                size={6}
                value={typed[key]}
                onChange={(e) => setTyped({ ...typed, [key]: e.target.value })}
              />
            </label>
          ))}
          <button type="button" className="secondary" onClick={addTyped}>
            Add box
          </button>
        </div>
      </fieldset>
      {boxes.length > 0 && (
        <ul aria-label="Boxes to black out">
          {boxes.map((box, i) => (
            <li key={i}>
              {box.width} × {box.height} at ({box.x}, {box.y}){' '}
              <button type="button" className="secondary" onClick={() => setBoxes((b) => b.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
      <button type="button" disabled={boxes.length === 0 || saving} onClick={() => void save()}>
        {saving ? 'Saving…' : `Save redacted copy (${boxes.length} box${boxes.length === 1 ? '' : 'es'})`}
      </button>
      {received && (
        <figure>
          <ArtefactImage
            key={received.copy.sha256}
            captureId={view.metadata.id}
            fileName={received.copy.fileName}
            redactedCopy
            sha256={received.copy.sha256}
            alt={`Redacted copy of ${image.fileName}, received`}
            className="capture-image"
          />
          <figcaption className="help" data-testid="received-redacted-copy">
            {received.copy.fileName}: redacted copy received with a bundle, {received.boxes.length} area(s) blacked out
            by {received.entry.actor.name} at {received.entry.at} ({entryLabel(received.entry)}). SHA-256{' '}
            {received.copy.sha256}. Not the original. Bundles exported here carry only redacted copies made here: to
            share this image redacted, save a copy above.
          </figcaption>
        </figure>
      )}
      {existing && (
        <figure>
          <ArtefactImage
            key={existing.copy.sha256}
            captureId={view.metadata.id}
            fileName={existing.copy.fileName}
            redactedCopy
            alt={`Redacted copy of ${image.fileName}`}
            className="capture-image"
          />
          <figcaption className="help" data-testid="redacted-copy">
            {existing.copy.fileName}: redacted copy, {existing.boxes.length} area(s) blacked out by{' '}
            {existing.entry.actor.name} at {existing.entry.at}. SHA-256 {existing.copy.sha256}. Not the original.
          </figcaption>
        </figure>
      )}
    </section>
  );
}
