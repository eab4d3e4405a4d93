import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry } from '../audit';
import type { ArtefactKind, CaptureMetadata } from '../capture/metadata';

export interface CaptureRow {
  id: string;
  capturedAtUtc: string;
  /** Stored once at capture, never updated (edits live in the audit log). */
  metadata: CaptureMetadata;
}

/** One stored artefact's bytes, named as in its capture's metadata. */
export interface StoredFile {
  captureId: string;
  fileName: string;
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
  files!: Dexie.Table<StoredFile, [string, string]>;
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
    // 2: files are keyed by name, since a full-page capture keeps several images of one kind (#3).
    this.version(2)
      .stores({ files: '[captureId+fileName], captureId' })
      .upgrade(async (tx) => {
        const captures = await tx.table<CaptureRow>('captures').toArray();
        const nameOf = new Map(captures.flatMap((c) => c.metadata.artefacts.map((a) => [`${c.id}/${a.kind}`, a.fileName] as const)));
        const old = await tx.table<Omit<StoredFile, 'fileName'>>('artefacts').toArray();
        await tx.table<StoredFile>('files').bulkAdd(old.map((row) => ({ ...row, fileName: nameOf.get(`${row.captureId}/${row.kind}`) ?? `${row.kind}.bin` })));
      });
    this.version(3).stores({ artefacts: null });
  }
}
