import { renderWarningLetter } from '../cases/warningLetter';
import { ExhibitError } from '../errors';
import { sha256OfBlob } from '../hash';
import type { CaseRepository, EvidenceRepository, SettingsRepository } from '../store';
import type { CaptureView } from '../store/evidenceRepository';
import { slug } from '../slug';
import { formatLetterDate, localDate } from '../time';

export interface WarningLetterDeps {
  cases: CaseRepository;
  evidence: EvidenceRepository;
  settings: SettingsRepository;
  saveFile(blob: Blob, fileName: string, askWhereToSave: boolean): Promise<void>;
  clock?: () => Date;
}

/**
 * Drafts the written warning for a case from the school's template, saves it as a printable HTML
 * file, and records the written-warning step with the file's name and SHA-256 (issue #4).
 */
export function createWarningLetterFlow(deps: WarningLetterDeps) {
  return async function draftWarningLetter(caseId: string): Promise<{ fileName: string; sha256: string }> {
    const clock = deps.clock ?? (() => new Date());
    const [view, actor, template, { askWhereToSave }, calendar] = await Promise.all([
      deps.cases.getCase(caseId),
      deps.settings.getProfile(),
      deps.settings.getWarningTemplate(),
      deps.settings.getExportSettings(),
      deps.settings.getCalendar(),
    ]);
    if (!view) throw new ExhibitError('invalid-input', 'That case no longer exists.');
    if (!actor) throw new ExhibitError('profile-missing', 'Fill in your details in Exhibit’s options first.');
    const captures = (await Promise.all(view.captureIds.map((id) => deps.evidence.getCapture(id)))).filter(
      (c): c is CaptureView => !!c,
    );
    if (captures.length === 0) throw new ExhibitError('invalid-input', 'The case has no captures to put in a letter.');
    const now = clock();
    const letter = renderWarningLetter(template, {
      school: actor.school,
      date: formatLetterDate(now, calendar.timeZone),
      parentName: view.details.personPosting.name,
      posts: captures.map((c) => ({
        capturedAtUtc: c.metadata.capturedAtUtc,
        platform:
          c.metadata.post?.platform === 'generic' || !c.metadata.post
            ? new URL(c.metadata.page.url).hostname
            : c.metadata.post.platform,
        url: c.current.post.permalink ?? c.metadata.page.url,
        category: c.current.category,
      })),
      staffName: actor.name,
      staffRole: actor.role,
    });
    const blob = new Blob([letter], { type: 'text/html;charset=utf-8' });
    // Dated as the school reads the day, in its own zone (the letter, its file and the recorded step alike).
    const today = localDate(now, calendar.timeZone);
    const fileName = `warning-letter-${slug(view.details.title, 'case')}-${today}.html`;
    const sha256 = await sha256OfBlob(blob);
    await deps.saveFile(blob, fileName, askWhereToSave);
    // The draft is kept with the action, so a case's bundle carries the letter that was generated.
    const draft = new File([blob], fileName, { type: blob.type });
    await deps.cases.recordAction(
      caseId,
      {
        step: 'written-warning',
        date: today,
        who: actor.name,
        outcome: `Warning letter drafted: ${fileName}`,
        attachments: [],
      },
      actor,
      [draft],
    );
    return { fileName, sha256 };
  };
}
