import { z } from 'zod';

/**
 * The policy's eight examples of inappropriate use ("Inappropriate uses of Social Media Sites"),
 * quoted word for word, plus "Other". This table is the single source for the popup, the stored
 * metadata and the report (issue #2).
 */
export const POLICY_CATEGORIES = [
  {
    id: 'allegations',
    label: 'Allegations about staff or pupils / cyber-bullying',
    policyWording: 'Making allegations about staff or pupils at the school or Trust/cyber-bullying',
  },
  {
    id: 'complaints',
    label: 'Complaints about the school, Trust or staff',
    policyWording: 'Making complaints about the school, Trust or staff at the School',
  },
  {
    id: 'defamation',
    label: 'Defamatory statements',
    policyWording: 'Making defamatory statements about the school, Trust or staff at the school',
  },
  {
    id: 'offensive-comments',
    label: 'Negative or offensive comments about specific pupils or staff',
    policyWording: 'Posting negative/offensive comments about specific pupils/staff at the school',
  },
  {
    id: 'racist-comments',
    label: 'Racist comments',
    policyWording: 'Posting racist comments',
  },
  {
    id: 'threats',
    label: 'Comments that threaten staff or children',
    policyWording: 'Posting comments which threaten staff/children',
  },
  {
    id: 'naming-children',
    label: 'Naming or commenting on children at the Trust’s schools',
    policyWording:
      'Naming children or posting any comments about children who attend any of the schools within the Trust',
  },
  {
    id: 'contacting-children',
    label: 'Online discussions with children other than their own',
    policyWording: 'Posting comments or engaging in online discussions with children other than their own',
  },
  {
    id: 'other',
    label: 'Other (describe)',
    policyWording:
      'The policy’s list is “non-exhaustive and intended to provide examples only”: describe the inappropriate use.',
  },
] as const;

export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];
export type CategoryId = PolicyCategory['id'];

const CATEGORY_IDS = POLICY_CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];
export const CategoryIdSchema = z.enum(CATEGORY_IDS);

/** A category as recorded on a capture: "other" must say what it is. */
export const CategoryChoiceSchema = z
  .object({
    id: CategoryIdSchema,
    otherDescription: z.string().trim().max(500).optional(),
  })
  .refine((c) => c.id !== 'other' || (c.otherDescription ?? '').length > 0, {
    error: 'Describe the inappropriate use when choosing “Other”.',
    path: ['otherDescription'],
  });
export type CategoryChoice = z.infer<typeof CategoryChoiceSchema>;

export function categoryById(id: CategoryId): PolicyCategory {
  const found = POLICY_CATEGORIES.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown policy category: ${id}`);
  return found;
}

/** How a chosen category reads in lists and the report. */
export function describeCategory(choice: CategoryChoice): string {
  const category = categoryById(choice.id);
  return choice.id === 'other' && choice.otherDescription ? `Other: ${choice.otherDescription}` : category.label;
}
