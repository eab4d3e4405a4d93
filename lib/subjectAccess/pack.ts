import { z } from 'zod';
import { html } from '../html';
import { renderLetterPage } from '../letterPage';
import { addMonths } from '../retention/rules';
import type { IsoDate } from '../time';
import { PersonPlaceSchema, type PersonPlace } from './extracts';

/** A subject access request as staff record it (issue #18): who asked, and the day it was received. */
export const SubjectAccessRequestSchema = z.object({
  person: z.string().trim().min(1, 'Give the name of the person who asked.').max(300),
  requestReceivedOn: z.iso.date({ error: 'Give the day the request was received.' }),
});
export type SubjectAccessRequest = z.infer<typeof SubjectAccessRequestSchema>;

/** A request still to answer, as its row in the store keeps it (v13), in step with its audit entries. */
export const SubjectAccessRequestRowSchema = z.object({
  requestId: z.uuid(),
  person: z.string().min(1).max(300),
  receivedOn: z.iso.date(),
  dueOn: z.iso.date(),
  /** Why the reply was put off, when it was. */
  extendedBecause: z.string().max(2000).optional(),
});
export type SubjectAccessRequestRow = z.infer<typeof SubjectAccessRequestRowSchema>;

/**
 * The day a reply is due: one calendar month from the day the request was received (UK GDPR Art.
 * 12(3), as the ICO counts it: the same date next month, or that month's last day when it has none).
 */
export function responseDueOn(receivedOn: IsoDate): IsoDate {
  return addMonths(receivedOn, 1);
}

/** The person's data as a pack gives it: where they appear in each capture and case, and what it says. */
export const PersonDataSchema = z.object({
  format: z.literal('exhibit-subject-access'),
  formatVersion: z.literal(1),
  person: z.string().min(1).max(300),
  requestReceivedOn: z.iso.date(),
  responseDueOn: z.iso.date(),
  captures: z
    .array(
      z.object({
        captureId: z.uuid(),
        reference: z.string().max(40).optional(),
        capturedAtUtc: z.iso.datetime(),
        /** Where its redacted copies are in the pack (its originals are not). */
        folder: z.string().max(300),
        places: z.array(PersonPlaceSchema).max(50),
      }),
    )
    .max(10_000),
  cases: z.array(z.object({ caseId: z.uuid(), places: z.array(PersonPlaceSchema).max(500) })).max(10_000),
});
export type PersonData = z.infer<typeof PersonDataSchema>;

export const SUBJECT_ACCESS_DATA_PATH = 'subject-access/your-data.json';
export const SUBJECT_ACCESS_LETTER_PATH = 'subject-access/cover-letter.html';

/** What a subject access pack is made from: the request, the letter, and the places found, by item. */
export interface SubjectAccessPackInput {
  request: SubjectAccessRequest;
  coverLetter: string;
  captures: readonly { captureId: string; places: PersonPlace[] }[];
  cases: readonly { caseId: string; places: PersonPlace[] }[];
}

/** The school's cover letter for a subject access reply, edited in the options. Placeholders in {{double braces}}. */
export const DEFAULT_SUBJECT_ACCESS_TEMPLATE = `{{school}}
{{date}}

Dear {{person}},

Your subject access request

Thank you for your request, received on {{requestReceived}}, for a copy of the personal data the school holds about you in its records of social media posts. We are answering it by {{responseDue}}.

With this letter is a copy of that data: {{captureCount}} record(s) of posts and {{caseCount}} case record(s) in which you are named. For each, it shows where you appear and what it says about you. Other people's information has been removed or blacked out.

The records were made under the Trust's Parental Use of Social Media Policy, to respond to posts about the school and, where needed, to take the further steps the policy describes. They are kept for the periods in the school's retention schedule and then reviewed.

You may ask us to correct data that is wrong, to erase it or restrict its use, and you may object to our using it. If you are unhappy with how we have handled your request, please contact the school's Data Protection Officer. You can also complain to the Information Commissioner's Office (ico.org.uk, 0303 123 1113).

The files with this letter can be checked for changes: open verify.html from the unzipped folder in a web browser.

Yours sincerely,

{{staffName}}
{{staffRole}}`;

export interface SubjectAccessLetterData {
  school: string;
  /** The letter's date as it should read, e.g. "7 December 2026". */
  date: string;
  request: SubjectAccessRequest;
  captureCount: number;
  caseCount: number;
  staffName: string;
  staffRole: string;
}

/** The cover letter as a printable page; every value and the template itself are escaped. */
export function renderSubjectAccessLetter(template: string, data: SubjectAccessLetterData): string {
  const { request } = data;
  return renderLetterPage(
    template,
    {
      school: html`${data.school}`,
      date: html`${data.date}`,
      person: html`${request.person}`,
      requestReceived: html`${request.requestReceivedOn}`,
      responseDue: html`${responseDueOn(request.requestReceivedOn)}`,
      captureCount: html`${data.captureCount}`,
      caseCount: html`${data.caseCount}`,
      staffName: html`${data.staffName}`,
      staffRole: html`${data.staffRole}`,
    },
    `Subject access request — ${data.school}`,
  );
}

/**
 * The latest a reply may be put off to: two further months (three from receipt), for a request that
 * is complex or one of several from the person (UK GDPR Art. 12(3)); the person must be told why.
 */
export function latestExtendedDueOn(receivedOn: IsoDate): IsoDate {
  return addMonths(receivedOn, 3);
}

/** Putting a reply off: to which day, and why. */
export const ExtensionSchema = z.object({
  dueOn: z.iso.date({ error: 'Give the new day the reply is due.' }),
  reason: z.string().trim().min(1, 'Say why the reply needs longer (complex, or several requests).').max(2000),
});
export type Extension = z.infer<typeof ExtensionSchema>;

/** Closing a request without a pack (answered another way, withdrawn, refused): why. */
export const ClosingSchema = z.object({
  reason: z.string().trim().min(1, 'Say how the request was answered or why it is closed.').max(2000),
});

/** How a request stands on a day: days until its reply is due (negative when overdue). */
export function daysLeft(dueOn: IsoDate, today: IsoDate): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
