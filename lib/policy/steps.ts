import { z } from 'zod';
import { required } from '../required';

/**
 * The procedure in the policy ("Procedure for addressing inappropriate use of social networks"),
 * as the steps a case records. Each quotes the policy; the words are the single source for the
 * case checklist, the recommendations and the report.
 */
export const POLICY_STEPS = [
  {
    id: 'discussion',
    label: 'Discussion with the parent',
    policyWording:
      'as a first step, the schools will usually discuss the matter with the parent to try and resolve the matter',
  },
  {
    id: 'removal-request',
    label: 'Request to remove',
    policyWording: 'to ask that the relevant information be removed from the social networking site in question',
  },
  {
    id: 'written-warning',
    label: 'Written warning',
    policyWording:
      "Set out the school's concerns to you in writing, giving you a warning and requesting that the material in question is removed",
  },
  {
    id: 'block-restrict',
    label: 'Block or restrict on the school’s account',
    policyWording:
      "If the inappropriate comments have been made on a social media accounts, the school may take action to block or restrict that individual's access to that website or forum",
  },
  {
    id: 'platform-report',
    label: 'Report to the platform',
    policyWording:
      'Contact the host/provider of the social networking site to complain about the content of the site and ask for removal of the information.',
  },
  {
    id: 'legal-advice',
    label: 'Legal advice',
    policyWording:
      'Take legal advice and/or legal action where the information posted is defamatory in any way or if the circumstances warrant this',
  },
  {
    id: 'police-referral',
    label: 'Police referral',
    policyWording:
      'Contact the police where the school feels it appropriate – for example, if it considers a crime (such as harassment) has been committed; or in cases where the posting has a prejudicial element, is considered to be grossly obscene or is threatening violence.',
  },
  {
    id: 'other-legal-action',
    label: 'Other legal action',
    policyWording: 'Take other legal action against the individual following appropriate advice.',
  },
  { id: 'resolved', label: 'Resolved', policyWording: 'to ensure the best resolution for all concerned' },
] as const;

export type PolicyStep = (typeof POLICY_STEPS)[number];
export type PolicyStepId = PolicyStep['id'];
export const PolicyStepIdSchema = z.enum(POLICY_STEPS.map((s) => s.id) as [PolicyStepId, ...PolicyStepId[]]);

export function stepById(id: PolicyStepId): PolicyStep {
  return required(
    POLICY_STEPS.find((s) => s.id === id),
    `the policy step ${id}`,
  );
}
