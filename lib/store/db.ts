import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry } from '../audit';
import type { ArtefactKind, CaptureMetadata } from '../capture/metadata';

export interface CaptureRow {
  id: string;
  capturedAtUtc: string;
  /** Stored once at capture, never updated (edits live in the audit log). */
  metadata: CaptureMetadata;
}

export interface ArtefactRow {
  captureId: string;
  kind: ArtefactKind;
  blob: Blob;
  sha256: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** The one typed database of the extension (IndexedDB, local to this browser profile). */
export class ExhibitDb extends Dexie {
  captures!: EntityTable<CaptureRow, 'id'>;
  artefacts!: Dexie.Table<ArtefactRow, [string, ArtefactKind]>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = 'exhibit') {
    super(name);
    // One version() per schema change, kept forever; each later version adds an upgrade step.
    this.version(1).stores({
      captures: 'id, capturedAtUtc',
      artefacts: '[captureId+kind], captureId',
      audit: 'seq, event.captureId',
      settings: 'key',
    });
  }
}
