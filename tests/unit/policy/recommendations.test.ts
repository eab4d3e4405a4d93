import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_STEPS, recommendationsFor } from '@/lib/policy';

const policyText = readFileSync(
  new URL('../../../docs/policy/parental-social-media-policy.md', import.meta.url),
  'utf8',
).replace(/\*\*/g, '');

describe('policy steps', () => {
  it('quote the policy word for word', () => {
    for (const step of POLICY_STEPS) expect(policyText, step.id).toContain(step.policyWording);
  });
});

describe('what the policy says next', () => {
  const steps = (categories: Parameters<typeof recommendationsFor>[0], onSchoolAccount = false) =>
    recommendationsFor(categories, { onSchoolAccount }).map((r) => `${r.step}:${r.strength}`);

  it('always starts with discussion and a request to remove, a warning if refused, and the platform', () => {
    expect(steps(['complaints'])).toEqual([
      'discussion:will',
      'removal-request:will',
      'written-warning:consider',
      'platform-report:consider',
    ]);
  });

  it('racist remarks and threats “will be reported to the police”', () => {
    for (const category of ['racist-comments', 'threats'] as const) {
      const police = recommendationsFor([category], { onSchoolAccount: false }).find(
        (r) => r.step === 'police-referral',
      );
      expect(police).toMatchObject({ strength: 'will', because: [category] });
      expect(policyText).toContain(police!.policyWording);
      expect(police!.policyWording).toContain('will be reported to the police');
    }
  });

  it('defamatory statements lead to legal advice, quoted from the policy', () => {
    const legal = recommendationsFor(['defamation'], { onSchoolAccount: false }).find((r) => r.step === 'legal-advice');
    expect(legal).toMatchObject({ strength: 'consider', because: ['defamation'] });
    expect(policyText).toContain(legal!.policyWording);
  });

  it('a post on the school’s own account can be blocked or restricted', () => {
    expect(steps(['complaints'], true)).toContain('block-restrict:consider');
    expect(steps(['complaints'], false)).not.toContain('block-restrict:consider');
  });

  it('“will” outranks “consider” when categories are mixed, naming the categories that lead there', () => {
    const police = recommendationsFor(['allegations', 'threats', 'threats'], { onSchoolAccount: false }).filter(
      (r) => r.step === 'police-referral',
    );
    expect(police).toHaveLength(1);
    expect(police[0]).toMatchObject({ strength: 'will', because: ['threats'] });
  });

  it('never recommends the same step twice, and every quote is the policy’s', () => {
    const all = recommendationsFor(
      [
        'allegations',
        'complaints',
        'defamation',
        'offensive-comments',
        'racist-comments',
        'threats',
        'naming-children',
        'contacting-children',
        'other',
      ],
      { onSchoolAccount: true },
    );
    expect(new Set(all.map((r) => r.step)).size).toBe(all.length);
    for (const r of all) expect(policyText, r.step).toContain(r.policyWording);
  });
});
