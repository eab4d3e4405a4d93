import type { BundleExporter, ExportProgress } from '../bundle/exportBundle';
import type { StaffMember } from '../capture/metadata';
import { ExhibitError, parseInput } from '../errors';
import type { EvidenceRepository } from '../store/evidenceRepository';
import type { CaptureHit, CaseHit } from '../store/personSearch';
import type { SettingsRepository } from '../store/settings';
import { formatLetterDate } from '../time';
import { SubjectAccessRequestSchema, renderSubjectAccessLetter, type SubjectAccessRequest } from './pack';

export interface SubjectAccessFlowDeps {
  exporter: BundleExporter;
  evidence: EvidenceRepository;
  settings: SettingsRepository;
  saveFile(zip: Blob, fileName: string, askWhereToSave: boolean): Promise<void>;
  clock?: () => Date;
}

/**
 * A subject access pack (issue #18): the request checked, the cover letter drafted from the school's
 * template, a share copy of the captures chosen with what each capture and case says of the person,
 * saved, then recorded in the audit log. A cancel or failure at any step records nothing.
 */
export function createSubjectAccessFlow(deps: SubjectAccessFlowDeps) {
  const clock = deps.clock ?? (() => new Date());
  return async function exportSubjectAccessPack(options: {
    request: SubjectAccessRequest;
    /** The logged request the pack answers: it leaves the due list. */
    requestId?: string;
    captures: readonly CaptureHit[];
    cases: readonly CaseHit[];
    exportedBy: StaffMember;
    signal?: AbortSignal;
    onProgress?: (progress: ExportProgress) => void;
  }): Promise<{ fileName: string; manifestSha256: string }> {
    const request = parseInput(SubjectAccessRequestSchema, options.request);
    const { captures, cases, exportedBy } = options;
    if (captures.length + cases.length === 0)
      throw new ExhibitError('invalid-input', 'Choose at least one capture or case for the pack.');
    const [template, calendar, { askWhereToSave }] = await Promise.all([
      deps.settings.getSubjectAccessTemplate(),
      deps.settings.getCalendar(),
      deps.settings.getExportSettings(),
    ]);
    const coverLetter = renderSubjectAccessLetter(template, {
      school: exportedBy.school,
      date: formatLetterDate(clock(), calendar.timeZone),
      request,
      captureCount: captures.length,
      caseCount: cases.length,
      staffName: exportedBy.name,
      staffRole: exportedBy.role,
    });
    const bundle = await deps.exporter.exportBundle({
      captureIds: captures.map((hit) => hit.captureId),
      exportedBy,
      subjectAccess: {
        request,
        coverLetter,
        captures: captures.map(({ captureId, places }) => ({ captureId, places })),
        cases: cases.map(({ caseId, places }) => ({ caseId, places })),
      },
      signal: options.signal,
      onProgress: options.onProgress,
    });
    await deps.saveFile(bundle.zip, bundle.fileName, askWhereToSave);
    await deps.evidence.recordSubjectAccessPack(
      {
        ...(options.requestId ? { requestId: options.requestId } : {}),
        person: request.person,
        requestReceivedOn: request.requestReceivedOn,
        captureIds: bundle.manifest.captures.map((c) => c.id),
        caseIds: cases.map((hit) => hit.caseId),
        fileName: bundle.fileName,
        manifestSha256: bundle.manifestSha256,
      },
      exportedBy,
    );
    return { fileName: bundle.fileName, manifestSha256: bundle.manifestSha256 };
  };
}
