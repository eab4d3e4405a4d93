import { html, type SafeHtml } from '../html';
import { renderLetterPage } from '../letterPage';
import { categoryById, type CategoryChoice } from '../policy';

/**
 * The written warning the policy describes ("Set out the school's concerns to you in writing,
 * giving you a warning and requesting that the material in question is removed"), drafted from a
 * template the school edits in the options. Placeholders in {{double braces}}.
 */
export const DEFAULT_WARNING_TEMPLATE = `{{school}}
{{date}}

Dear {{parentName}},

Use of social media about the school

We are writing about the following posts, which we consider an inappropriate use of social media under the Trust's Parental Use of Social Media Policy:

{{posts}}

The policy describes this as: {{categoryWording}}.

We ask that you remove this material from the site where it was posted. If it is not removed, or further posts of this kind are made, the school will consider the other steps the policy sets out, which may include reporting the content to the site, taking legal advice, or contacting the police.

If you have a concern about the school, please contact us so that we can discuss it with you directly.

Yours sincerely,

{{staffName}}
{{staffRole}}`;

export interface LetterPost {
  capturedAtUtc: string;
  platform: string;
  url: string;
  category: CategoryChoice;
}

export interface LetterData {
  school: string;
  /** The letter's date as it should read, e.g. "25 November 2026". */
  date: string;
  parentName: string;
  posts: readonly LetterPost[];
  staffName: string;
  staffRole: string;
}

/** What a letter's template can name in {{…}}. */
type Placeholder = 'school' | 'date' | 'parentName' | 'posts' | 'categoryWording' | 'staffName' | 'staffRole';

/**
 * The letter as a printable, self-contained HTML page. The template and every value are text:
 * all are escaped, so neither a page's content nor an edited template can add markup or script.
 */
export function renderWarningLetter(template: string, data: LetterData): string {
  const wordings = [...new Set(data.posts.map((p) => categoryById(p.category.id).policyWording))];
  const values: Record<Placeholder, SafeHtml> = {
    school: html`${data.school}`,
    date: html`${data.date}`,
    parentName: html`${data.parentName || 'Parent/Carer'}`,
    posts: html`<ul>
      ${data.posts.map((p) => html`<li>${p.platform}, ${p.capturedAtUtc.slice(0, 10)}: <span class="url">${p.url}</span></li>`)}
    </ul>`,
    categoryWording: html`“${wordings.join('”; “')}”`,
    staffName: html`${data.staffName}`,
    staffRole: html`${data.staffRole}`,
  };
  return renderLetterPage(template, values, `Written warning — ${data.school}`);
}
