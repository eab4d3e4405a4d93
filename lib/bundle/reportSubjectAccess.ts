import type { PersonPlace } from '../subjectAccess/extracts';
import type { PersonData } from '../subjectAccess/pack';
import type { Field, ReportSection } from './reportDocument';

/**
 * A subject access pack's part of the report (issue #18): for each capture and case, where the
 * person appears and what it says of them there — the same as subject-access/your-data.json.
 */
export function subjectAccessSection(data: PersonData): ReportSection {
  const placeFields = (places: readonly PersonPlace[]): Field[] =>
    places.map(({ place, texts }) => ({
      label: place,
      value: texts.length > 0 ? texts.join('\n') : '(named here; nothing more is recorded)',
      prose: true,
    }));
  return {
    kind: 'subject-access',
    blocks: [
      { kind: 'heading', level: 2, text: `What Exhibit holds about ${data.person}` },
      {
        kind: 'paragraph',
        text: `Subject access request received on ${data.requestReceivedOn}; the reply is due by ${data.responseDueOn}. For each record: where the person appears and what it says of them there. Other people’s information is left out, and images are redacted copies.`,
      },
      ...data.captures.flatMap((capture, index) => [
        {
          kind: 'heading' as const,
          level: 3 as const,
          text: `${capture.reference ? `Exhibit ${capture.reference}` : `Record ${index + 1}`}, taken ${capture.capturedAtUtc} (UTC), in ${capture.folder}`,
        },
        { kind: 'fields' as const, fields: placeFields(capture.places) },
      ]),
      ...data.cases.flatMap((record, index) => [
        { kind: 'heading' as const, level: 3 as const, text: `Case record ${index + 1}` },
        { kind: 'fields' as const, fields: placeFields(record.places) },
      ]),
    ],
  };
}
