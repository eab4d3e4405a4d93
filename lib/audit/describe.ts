import { POST_FIELD_LABELS } from '../extract/postDetails';
import { describeCategory } from '../policy';
import type { AuditEvent } from './entry';

/** One audit event in plain words, for the dashboard's history and the report. */
export function describeEvent(event: AuditEvent): string {
  switch (event.action) {
    case 'capture.created':
      return 'captured';
    case 'bundle.exported':
      return `exported in ${event.fileName}`;
    case 'capture.edited': {
      const { change } = event;
      if (change.field === 'note') return `changed the note from “${change.from}” to “${change.to}”`;
      if (change.field === 'category') return `changed the category from “${describeCategory(change.from)}” to “${describeCategory(change.to)}”`;
      return `corrected “${POST_FIELD_LABELS[change.key]}” from “${change.from ?? '(not found)'}” to “${change.to ?? '(empty)'}”`;
    }
  }
}
