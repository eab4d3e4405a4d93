import type { StaffMember } from '../capture/metadata';
import type { CaseView } from '../store/caseRepository';
import type { EvidenceRepository } from '../store/evidenceRepository';
import type { BundleExporter, ExportProgress } from './exportBundle';
import type { ExportStamp } from './bundleFiles';

export interface ExportFlowDeps {
  exporter: BundleExporter;
  evidence: EvidenceRepository;
  saveFile(zip: Blob, fileName: string, askWhereToSave: boolean): Promise<void>;
}

/** Build → save → record in the audit log. A cancel or failure at any step records nothing. */
export function createExportFlow(deps: ExportFlowDeps) {
  return async function exportAndSave(options: {
    captureIds: readonly string[];
    caseView?: CaseView;
    exportedBy: StaffMember;
    askWhereToSave: boolean;
    share?: boolean;
    signal?: AbortSignal;
    onProgress?: (progress: ExportProgress) => void;
  }): Promise<{ fileName: string; manifestSha256: string; exportStamp?: ExportStamp }> {
    const bundle = await deps.exporter.exportBundle(options);
    await deps.saveFile(bundle.zip, bundle.fileName, options.askWhereToSave);
    await deps.evidence.recordExport(
      bundle.manifest.captures.map((c) => c.id),
      bundle.fileName,
      bundle.manifestSha256,
      options.exportedBy,
    );
    return { fileName: bundle.fileName, manifestSha256: bundle.manifestSha256, exportStamp: bundle.exportStamp };
  };
}
