import type { CategoryId } from './categories';
import { stepById, type PolicyStepId } from './steps';

export interface Recommendation {
  step: PolicyStepId;
  /** "will": the policy says it will happen; "consider": the policy leaves it to the school's judgement. */
  strength: 'will' | 'consider';
  /** The policy's own words for why. */
  policyWording: string;
  /** The categories on the case that lead here. */
  because: CategoryId[];
}

const POLICE =
  'Any comments which include racist, sexist, homophobic remarks, harassment or intimidation and threats of violence will be reported to the police for their investigation.';
const DEFAMATION =
  'If any comments are deemed to be defamatory, i.e. which are untrue, inaccurate and may damage the reputation of the person, the individual may be advised to take legal proceedings against the author of those comments.';

/** Which categories make which step the policy's advice, beyond the first steps every case gets. */
const RULES: { step: PolicyStepId; strength: Recommendation['strength']; categories: CategoryId[]; wording: string }[] =
  [
    { step: 'police-referral', strength: 'will', categories: ['racist-comments', 'threats'], wording: POLICE },
    {
      step: 'police-referral',
      strength: 'consider',
      categories: ['allegations', 'offensive-comments', 'naming-children', 'contacting-children'],
      wording: stepById('police-referral').policyWording,
    },
    { step: 'legal-advice', strength: 'consider', categories: ['defamation', 'allegations'], wording: DEFAMATION },
  ];

/**
 * What the policy says to do next for a case with captures in these categories (issue #4): guidance
 * quoted from the policy, never an action taken. Every case starts with discussion and a request to
 * remove; a refusal leads to a written warning; a post on the school's own account can be blocked;
 * the platform can always be asked to remove it.
 */
export function recommendationsFor(
  categories: readonly CategoryId[],
  options: { onSchoolAccount: boolean },
): Recommendation[] {
  const present = [...new Set(categories)];
  const recommendations: Recommendation[] = [
    { step: 'discussion', strength: 'will', policyWording: stepById('discussion').policyWording, because: present },
    {
      step: 'removal-request',
      strength: 'will',
      policyWording: stepById('removal-request').policyWording,
      because: present,
    },
    {
      step: 'written-warning',
      strength: 'consider',
      policyWording:
        'If the parent refuses to do this and continues to use social networking sites in a manner the school or Trust considers inappropriate',
      because: present,
    },
  ];
  if (options.onSchoolAccount)
    recommendations.push({
      step: 'block-restrict',
      strength: 'consider',
      policyWording: stepById('block-restrict').policyWording,
      because: present,
    });
  recommendations.push({
    step: 'platform-report',
    strength: 'consider',
    policyWording: stepById('platform-report').policyWording,
    because: present,
  });
  for (const rule of RULES) {
    const because = present.filter((c) => rule.categories.includes(c));
    if (because.length === 0) continue;
    const existing = recommendations.find((r) => r.step === rule.step);
    if (!existing)
      recommendations.push({ step: rule.step, strength: rule.strength, policyWording: rule.wording, because });
    else if (existing.strength === 'consider' && rule.strength === 'will')
      Object.assign(existing, { strength: 'will', policyWording: rule.wording, because });
  }
  return recommendations;
}
