import { TemplateField } from './TemplateField';
import { pageServices } from '@/lib/browser/pageServices';
import { DEFAULT_WARNING_TEMPLATE } from '@/lib/cases/warningLetter';
import { DEFAULT_SUBJECT_ACCESS_TEMPLATE } from '@/lib/subjectAccess/pack';

// Stable functions, so each field loads its template once.
const settings = () => pageServices().settings;
const loadWarning = () => settings().getWarningTemplate();
const saveWarning = (template: string) => settings().saveWarningTemplate(template);
const loadSubjectAccess = () => settings().getSubjectAccessTemplate();
const saveSubjectAccess = (template: string) => settings().saveSubjectAccessTemplate(template);

/** The school's letter templates in the options: the written warning (issue #4), the subject access reply (issue #18). */
export function LetterTemplates() {
  return (
    <>
      <TemplateField
        heading="Written warning letter"
        placeholders={['school', 'date', 'parentName', 'posts', 'categoryWording', 'staffName', 'staffRole']}
        fallback={DEFAULT_WARNING_TEMPLATE}
        load={loadWarning}
        save={saveWarning}
      />
      <TemplateField
        heading="Subject access reply"
        placeholders={[
          'school',
          'date',
          'person',
          'requestReceived',
          'responseDue',
          'captureCount',
          'caseCount',
          'staffName',
          'staffRole',
        ]}
        fallback={DEFAULT_SUBJECT_ACCESS_TEMPLATE}
        load={loadSubjectAccess}
        save={saveSubjectAccess}
      />
    </>
  );
}
